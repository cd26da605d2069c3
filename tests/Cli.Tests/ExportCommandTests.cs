using System.Globalization;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Cli.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private readonly string work = Path.Combine(Path.GetTempPath(), $"export_{Guid.NewGuid():N}");

    public ExportCommandTests() => Directory.CreateDirectory(work);

    public void Dispose() => Directory.Delete(work, true);

    private static (int Code, string Out, string Err) Run(params string[] argv)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = CommandLine.Run(argv, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Examples() => RepoPaths.AcceptanceExamples;

    private string LoadedWarehouse()
    {
        var db = Path.Combine(work, "w.duckdb");
        var (code, _, err) = Run("load", "--db", db, Examples());
        Assert.True(code == 0, err);
        return db;
    }

    [Fact]
    public void Exported_lake_reads_back_with_the_warehouse_row_counts_and_figures()
    {
        var db = LoadedWarehouse();
        var lake = Path.Combine(work, "lake");
        var (code, stdout, stderr) = Run("export", "--db", db, "--format", "parquet", "--out", lake);
        Assert.True(code == 0, stderr);
        Assert.Contains("indicator_values", stdout);

        // Hive layout: province then year
        Assert.True(Directory.Exists(Path.Combine(lake, "revenue", "province=98", "year=2025")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(lake, "tasks"), "*.parquet", SearchOption.AllDirectories));
        Assert.All(Directory.GetDirectories(Path.Combine(lake, "indicator_values")), d => Assert.StartsWith("province=", Path.GetFileName(d)));

        using var w = new DuckDBConnection($"Data Source={db};ACCESS_MODE=READ_ONLY");
        w.Open();
        using var p = new DuckDBConnection("Data Source=:memory:");
        p.Open();
        string Parquet(string name) => $"read_parquet('{Path.Combine(lake, name).Replace("'", "''")}/**/*.parquet', hive_partitioning = true)";

        foreach (var (name, source) in new[]
                 {
                     ("units", "staging.units"), ("tasks", "staging.tasks"), ("task_updates", "staging.task_updates"),
                     ("staffing", "staging.staffing"), ("admin_indices", "staging.admin_indices"), ("revenue", "staging.revenue"),
                     ("revenue_targets", "staging.revenue_targets"), ("grdp", "staging.grdp"), ("kpi_targets", "staging.kpi_targets"),
                     ("unit_tree", "marts.unit_tree"), ("month_ends", "marts.month_ends"), ("indicator_catalogue", "metrics.indicator_catalogue"),
                     ("indicator_values", "metrics.indicator_values"),
                 })
        {
            var expected = w.ExecuteScalar<long>($"select count(*) from {source}");
            Assert.True(expected > 0, $"{source} is empty in the test warehouse");
            Assert.Equal(expected, p.ExecuteScalar<long>($"select count(*) from {Parquet(name)}"));
        }

        // a figure: province 98's 2025 revenue by category, from the partition columns alone
        var warehouseRevenue = w.Query<(string, double)>(
            "select category, sum(amount_bn_vnd) from staging.revenue where unit_code = '98' and year = 2025 group by all order by 1").ToList();
        var lakeRevenue = p.Query<(string, double)>(
            $"select category, sum(amount_bn_vnd) from {Parquet("revenue")} where province = '98' and year = 2025 group by all order by 1").ToList();
        Assert.NotEmpty(warehouseRevenue);
        Assert.Equal(warehouseRevenue, lakeRevenue);

        // an indicator value at a month end, the same in the lake as in the metrics view
        var asOf = w.ExecuteScalar<string>("select max(month_end)::varchar from marts.month_ends");
        var warehouseValues = w.Query<(string, string, double?)>(
            "select indicator_id, dims::varchar, value from metrics.indicator_values where unit_code = '98' and as_of = $d::date order by 1, 2", new { d = asOf }).ToList();
        var lakeValues = p.Query<(string, string, double?)>(
            $"select indicator_id, dims, value from {Parquet("indicator_values")} where unit_code = '98' and as_of = $d::date and province = '98' order by 1, 2", new { d = asOf }).ToList();
        Assert.True(warehouseValues.Count(v => v.Item3 is not null) > 5);
        Assert.Equal(warehouseValues, lakeValues);
    }

    [Fact]
    public void Refuses_a_non_empty_output_folder_and_other_formats_without_writing()
    {
        var db = LoadedWarehouse();
        var lake = Path.Combine(work, "lake");
        Directory.CreateDirectory(lake);
        File.WriteAllText(Path.Combine(lake, "keep.txt"), "x");
        var (code, _, stderr) = Run("export", "--db", db, "--format", "parquet", "--out", lake);
        Assert.Equal(2, code);
        Assert.Contains("not empty", stderr);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(lake).Select(Path.GetFileName));

        Assert.Equal(2, Run("export", "--db", db, "--format", "csv", "--out", Path.Combine(work, "x")).Code);
        Assert.False(Directory.Exists(Path.Combine(work, "x")));
    }
}
