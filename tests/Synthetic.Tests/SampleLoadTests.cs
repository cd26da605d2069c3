using Analytics.Warehouse;
using Analytics.Etl.Loading;
using Dapper;
using static Analytics.Tests.SampleFiles;

namespace Analytics.Synthetic.Tests;

/// <summary>
/// The samples go through the real load pipeline: every file of data-samples/ (CSV and XLSX)
/// loads, the seed's figures come out of the warehouse by SQL, and every file of broken/ is
/// refused for the fault it carries, changing nothing.
/// </summary>
public sealed class SampleLoadTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sample-load-" + Guid.NewGuid().ToString("N"));

    public SampleLoadTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Every_sample_loads_the_figures_come_out_by_sql_and_every_broken_file_is_refused()
    {
        using var db = WarehouseFile.OpenMigrated(Path.Combine(_dir, "warehouse.duckdb"));
        var report = LoadPipeline.Load(db, [Dir], new LoadOptions { RejectsDirectory = _dir });
        Assert.All(report.Files, f => Assert.True(f.Outcome == LoadOutcome.Loaded, $"{f.File}: {f.Outcome} {string.Join("; ", f.Errors.Select(e => e.ReasonEn))}"));
        Assert.Equal(23, report.Files.Count);
        Assert.Equal(2_163, report.Files.Single(f => f.File == "staffing_92_2026-03-31.xlsx").Inserted);
        Assert.Equal(19, report.Files.Single(f => f.File == "revenue_targets_92.xlsx").Inserted);

        // the XLSX appendix (Vietnamese headings and labels) reads back as canonical codes
        var xlsxCells = db.Query<(string, string, int)>("""
            select position_group, specialty, count(*)::int from raw.staffing
            where snapshot_date = date '2026-03-31' and unit_code in (select unit_code from raw.units where parent_code = '92')
            group by all order by all
            """).ToList();
        Assert.Contains(("cong_chuc", "dat_dai", 103), xlsxCells);
        Assert.Contains(("hop_dong", "van_phong", 103), xlsxCells);

        var ytd = db.Query<(int, int, double)>("""
            select year, month_to, sum(amount_bn_vnd) from raw.revenue,
                (values (2024, 12), (2025, 12), (2025, 5), (2026, 5)) w(y, month_to)
            where unit_code = '31' and year = y and month <= month_to group by all order by all
            """).ToDictionary(r => (r.Item1, r.Item2), r => r.Item3);
        Assert.Equal(152_630, ytd[(2024, 12)], 6);
        Assert.Equal(197_810, ytd[(2025, 12)], 6);
        Assert.Equal(87_105, ytd[(2025, 5)], 6);
        Assert.Equal(97_471, ytd[(2026, 5)], 6);
        var estimate = db.ExecuteScalar<double>(
            "select amount_bn_vnd from raw.revenue_targets where unit_code = '31' and year = 2025 and category = 'tong_thu' and target_kind = 'du_toan_trung_uong' and through_month = 12");
        Assert.Equal(134.2, Round1(ytd[(2025, 12)] / estimate * 100));

        var before = db.ExecuteScalar<long>("select (select count(*) from raw.tasks) + (select count(*) from raw.staffing) + (select count(*) from raw.revenue)");
        var broken = LoadPipeline.Load(db, [Path.Combine(Dir, "broken")], new LoadOptions { RejectsDirectory = _dir });
        Assert.Equal(5, broken.Files.Count);
        Assert.All(broken.Files, f => Assert.True(f.Refused, $"{f.File} should be refused"));
        string Column(string file) => broken.Files.Single(f => f.File.StartsWith(file, StringComparison.Ordinal)).Errors.Single().Column ?? "";
        Assert.Equal("lead_unit", Column("tasks_31_unknown_lead_unit"));
        Assert.Equal("from_old_district", Column("staffing_31_"));
        Assert.Equal("amount_bn_vnd", Column("revenue_92_parent_disagrees"));
        Assert.All(broken.Files.Single(f => f.File.StartsWith("revenue_31_us", StringComparison.Ordinal)).Errors, e => Assert.Equal("amount_bn_vnd", e.Column));
        Assert.NotEmpty(broken.Files.Single(f => f.File.StartsWith("tasks_92_windows", StringComparison.Ordinal)).Errors);
        Assert.Equal(before, db.ExecuteScalar<long>("select (select count(*) from raw.tasks) + (select count(*) from raw.staffing) + (select count(*) from raw.revenue)"));
    }
}
