using Analytics.Warehouse;
using Analytics.Etl.Loading;
using Analytics.Synthetic;
using Dapper;

namespace Analytics.Synthetic.Tests;

/// <summary>`analytics generate`: deterministic, contract-shaped files at the small scale.</summary>
public sealed class SyntheticGeneratorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "synthetic-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, true);
    }

    private GenerationSummary Generate(string name, ulong seed) =>
        SyntheticGenerator.Generate(SyntheticScale.For("small"), Path.Combine(_root, name), seed);

    private static Dictionary<string, byte[]> Contents(GenerationSummary s) =>
        s.Files.ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Fact]
    public void Same_seed_gives_byte_identical_files_and_another_seed_different_ones()
    {
        var a = Contents(Generate("a", 7));
        var b = Contents(Generate("b", 7));
        var c = Contents(Generate("c", 8));
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (name, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[name]), $"{name} differs between two runs with seed 7");
        Assert.Equal(a.Keys.Order(), c.Keys.Order());
        var differing = a.Keys.Where(n => !a[n].AsSpan().SequenceEqual(c[n])).ToList();
        Assert.Contains("tasks_12.csv", differing);
        Assert.Contains("staffing_12.csv", differing);
        Assert.Contains("revenue_12.csv", differing);
    }

    [Fact]
    public void Small_files_have_the_contract_headers_and_the_row_counts_they_claim()
    {
        var s = Generate("shape", 1);
        var dir = Path.Combine(_root, "shape");
        string[] Header(string f) => File.ReadLines(Path.Combine(dir, f)).First().Split(',');
        long DataLines(string f) => File.ReadLines(Path.Combine(dir, f)).LongCount() - 1;

        Assert.Equal(["task_id", "source_doc", "source_date", "clause", "title", "lead_unit", "support_units", "assigned_date", "due_kind", "due_date"], Header("tasks_12.csv"));
        Assert.Equal(["task_id", "report_date", "status", "completed_date", "progress_pct", "note"], Header("task_updates_12.csv"));
        Assert.Equal(["snapshot_date", "phase", "unit_code", "position_group", "specialty", "quota", "actual", "from_old_district", "from_old_commune"], Header("staffing_12.csv"));
        Assert.Equal(["period", "unit_code", "category", "amount_bn_vnd", "is_estimate"], Header("revenue_12.csv"));
        Assert.Equal(["year", "unit_code", "category", "target_kind", "through_month", "amount_bn_vnd"], Header("revenue_targets_12.csv"));
        Assert.Equal(["period", "unit_code", "growth_pct", "value_bn_vnd", "rank_national"], Header("grdp.csv"));
        Assert.Equal(["year", "index_code", "unit_code", "component", "score", "max_score", "rank", "rank_of", "source"], Header("admin_indices.csv"));
        Assert.Equal(["unit_code", "unit_name", "unit_type", "parent_code", "population", "area_km2", "established", "former_units", "cluster"], Header("units_12.csv"));

        // 38 communes × 21 cells × 7 quarter ends (2024-09-30 … 2026-03-31)
        Assert.Equal(38L * 21 * 7, DataLines("staffing_12.csv"));
        Assert.Equal(s.RowsByDataset["staffing"], DataLines("staffing_12.csv"));
        Assert.Equal(s.RowsByDataset["tasks"], DataLines("tasks_12.csv"));
        Assert.Equal(s.RowsByDataset["task_updates"], DataLines("task_updates_12.csv"));
        Assert.Equal(s.RowsByDataset["revenue"], DataLines("revenue_12.csv"));
        // 29 months (2024-01 … 2026-05) × (5 leaves + tong_thu + thu_noi_dia), no crude oil here
        Assert.Equal(29L * 7, DataLines("revenue_12.csv"));
        Assert.InRange(s.RowsByDataset["tasks"], 400, 1_500);
        Assert.Equal(1 + 28 + 38 + 33, s.RowsByDataset["units"]); // province, 24 departments + 4 Party committees, communes, other provinces
        // every province is ranked on every index each year, 1..34
        Assert.Equal(34L * 4 * 3, File.ReadLines(Path.Combine(dir, "admin_indices.csv")).Count(l => l.Contains(",TOTAL,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Small_files_load_through_the_pipeline_without_a_single_error_and_keep_their_task_shares()
    {
        var s = Generate("load", 3);
        using var db = WarehouseFile.OpenMigrated(Path.Combine(_root, "w.duckdb"));
        var report = LoadPipeline.Load(db, [Path.Combine(_root, "load")], new LoadOptions { RejectsDirectory = _root });
        Assert.All(report.Files, f => Assert.True(f.Outcome == LoadOutcome.Loaded, $"{f.File}: {string.Join("; ", f.Errors.Take(3).Select(e => $"{e.Line} {e.Column} {e.Value} {e.ReasonEn}"))}"));
        Assert.Equal(s.TotalRows, report.Files.Sum(f => f.Inserted));

        // status at the as-of date from the latest update: completed ≈ 77 %, overdue ≈ 1 %
        var (completed, overdue, total) = db.QuerySingle<(long, long, long)>("""
            with latest as (
                select task_id, arg_max(status, report_date) as status from raw.task_updates
                where report_date <= date '2026-05-31' group by task_id)
            select count(*) filter (where l.status = 'hoan_thanh'),
                   count(*) filter (where coalesce(l.status, '') not in ('hoan_thanh', 'huy') and t.due_date < date '2026-05-31'),
                   count(*) filter (where coalesce(l.status, '') <> 'huy')
            from raw.tasks t left join latest l using (task_id)
            """);
        Assert.InRange(completed * 100.0 / total, 75, 79);
        Assert.InRange(overdue * 100.0 / total, 0.2, 2.5);
    }

    [Fact]
    public void National_scale_spreads_3321_communes_over_34_provinces()
    {
        var national = SyntheticScale.For("national");
        Assert.Equal(34, national.Provinces.Count);
        Assert.Equal(3_321, national.Provinces.Sum(p => p.Communes));
        Assert.Equal(114, national.Provinces.Single(p => p.Province.Code == "31").Communes);
        Assert.All(national.Provinces, p => Assert.InRange(p.Communes, 40, 200));
        Assert.Equal(19, SyntheticGenerator.QuarterlySnapshots(national.From, national.AsOf).Count);
    }

    [Fact]
    public void National_staffing_is_quarterly_until_March_2024_then_monthly_with_the_same_progress_at_quarter_ends()
    {
        var national = SyntheticScale.For("national");
        var snapshots = SyntheticGenerator.StaffingSnapshots(national.From, national.AsOf, national.MonthlyStaffingFrom);
        var quarterly = SyntheticGenerator.QuarterlySnapshots(national.From, national.AsOf);
        Assert.Equal(11 + 26, snapshots.Count); // 2021-09 … 2024-03 by quarter, 2024-04 … 2026-05 by month
        Assert.Equal(new DateOnly(2024, 3, 31), snapshots[10].Date);
        Assert.Equal(new DateOnly(2024, 4, 30), snapshots[11].Date);
        Assert.Equal(new DateOnly(2026, 5, 31), snapshots[^1].Date);
        Assert.Equal(snapshots.Select(s => s.Date).Distinct().Count(), snapshots.Count);
        foreach (var q in quarterly)
            Assert.Equal(q, snapshots.Single(s => s.Date == q.Date));
        Assert.Equal("truoc_sap_xep", snapshots.Single(s => s.Date == new DateOnly(2025, 6, 30)).Phase);
        Assert.Equal("sau_sap_xep", snapshots.Single(s => s.Date == new DateOnly(2025, 7, 31)).Phase);
        Assert.Null(SyntheticScale.For("small").MonthlyStaffingFrom);
        Assert.Null(SyntheticScale.For("province").MonthlyStaffingFrom);
    }
}
