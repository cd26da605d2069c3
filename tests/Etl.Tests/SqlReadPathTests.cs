using System.Text;
using Analytics.Etl.Loading;
using Analytics.Synthetic;
using Dapper;

namespace Analytics.Etl.Tests;

/// <summary>
/// Issue 7: the SQL read path (DuckDB's read_csv, src/Etl/Loading/SqlCsvStage.cs) gives exactly
/// what the record-by-record path gives (every raw column incl. row_hash and source_line, the
/// journal, the report), and falls back to that path whenever it could not be sure, so that errors
/// keep their line, column, value and reason.
/// </summary>
public class SqlReadPathTests
{
    private static readonly LoadOptions RecordByRecord = new() { SqlCsvPath = false };

    /// <summary>Loads the same paths in two warehouses, by each path, and asserts the same outcome.</summary>
    private static (LoadReport Sql, LoadReport Records) LoadBothWays(string[] paths, LoadOptions? options = null, Action<Scratch>? prepare = null, int times = 1)
    {
        using var sql = new Scratch();
        using var records = new Scratch();
        prepare?.Invoke(sql);
        prepare?.Invoke(records);
        LoadReport? a = null, b = null;
        for (var i = 0; i < times; i++)
        {
            a = sql.Load(options ?? new LoadOptions(), paths);
            b = records.Load((options ?? new LoadOptions()) with { SqlCsvPath = false }, paths);
            Assert.Equal(Describe(b), Describe(a));
        }
        Assert.Equal(Contents(records), Contents(sql));
        Assert.All(b!.Files, f => Assert.StartsWith("records", f.ReadPath ?? "records"));
        return (a!, b!);
    }

    /// <summary>Every raw table (all columns, in a fixed order) and the journal without its clock times.</summary>
    private static string Contents(Scratch s)
    {
        var text = new StringBuilder();
        foreach (var table in s.Query<string>("select table_name from duckdb_tables() where schema_name = 'raw' order by table_name"))
        {
            text.AppendLine($"== raw.{table}");
            foreach (var row in s.Query<string>($"select cast(t as varchar) as r from raw.{table} t order by r"))
                text.AppendLine(row);
        }
        text.AppendLine("== meta.loads");
        foreach (var row in s.Query<string>("select cast(j as varchar) as r from (select * exclude (started_at, finished_at, file_path) from meta.loads) j order by r"))
            text.AppendLine(row);
        return text.ToString();
    }

    private static string Describe(LoadReport report) => string.Join("\n", report.Files.Select(f =>
        $"{f.File} {f.Dataset} {f.Sha256} {f.Outcome} read={f.RowsRead} ins={f.Inserted} rep={f.Replaced} same={f.Unchanged} rej={f.Rejected} " +
        $"errors={f.ErrorCount} warnings={f.WarningCount} load={f.LoadId}\n" +
        string.Join("\n", f.Errors.Select(e => $"  E {e.Where(f.File)} {e.Column} [{e.Value}] {e.ReasonVi} / {e.ReasonEn}")) + "\n" +
        string.Join("\n", f.Warnings.Select(e => $"  W {e.Where(f.File)} {e.Column} [{e.Value}] {e.ReasonVi} / {e.ReasonEn}"))));

    [Fact]
    public void Every_data_sample_loads_the_same_by_both_paths_twice_over()
    {
        var (sql, _) = LoadBothWays([SampleFiles.Dir], times: 2);
        // the test means something only if the SQL path really read the common files
        var paths = string.Join("\n", sql.Files.Select(f => $"{f.File}: {f.ReadPath}"));
        foreach (var dataset in new[] { "units", "staffing", "revenue", "task_updates", "revenue_targets" })
            Assert.True(sql.Files.Any(f => f.Dataset == dataset && f.ReadPath == "sql"), paths);
        Assert.All(sql.Files.Where(f => f.Dataset == "staffing" && f.File.EndsWith(".csv")), f => Assert.Equal("sql", f.ReadPath));
        Assert.All(sql.Files, f => Assert.Equal(LoadOutcome.Unchanged, f.Outcome));
    }

    [Fact]
    public void Generated_small_scale_files_load_the_same_by_both_paths()
    {
        using var dir = new Scratch();
        SyntheticGenerator.Generate(SyntheticScale.For("small"), dir.Dir, 20260701);
        var (sql, _) = LoadBothWays([dir.Dir]);
        Assert.True(sql.Ok, Describe(sql));
        Assert.Contains(sql.Files, f => f.Dataset == "staffing" && f.ReadPath == "sql");
        Assert.True(sql.Files.Where(f => f.ReadPath == "sql").Sum(f => f.RowsRead) > 5_000,
            string.Join("\n", sql.Files.Select(f => $"{f.File} {f.RowsRead}: {f.ReadPath}")));
    }

    [Fact]
    public void A_corrected_resubmission_replaces_the_same_rows_by_both_paths()
    {
        const string header = "snapshot_date,phase,unit_code,position_group,specialty,quota,actual,from_old_district,from_old_commune\n";
        using var files = new Scratch();
        var first = files.Write("a/staffing_q1.csv", header + "2026-03-31,sau_sap_xep,09801,cong_chuc,lanh_dao,3,3,1,1\n2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,2,2,,\n");
        var second = files.Write("b/staffing_q1.csv", header + "2026-03-31,sau_sap_xep,09801,cong_chuc,lanh_dao,3,2,1,1\n2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,2,2,,\n2026-03-31,sau_sap_xep,09802,can_bo,lanh_dao,1,1,0,0\n");
        using var sql = new Scratch();
        using var records = new Scratch();
        sql.LoadBase();
        records.LoadBase();
        foreach (var path in new[] { first, second })
        {
            var a = sql.Load(path);
            var b = records.Load(RecordByRecord, path);
            Assert.Equal("sql", a.Files[0].ReadPath);
            Assert.Equal(Describe(b), Describe(a));
        }
        Assert.Equal(Contents(records), Contents(sql));
        Assert.Equal(1, sql.Query<long>("select replaced from meta.loads order by load_id desc limit 1").Single());
    }

    private const string StaffingHeader = "snapshot_date,phase,unit_code,position_group,specialty,quota,actual,from_old_district,from_old_commune";
    private const string GoodRow = "2026-03-31,sau_sap_xep,09801,cong_chuc,lanh_dao,3,3,1,1";

    /// <summary>Files the SQL path must not read itself: each must fall back and be reported exactly as before.</summary>
    public static TheoryData<string, string> FallbackCases() => new()
    {
        { "a cell that does not parse", $"{StaffingHeader}\n{GoodRow}\n2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,ba,3,1,1\n" },
        { "a number with a thousands comma", $"{StaffingHeader}\n2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,\"1,5\",3,1,1\n" },
        { "an empty required cell", $"{StaffingHeader}\n2026-03-31,sau_sap_xep,,cong_chuc,lanh_dao,3,3,1,1\n" },
        { "a row rule failing", $"{StaffingHeader}\n{GoodRow}\n2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,3,3,2,2\n" },
        { "a blank line shifting line numbers", $"{StaffingHeader}\n{GoodRow}\n\n2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,3,3,1,x\n" },
        { "blank lines before the header", $"\n\n{StaffingHeader}\n{GoodRow}\n2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,3,3,1,9\n" },
        { "a quoted line break", $"{StaffingHeader}\n\"2026-03-31\",\"sau\nsap_xep\",09802,cong_chuc,lanh_dao,3,3,1,1\n2026-03-31,sau_sap_xep,09802,can_bo,lanh_dao,3,3,1,x\n" },
        { "a quote inside a bare cell", $"{StaffingHeader}\n2026-03-31,sau_sap_xep,09\"801,cong_chuc,lanh_dao,3,3,1,1\n" },
        { "text after a closing quote", $"{StaffingHeader}\n2026-03-31,\"sau_sap_xep\" ,09801,cong_chuc,lanh_dao,3,3,1,1\n" },
        { "an unclosed quote", $"{StaffingHeader}\n2026-03-31,\"sau_sap_xep,09801,cong_chuc,lanh_dao,3,3,1,1\n" },
        { "a carriage return alone", $"{StaffingHeader}\r{GoodRow}\r2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,3,3,1,x\r" },
        { "a record with no content", $"{StaffingHeader}\n{GoodRow}\n,,,,,,,,\n" },
        { "a short line", $"{StaffingHeader}\n{GoodRow}\n2026-03-31,sau_sap_xep,09802,cong_chuc\n" },
        { "a long line", $"{StaffingHeader}\n{GoodRow}\n2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,3,3,1,1,9\n" },
        { "empty cells past the header", $"{StaffingHeader}\n{GoodRow},,\n" },
        { "a unit that does not exist", $"{StaffingHeader}\n{GoodRow}\n2026-03-31,sau_sap_xep,99999,cong_chuc,lanh_dao,3,3,1,1\n" },
        { "a duplicate key", $"{StaffingHeader}\n{GoodRow}\n{GoodRow}\n" },
        { "a missing required column", "snapshot_date,unit_code,position_group,specialty,quota\n2026-03-31,09801,cong_chuc,lanh_dao,3\n" },
        { "an unknown column and a Vietnamese label", $"{StaffingHeader},ghi chu\n2026-03-31,sau sắp xếp,09801,công chức,lãnh đạo,3,3,1,1,x\n" },
        { "a non-breaking space around a cell", $"{StaffingHeader}\n2026-03-31,sau_sap_xep,\u00a009801\u00a0,cong_chuc,lanh_dao,3,3,1,1\n" },
        { "a semicolon delimiter", StaffingHeader.Replace(',', ';') + "\n" + GoodRow.Replace(',', ';') + "\n" },
        { "a tab delimiter", StaffingHeader.Replace(',', '\t') + "\n" + GoodRow.Replace(',', '\t') + "\n" },
        { "CRLF line ends", $"{StaffingHeader}\r\n{GoodRow}\r\n2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,3,3,1,x\r\n" },
        { "no line end at the end", $"{StaffingHeader}\n{GoodRow}\n2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,3,3,1,x" },
        { "a header only", $"{StaffingHeader}\n" },
        { "a NUL byte in a cell", $"{StaffingHeader}\n2026-03-31,sau_sap_xep,09801,cong_chuc,lanh_dao,3,3,1,1\0\n" },
        { "a NUL byte in a text cell", $"{StaffingHeader}\n2026-03-31,sau\0_sap_xep,09801,cong_chuc,lanh_dao,3,3,1,1\n" },
        { "an empty file", "" },
    };

    [Theory]
    [MemberData(nameof(FallbackCases))]
    public void Unusual_or_broken_files_report_the_same_by_both_paths(string what, string content)
    {
        using var files = new Scratch();
        var path = files.Write("staffing_case.csv", content);
        var (sql, records) = LoadBothWays([path], prepare: s => s.LoadBase());
        var f = sql.Files.Single();
        // a file with an error in a record must have been read record by record, where such errors are
        // found; errors across records (unknown unit, repeated key) come from the same SQL checks either way
        if (records.Files.Single().ErrorCount > 0 && what is not ("a unit that does not exist" or "a duplicate key"))
            Assert.StartsWith("records", f.ReadPath ?? "records");
        else if (what is "a unit that does not exist" or "a duplicate key")
            Assert.Equal("sql", f.ReadPath);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void A_file_name_read_csv_would_take_for_a_pattern_is_read_record_by_record()
    {
        using var files = new Scratch();
        // "staffing_[1].csv" as a glob matches staffing_1.csv, a different file with the same shape
        files.Write("staffing_1.csv", $"{StaffingHeader}\n2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,3,3,1,1\n");
        var path = files.Write("staffing_[1].csv", $"{StaffingHeader}\n{GoodRow}\n");
        using (var alone = new Scratch())
        {
            alone.LoadBase();
            var report = alone.Load(path);
            Assert.Equal("records (glob characters in the path)", report.Files.Single().ReadPath);
            Assert.Equal("09801", alone.Query<string>("select unit_code from raw.staffing").Single());
        }
        LoadBothWays([path], prepare: s => s.LoadBase());
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_loads_the_same()
    {
        using var files = new Scratch();
        var path = files.Write("staffing_bom.csv", $"{StaffingHeader}\n{GoodRow}\n", bom: true);
        var (sql, _) = LoadBothWays([path], prepare: s => s.LoadBase());
        Assert.True(sql.Ok);
    }

    [Fact]
    public void A_second_byte_order_mark_inside_a_cell_reports_the_same()
    {
        using var files = new Scratch();
        var path = files.Write("staffing_bom2.csv", $"{StaffingHeader}\n{GoodRow}\n2026-03-31,sau_sap_xep,\uFEFF09802,cong_chuc,lanh_dao,3,3,1,1\n", bom: true);
        LoadBothWays([path], prepare: s => s.LoadBase());
    }

    [Fact]
    public void Invalid_utf8_falls_back_and_reports_its_line()
    {
        using var files = new Scratch();
        var bytes = Encoding.UTF8.GetBytes($"{StaffingHeader}\n{GoodRow}\n2026-03-31,sau_sap_xep,09802,cong_chuc,lanh_dao,3,3,1,1\n").ToList();
        bytes.InsertRange(bytes.Count - 10, new byte[] { 0xC3, 0x28 });
        var path = files.WriteBytes("staffing_latin.csv", [.. bytes]);
        var (sql, _) = LoadBothWays([path], prepare: s => s.LoadBase());
        var f = sql.Files.Single();
        Assert.StartsWith("records", f.ReadPath ?? "records");
        Assert.Equal(3, f.Errors.Single().Line);
    }

    [Fact]
    public void The_Vietnamese_number_locale_is_read_record_by_record()
    {
        using var files = new Scratch();
        var path = files.Write("revenue_vi.csv", "period,unit_code,category,amount_bn_vnd\n2026-01,98,tong_thu,197.810\n2026-02,98,tong_thu,\"1.234,5\"\n");
        var (sql, _) = LoadBothWays([path], new LoadOptions { Locale = Datasets.NumberLocale.Vietnamese }, s => s.LoadBase());
        var f = sql.Files.Single();
        Assert.Equal("records (number locale)", f.ReadPath);
        Assert.True(sql.Ok);
    }

    [Fact]
    public void A_negative_revenue_month_keeps_its_warning()
    {
        using var files = new Scratch();
        var path = files.Write("revenue_neg.csv", "period,unit_code,category,amount_bn_vnd\n2026-01,98,thu_noi_dia,-3.5\n");
        var (sql, _) = LoadBothWays([path], prepare: s => s.LoadBase());
        Assert.Equal(1, sql.Files.Single().WarningCount);
    }

    [Fact]
    public void Partial_loads_write_the_same_rows_by_both_paths()
    {
        using var files = new Scratch();
        var path = files.Write("staffing_partial.csv", $"{StaffingHeader}\n{GoodRow}\n2026-03-31,sau_sap_xep,99999,cong_chuc,lanh_dao,3,3,1,1\n");
        var (sql, _) = LoadBothWays([path], new LoadOptions { Partial = true, RejectsDirectory = Path.Combine(files.Dir, "rejects") }, s => s.LoadBase());
        Assert.Equal(LoadOutcome.Partial, sql.Files.Single().Outcome);
        Assert.Equal("sql", sql.Files.Single().ReadPath);
    }

    [Fact]
    public void Units_and_task_updates_with_quoted_cells_load_the_same()
    {
        using var files = new Scratch();
        var units = files.Write("units_q.csv", "unit_code,unit_name,unit_type,parent_code,former_units\n\"09803\",\"Xã Đông, mới\",xa,98,\"xã A; xã \"\"B\"\"\"\n09804, Phường Tây ,phuong,98,\n");
        var updates = files.Write("task_updates_q.csv", "task_id,report_date,status,completed_date,progress_pct,note\nT1,2026-02-01,hoàn thành,2026-01-30,100,\"xong, đúng hạn\"\nT2,2026-02-01,dang_thuc_hien,,37.25,\n");
        var (sql, _) = LoadBothWays([units, updates], prepare: s => s.LoadBase());
        Assert.True(sql.Ok);
        Assert.All(sql.Files, f => Assert.Equal("sql", f.ReadPath));
    }
}
