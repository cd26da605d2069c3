using Analytics.Metrics;
using Analytics.Reports.Charts;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// The briefing's chart definitions (src/Reports/Charts) fed from the current view's metrics:
/// one chart definition, rendered as SVG here and into the PDF by the reports layer.
/// </summary>
public static class PageCharts
{
    /// <summary>The charts each area page shows, by chart id.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ByArea = new Dictionary<string, string[]>
    {
        ["tasks"] = [ChartCatalogue.TaskStatus.Id, ChartCatalogue.OverdueDays.Id],
        ["staffing"] = [ChartCatalogue.StaffingShortage.Id, ChartCatalogue.CommuneShortage.Id],
        ["indices"] = [ChartCatalogue.IndexRanks.Id, ChartCatalogue.ComponentScores.Id],
        ["revenue"] = [ChartCatalogue.RevenueAgainstTarget.Id, ChartCatalogue.CumulativeRevenue.Id],
    };

    /// <summary>The chart with its data for the view, or null when the view has nothing to draw.</summary>
    public static Figure? Build(string chartId, DashboardView v)
    {
        var values = v.Values();
        if (chartId == ChartCatalogue.TaskStatus.Id)
        {
            var rows = Breakdown(values, "tasks.", "lead_unit")
                .Select(g => new TaskStatusByUnit(v.UnitName(g.Key), Int(g, "tasks.completed_on_time"), Int(g, "tasks.completed_late"),
                    Int(g, "tasks.overdue"), Int(g, "tasks.on_track"), Int(g, "tasks.open_no_deadline")))
                .Where(r => r.CompletedOnTime + r.CompletedLate + r.Overdue + r.OnTrack + r.NoDeadline > 0)
                .ToList();
            return rows.Count == 0 ? null : ChartCatalogue.TaskStatus.For(rows);
        }
        if (chartId == ChartCatalogue.OverdueDays.Id)
        {
            var rows = v.Cached("overdue", () => v.Metrics.OverdueTasks(v.Unit.Code, v.AsOf))
                .Select(t => new OverdueDays(t.Clause is { Length: > 0 } c ? $"{t.SourceDoc} {c}" : t.TaskId, t.DaysOverdue)).ToList();
            return rows.Count == 0 ? null : ChartCatalogue.OverdueDays.For(rows);
        }
        if (chartId == ChartCatalogue.StaffingShortage.Id)
        {
            var rows = Breakdown(values, "staffing.", "specialty")
                .Select(g => new SpecialtyGap(Labels.Code(g.Key), g.Value("staffing.shortage") ?? 0, g.Value("staffing.surplus") ?? 0))
                .Where(r => r.Shortage + r.Surplus > 0).ToList();
            return rows.Count == 0 ? null : ChartCatalogue.StaffingShortage.For(rows);
        }
        if (chartId == ChartCatalogue.CommuneShortage.Id)
        {
            var rows = Breakdown(values, "staffing.", "unit_code")
                .Select(g => new CommuneShortage(v.UnitName(g.Key), g.Value("staffing.shortage") ?? 0))
                .Where(r => r.Shortage > 0).ToList();
            return rows.Count == 0 ? null : ChartCatalogue.CommuneShortage.For(rows);
        }
        if (chartId == ChartCatalogue.ComponentScores.Id)
        {
            var rows = values.Where(x => x.Id.EndsWith(".component_pct", StringComparison.Ordinal) && x.Value is not null && x.Dims.ContainsKey("component"))
                .Select(x => new ComponentScore(Labels.Code(x.Id.Split('.')[0]), x.Dims["component"], x.Value!.Value)).ToList();
            return rows.Count == 0 ? null : ChartCatalogue.ComponentScores.For(rows);
        }
        if (chartId == ChartCatalogue.IndexRanks.Id)
        {
            var years = Enumerable.Range(v.AsOf.Year - 4, 5).Select(y => y == v.AsOf.Year ? v.AsOf : new DateOnly(y, 12, 31)).ToList();
            var rows = new List<IndexRank>();
            foreach (var index in new[] { "par_index", "sipas", "pci" })
            {
                var ranks = v.Series(index + ".rank", Empty, years);
                var scores = v.Series(index + ".score", Empty, years);
                for (var i = 0; i < ranks.Count; i++)
                {
                    // At a date the index is that of the latest published year, so a year without a new
                    // table repeats the previous one: the same rank and score one year on is not a new point.
                    if (ranks[i].Value is not { } r) continue;
                    if (i > 0 && ranks[i - 1].Value == r && scores[i - 1].Value == scores[i].Value) continue;
                    rows.Add(new IndexRank(Labels.Code(index), ranks[i].AsOf.Year, (int)r));
                }
            }
            return rows.Count == 0 ? null : ChartCatalogue.IndexRanks.For(rows);
        }
        if (chartId == ChartCatalogue.RevenueAgainstTarget.Id)
        {
            var rows = new List<RevenueAgainstTarget>();
            foreach (var ytd in values.Where(x => x.Id == "revenue.ytd" && x.Value is not null && x.Dims.Count == 1 && x.Dims.ContainsKey("category")))
            {
                var cat = ytd.Dims["category"];
                double? Target(string id, Func<string, bool> kind) =>
                    values.Where(x => x.Id == id && x.Value is > 0 && x.Dims.GetValueOrDefault("category") == cat && kind(x.Dims.GetValueOrDefault("target_kind") ?? ""))
                        .Select(x => ytd.Value!.Value * 100 / x.Value!.Value).Cast<double?>().FirstOrDefault();
                var estimate = Target("revenue.pct_of_annual_target", k => k.StartsWith("du_toan", StringComparison.Ordinal));
                var plan = Target("revenue.pct_of_annual_target", k => k == "ke_hoach") ?? Target("revenue.pct_of_period_target", k => k == "ke_hoach");
                rows.Add(new RevenueAgainstTarget(Labels.Code(cat), ytd.Value!.Value, estimate, plan));
            }
            return rows.Count == 0 ? null : ChartCatalogue.RevenueAgainstTarget.For(rows);
        }
        if (chartId == ChartCatalogue.CumulativeRevenue.Id)
        {
            var dims = new Dictionary<string, string> { ["category"] = "tong_thu" };
            var y = v.AsOf.Year;
            var dates = Enumerable.Range(1, 12).Select(m => DashboardView.EndOfMonth(new DateOnly(y - 1, m, 1)))
                .Concat(Enumerable.Range(1, v.AsOf.Month).Select(m => DashboardView.EndOfMonth(new DateOnly(y, m, 1)))).ToList();
            var s = v.Series("revenue.ytd", dims, dates);
            var last = s.Where(p => p.AsOf.Year == y - 1).OrderBy(p => p.AsOf).Select(p => p.Value).ToList();
            var now = s.Where(p => p.AsOf.Year == y).OrderBy(p => p.AsOf).Select(p => p.Value).ToList();
            return now.All(x => x is null) && last.All(x => x is null) ? null : ChartCatalogue.CumulativeRevenue.For(new CumulativeRevenue(y, now, last));
        }
        return null;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>Values of the area broken down by exactly one dimension, grouped by that dimension's value.</summary>
    internal static IEnumerable<BreakdownRow> Breakdown(IReadOnlyList<MetricValue> values, string prefix, string dim) =>
        values.Where(x => x.Id.StartsWith(prefix, StringComparison.Ordinal) && x.Dims.Count == 1 && x.Dims.ContainsKey(dim))
            .GroupBy(x => x.Dims[dim])
            .Select(g => new BreakdownRow(g.Key, g.ToDictionary(x => x.Id, x => x)));

    private static int Int(BreakdownRow g, string id) => (int)Math.Round(g.Value(id) ?? 0);

    internal sealed record BreakdownRow(string Key, IReadOnlyDictionary<string, MetricValue> ById)
    {
        public double? Value(string id) => ById.GetValueOrDefault(id)?.Value;
    }
}
