using Analytics.Etl.Warehouse;
using Dapper;

namespace Analytics.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void Demo_builds_a_fresh_warehouse_from_the_samples_and_shows_every_broken_file_refused()
    {
        using var scratch = new CliScratch();
        var outDir = scratch.Path_("out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "warehouse.duckdb"), "not a database: the demo must start fresh");

        var (exit, stdout, _) = scratch.Run("demo", "--out", outDir);

        Assert.Equal(ExitCode.Ok, exit);
        Assert.Contains("sample files loaded: 22/22", stdout);
        Assert.Contains("broken files refused: 5/5", stdout);
        Assert.Contains("lead_unit \"31S99\"", stdout);
        Assert.Contains("from_old_district \"3\"", stdout);
        Assert.Contains("the warehouse is unchanged", stdout);
        Assert.Contains(Path.Combine(outDir, "warehouse.duckdb"), stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "load_report.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "broken_report.json")));

        using var db = Warehouse.Open(Path.Combine(outDir, "warehouse.duckdb"), readOnly: true);
        Assert.Equal(2_746 + 2_583, db.ExecuteScalar<long>("select count(*) from raw.tasks"));
        Assert.Equal(197_810, db.ExecuteScalar<double>("select sum(amount_bn_vnd) from raw.revenue where unit_code = '31' and year = 2025"), 6);
        Assert.Equal(0, db.ExecuteScalar<long>("select count(*) from raw.tasks where task_id like '%-T9000%'"));
    }

    [Fact]
    public void Demo_refuses_an_unknown_option()
    {
        using var scratch = new CliScratch();
        var (exit, _, stderr) = scratch.Run("demo", "--db", "x");
        Assert.Equal(ExitCode.Usage, exit);
        Assert.Contains("--db", stderr);
    }
}
