using System.Text.Json;
using Analytics.Warehouse;

namespace Analytics.Cli.Tests;

/// <summary>
/// `analytics metrics` and `analytics indicators` as a user runs them, on a small warehouse:
/// province P with commune C; tasks T1 (C, due 2026-02-01, completed 01-20 → on time),
/// T2 (C, due 2026-03-01, open → overdue at 03-31); target on-time rate green 80, amber 60 for '*'.
/// </summary>
public sealed class MetricsCommandTests : SmallProvince
{
    [Fact]
    public void Json_has_the_shape_of_the_contract()
    {
        var (exit, output, _) = Run("metrics", "--db", Db, "--unit", "P", "--as-of", "2026-03-31", "--id", "tasks.", "--format", "json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Equal(
            ["as_of", "dims", "id", "status", "unit", "unit_code", "value"],
            r.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));

        var rate = rows.Single(r => r.GetProperty("id").GetString() == "tasks.on_time_rate" && !r.GetProperty("dims").EnumerateObject().Any());
        Assert.Equal("P", rate.GetProperty("unit_code").GetString());
        Assert.Equal("2026-03-31", rate.GetProperty("as_of").GetString());
        Assert.Equal(JsonValueKind.Object, rate.GetProperty("dims").ValueKind);
        Assert.Equal(50.0, rate.GetProperty("value").GetDouble());        // T1 on time ÷ (T1, T2 overdue)
        Assert.Equal("%", rate.GetProperty("unit").GetString());
        Assert.Equal("chua_dat", rate.GetProperty("status").GetString());  // 50 < 60

        var late = rows.Single(r => r.GetProperty("id").GetString() == "tasks.late_days_avg" && !r.GetProperty("dims").EnumerateObject().Any());
        Assert.Equal(JsonValueKind.Null, late.GetProperty("value").ValueKind);   // nothing completed late: no basis
        Assert.Equal(JsonValueKind.Null, late.GetProperty("status").ValueKind);

        var byLead = rows.Single(r => r.GetProperty("id").GetString() == "tasks.overdue" && r.GetProperty("dims").EnumerateObject().Any());
        Assert.Equal("C", byLead.GetProperty("dims").GetProperty("lead_unit").GetString());
        Assert.Equal(1.0, byLead.GetProperty("value").GetDouble());
    }

    [Fact]
    public void Table_is_for_people()
    {
        var (exit, output, _) = Run("metrics", "--db", Db, "--unit", "P", "--as-of", "31/03/2026", "--id", "tasks.");
        Assert.Equal(0, exit);
        Assert.Contains("Chỉ tiêu của Tỉnh P (P) tại ngày 31 tháng 3 năm 2026", output);   // no leading zero for March
        Assert.Matches(@"Tỷ lệ hoàn thành đúng hạn\s+50,0%\s+Chưa đạt", output);
        Assert.Matches(@"Số ngày quá hạn bình quân\s+30,0 ngày", output);   // 03-31 − 03-01
        // totals before the breakdown by lead unit
        Assert.True(output.IndexOf("Tổng số nhiệm vụ", StringComparison.Ordinal) < output.IndexOf("Đơn vị chủ trì: Xã C (C)", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_without_id_shows_the_headline_totals_and_says_how_to_see_the_breakdowns()
    {
        var (exit, output, _) = Run("metrics", "--db", Db, "--unit", "P", "--as-of", "2026-03-31");
        Assert.Equal(0, exit);
        Assert.Matches(@"Tỷ lệ hoàn thành đúng hạn\s+50,0%\s+Chưa đạt", output);
        Assert.DoesNotContain("Đơn vị chủ trì: Xã C (C)", output);
        Assert.Contains("xem bằng --all hoặc --id", output);

        var all = Run("metrics", "--db", Db, "--unit", "P", "--as-of", "2026-03-31", "--all").Out;
        Assert.Contains("Đơn vị chủ trì: Xã C (C)", all);
        Assert.DoesNotContain("xem bằng --all", all);
    }

    [Fact]
    public void Csv_uses_canonical_ids_and_invariant_numbers()
    {
        var (exit, output, _) = Run("metrics", "--db", Db, "--unit", "C", "--as-of", "2026-03-31", "--id", "tasks.completion_rate", "--format", "csv");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("id,unit_code,as_of,dims,value,unit,status", lines[0]);
        Assert.Equal("tasks.completion_rate,C,2026-03-31,{},50,%,", lines[1]);
        Assert.Equal("tasks.completion_rate,C,2026-03-31,\"{\"\"lead_unit\"\":\"\"C\"\"}\",50,%,", lines[2]);
    }

    [Fact]
    public void Unknown_unit_bad_date_and_missing_warehouse_are_usage_errors()
    {
        var unknown = Run("metrics", "--db", Db, "--unit", "X", "--as-of", "2026-03-31");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("unknown unit code 'X'", unknown.Err);
        Assert.Contains("P (Tỉnh P)", unknown.Err);

        var badDate = Run("metrics", "--db", Db, "--unit", "P", "--as-of", "03/31/2026");
        Assert.Equal(2, badDate.Exit);
        Assert.Contains("invalid date '03/31/2026'", badDate.Err);

        var missing = Run("metrics", "--db", Path.Combine(Dir, "none.duckdb"), "--unit", "P", "--as-of", "2026-03-31");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("warehouse not found", missing.Err);
        Assert.False(File.Exists(Path.Combine(Dir, "none.duckdb")));
    }

    [Fact]
    public void An_out_of_date_metrics_layer_is_refused_with_the_fix()
    {
        using (var connection = WarehouseFile.Open(Db))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "update meta.model_version set checksum = 'old' where name = 'sql/metrics/tasks.sql'";
            command.ExecuteNonQuery();
        }
        var (exit, _, err) = Run("metrics", "--db", Db, "--unit", "P", "--as-of", "2026-03-31");
        Assert.Equal(2, exit);
        Assert.Contains("sql/metrics/tasks.sql", err);
        Assert.Contains("run analytics init --db", err);
        Assert.Equal(0, Run("init", "--db", Db).Exit);
        Assert.Equal(0, Run("metrics", "--db", Db, "--unit", "P", "--as-of", "2026-03-31").Exit);
    }

    [Fact]
    public void Indicators_lists_the_catalogue()
    {
        var (exit, output, _) = Run("indicators", "--format", "json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var ids = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(55, ids.Count);   // 52 of INDICATORS.md and the three unit-standard indicators (issue 19)
        var rate = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "tasks.on_time_rate");
        Assert.Equal("Tỷ lệ hoàn thành đúng hạn", rate.GetProperty("name_vi").GetString());
        Assert.Equal("higher", rate.GetProperty("better").GetString());

        var table = Run("indicators");
        Assert.Contains("Tỷ lệ quá hạn (Overdue rate) · % · thấp hơn là tốt / lower", table.Out);
    }
}
