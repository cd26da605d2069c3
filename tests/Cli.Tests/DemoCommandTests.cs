using Analytics.Warehouse;
using Dapper;

namespace Analytics.Cli.Tests;

[Trait("speed", "slow")]
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
        Assert.Contains("sample files loaded: 23/23", stdout);
        Assert.Contains("broken files refused: 5/5", stdout);
        Assert.Contains("lead_unit \"31S99\"", stdout);
        Assert.Contains("from_old_district \"3\"", stdout);
        Assert.Contains("the warehouse is unchanged", stdout);
        // a ward's staffing appendix as the office fills the Excel template loads, saying what it skipped
        Assert.Contains("staffing_31_10507_bien_che.xlsx", stdout);
        Assert.Contains("signature block", stdout);
        Assert.Contains("equals the sum", stdout);
        Assert.Contains(Path.Combine(outDir, "warehouse.duckdb"), stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "load_report.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "broken_report.json")));

        using var db = WarehouseFile.Open(Path.Combine(outDir, "warehouse.duckdb"), readOnly: true);
        Assert.Equal(2_746 + 2_583, db.ExecuteScalar<long>("select count(*) from raw.tasks"));
        Assert.Equal(197_810, db.ExecuteScalar<double>("select sum(amount_bn_vnd) from raw.revenue where unit_code = '31' and year = 2025"), 6);
        Assert.Equal(0, db.ExecuteScalar<long>("select count(*) from raw.tasks where task_id like '%-T9000%'"));
        db.Dispose();

        // The review step quotes the seed's figures, and the briefings, commune briefs and figures are written.
        Assert.Contains("197.810 tỷ đồng", stdout);
        Assert.Contains("134,2%", stdout);
        // the example unit standards of data-samples: 23 of Hải Phòng's communes fall short (sql/marts/unit_standard_checks.sql)
        Assert.Matches(@"Số đơn vị cấp xã chưa đạt tiêu chuẩn\s+23\s", stdout);
        var reports = Path.Combine(outDir, "reports");
        Assert.True(File.Exists(Path.Combine(reports, "bao-cao-31-2026-05-31.pdf")));
        Assert.True(File.Exists(Path.Combine(reports, "bao-cao-92-2026-05-31.pdf")));
        Assert.Equal(114 + 103, Directory.GetFiles(reports, "tom-tat-*-2026-05-31.pdf").Count(f => !f.EndsWith("-tap-hop.pdf", StringComparison.Ordinal)));   // every commune of Hải Phòng and of Cần Thơ
        Assert.NotEmpty(Directory.GetFiles(reports, "*.svg", SearchOption.AllDirectories));
        // the Word draft of the briefing, and the monthly report of May 2026 as PDF and Word
        foreach (var f in new[] { "bao-cao-31-2026-05-31.docx", "bao-cao-thang-31-2026-05.pdf", "bao-cao-thang-31-2026-05.docx" })
            Assert.True(File.Exists(Path.Combine(reports, f)), f + " missing");

        // `analytics metrics` on the Hải Phòng samples prints the figures of the one-year review
        // conclusion (seed 004): 2025 — 197.810 tỷ, 134,2% of the estimate, +29,6%; domestic 140,6%, +37,3%;
        // five months of 2026 — 97.471 tỷ, 118,8% of the plan, 111,9% of the same period; domestic 52.613 tỷ.
        var warehouse = Path.Combine(outDir, "warehouse.duckdb");
        var (exit2025, year2025, _) = scratch.Run("metrics", "--db", warehouse, "--unit", "31", "--as-of", "2025-12-31", "--id", "revenue");
        Assert.Equal(ExitCode.Ok, exit2025);
        foreach (var figure in new[] { "197.810", "134,2%", "+29,6%", "140,6%", "+37,3%" })
            Assert.Contains(figure, year2025);
        var (exit2026, may2026, _) = scratch.Run("metrics", "--db", warehouse, "--unit", "31", "--as-of", "2026-05-31", "--id", "revenue");
        Assert.Equal(ExitCode.Ok, exit2026);
        foreach (var figure in new[] { "97.471", "118,8%", "111,9%", "52.613" })
            Assert.Contains(figure, may2026);
        var (_, grdp, _) = scratch.Run("metrics", "--db", warehouse, "--unit", "31", "--as-of", "2025-12-31", "--id", "grdp");
        Assert.Contains("11,8", grdp);
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
