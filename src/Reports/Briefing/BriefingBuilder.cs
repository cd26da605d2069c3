using Analytics.Metrics;
using Analytics.Metrics.Catalogue;
using Analytics.Reports.Charts;
using Analytics.Reports.Documents;

namespace Analytics.Reports.Briefing;

/// <summary>
/// Reads what a briefing needs from the metrics layer (never from a connection of its own) and
/// turns it into <see cref="BriefingData"/> and then a <see cref="Document"/>.
/// </summary>
public static class BriefingBuilder
{
    public static Document Build(MetricsService metrics, string unitCode, DateOnly asOf, BriefingOptions options) =>
        BriefingContent.Build(Gather(metrics, unitCode, asOf), options);

    // sources: the dashboard passes the list it caches per snapshot; null reads it from the warehouse
    public static BriefingData Gather(MetricsService metrics, string unitCode, DateOnly asOf, IReadOnlyList<DataSource>? sources = null)
    {
        var unit = metrics.Unit(unitCode) ?? throw new ArgumentException($"Không có đơn vị mã {unitCode} trong kho / no unit with code {unitCode} in the warehouse");
        var values = new Values(metrics.Compute(unitCode, asOf));
        var names = metrics.Units().ToDictionary(u => u.Code, u => u.Name);
        var parent = unit.ParentCode is { } p ? names.GetValueOrDefault(p) : null;
        return new BriefingData(unit.Code, unit.Name, asOf,
            Revenue(metrics, values, unitCode, asOf),
            Indices(metrics, values, unitCode, asOf),
            Staffing(values, names),
            Tasks(metrics, values, unitCode, asOf, names),
            sources ?? metrics.Sources(unitCode),
            unit.Type, parent,
            UnitStandards(metrics, values, unitCode));
    }

    private static UnitStandardFacts UnitStandards(MetricsService metrics, Values v, string unit) => new(
        v["units.below_standard"],
        v.By("units.below_standard", "criterion").ToDictionary(x => x.Key, x => x.Value),
        v["units.standard_unassessed"],
        metrics.StandardChecks(unit),
        metrics.BelowStandard(unit));

    /// <summary>Looks values up by id and dims.</summary>
    internal sealed class Values(IReadOnlyList<MetricValue> all)
    {
        public MetricValue? Get(string id, params (string Key, string Value)[] dims) =>
            all.FirstOrDefault(v => v.Id == id && v.Dims.Count == dims.Length && dims.All(d => v.Dims.TryGetValue(d.Key, out var x) && x == d.Value));

        public double? this[string id, params (string Key, string Value)[] dims] => Get(id, dims)?.Value;

        /// <summary>Breakdown rows of an indicator by one dimension: (dimension value, value).</summary>
        public IEnumerable<(string Key, double? Value)> By(string id, string dim) =>
            all.Where(v => v.Id == id && v.Dims.Count == 1 && v.Dims.ContainsKey(dim)).Select(v => (v.Dims[dim], v.Value));
    }

    /// <summary>A value's status and, in words, what it is judged against (or why it has no status).</summary>
    private static (KpiStatus? Status, string? Basis) Judged(MetricValue? m) =>
        m is null ? (null, null)
        : m.Status is { } s ? (s, m.Target is { } t ? t.DescriptionVi : null)
        : (null, m.StatusNote?.LabelVi());

    private static DateOnly MonthEnd(int year, int month) => new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);

    private static RevenueFacts Revenue(MetricsService metrics, Values v, string unit, DateOnly asOf)
    {
        (string, string) Cat(string c) => ("category", c);
        double? Target(string c, string kind, double? ytd)
        {
            var pct = v["revenue.pct_of_annual_target", Cat(c), ("target_kind", kind)];
            return ytd is { } y && pct is { } p && p > 0 ? y / p * 100 : null;
        }
        var byCategory = new List<RevenueAgainstTarget>();
        foreach (var code in new[] { "tong_thu", "thu_noi_dia", "thu_xuat_nhap_khau", "thu_dau_tho", "thu_vien_tro" })
        {
            if (v["revenue.ytd", Cat(code)] is not { } ytd) continue;
            if (code is "thu_dau_tho" or "thu_vien_tro" && ytd == 0) continue;
            byCategory.Add(new RevenueAgainstTarget(Labels.RevenueCategory(code), ytd, Target(code, "du_toan_trung_uong", ytd), Target(code, "ke_hoach", ytd)));
        }
        var total = v.Get("revenue.ytd", Cat("tong_thu"));
        // last year's and this year's month ends in one series (one query), then split
        var monthEnds = metrics.Series("revenue.ytd", unit, new Dictionary<string, string> { ["category"] = "tong_thu" },
            Enumerable.Range(1, 12).Select(m => MonthEnd(asOf.Year - 1, m)).Concat(Enumerable.Range(1, asOf.Month).Select(m => MonthEnd(asOf.Year, m))));
        var thisYear = monthEnds.Where(p => p.AsOf.Year == asOf.Year).ToList();
        var lastYear = monthEnds.Where(p => p.AsOf.Year == asOf.Year - 1).ToList();
        // A month's point is the year-to-date at its month end; the as-of month itself uses D.
        var cumulative = new CumulativeRevenue(asOf.Year,
            thisYear.Select(p => p.Value).Take(asOf.Month - 1).Append(total?.Value).ToList(),
            lastYear.Select(p => p.Value).ToList());

        var grdp = new List<GrowthPeriod>();
        var quarterEnds = new[] { asOf.Year - 1, asOf.Year }.SelectMany(y => new[] { 3, 6, 9, 12 }.Select(m => MonthEnd(y, m))).Where(d => d <= asOf).ToList();
        var growth = metrics.Series("grdp.growth", unit, new Dictionary<string, string>(), quarterEnds);
        foreach (var p in growth)
            if (p.Value is { } g) grdp.Add(new GrowthPeriod(PeriodName(p.AsOf), g));

        // Year to date is judged against the plan for the period so far (5 months: 5 months' plan), not
        // against the whole year's estimate; the metrics layer says which target and why none.
        var (status, basis) = Judged(total);
        return new RevenueFacts(
            total?.Value,
            v["revenue.pct_of_annual_target", Cat("tong_thu"), ("target_kind", "du_toan_trung_uong")],
            v["revenue.pct_of_period_target", Cat("tong_thu"), ("target_kind", "ke_hoach")],
            v["revenue.yoy_ratio", Cat("tong_thu")],
            v["revenue.yoy_growth", Cat("tong_thu")],
            v["revenue.domestic_share"],
            status,
            byCategory, cumulative.ThisYear.Any(x => x is not null) ? cumulative : null, grdp,
            metrics.RevenueGaps(unit, asOf)
                .Select(g => $"{Labels.RevenueCategory(g.Category).ToLowerInvariant()} năm {g.Year}, tháng {string.Join(", ", g.MissingMonths)}")
                .ToList(),
            basis);
    }

    /// <summary>The period a quarter-end closes, as the statistics office names it (the longest period wins).</summary>
    private static string PeriodName(DateOnly quarterEnd) => quarterEnd.Month switch
    {
        3 => $"Quý I/{quarterEnd.Year}",
        6 => $"6 tháng {quarterEnd.Year}",
        9 => $"9 tháng {quarterEnd.Year}",
        _ => $"Năm {quarterEnd.Year}",
    };

    private static IndexFacts Indices(MetricsService metrics, Values v, string unit, DateOnly asOf)
    {
        var latest = new List<IndexFact>();
        var ranks = new List<IndexRank>();
        var components = new List<ComponentScore>();
        // The year an index value belongs to: step back through year ends while the value stays the same.
        var years = Enumerable.Range(asOf.Year - 5, 6).ToList();
        var yearEnds = years.Select(y => y == asOf.Year ? asOf : MonthEnd(y, 12)).ToList();
        var published = Labels.Indices.Where(x => v.Get($"{x.Prefix}.score")?.Value is not null).ToList();
        // every published index's rank and score series in one query
        var noDims = new Dictionary<string, string>();
        var series = metrics.SeriesMany(unit, published.SelectMany(x => new[] { ($"{x.Prefix}.rank", (IReadOnlyDictionary<string, string>)noDims), ($"{x.Prefix}.score", noDims) }).ToList(), yearEnds);
        for (var k = 0; k < published.Count; k++)
        {
            var (prefix, name) = published[k];
            var score = v.Get($"{prefix}.score")!;
            var rankSeries = series[2 * k];
            var scoreSeries = series[2 * k + 1];
            int? lastYear = null;
            for (var i = 0; i < years.Count; i++)
            {
                var r = rankSeries[i].Value;
                var s = scoreSeries[i].Value;
                if (r is null || s is null) continue;
                var carried = i > 0 && rankSeries[i - 1].Value == r && scoreSeries[i - 1].Value == s;
                if (carried) continue;
                ranks.Add(new IndexRank(name, years[i], (int)r.Value));
                lastYear = years[i];
            }
            var weakest = v.By($"{prefix}.weakest_component", "component").FirstOrDefault();
            var (status, basis) = Judged(v.Get($"{prefix}.rank")?.Status is not null ? v.Get($"{prefix}.rank") : score);
            latest.Add(new IndexFact(name, lastYear, score.Value, v[$"{prefix}.rank"], v[$"{prefix}.rank_change"], v[$"{prefix}.score_change"],
                weakest.Key is null ? null : ComponentName(weakest.Key), weakest.Value, status, basis));
            components.AddRange(v.By($"{prefix}.component_pct", "component").Where(c => c.Value is not null).Select(c => new ComponentScore(name, ComponentName(c.Key), c.Value!.Value)));
        }
        return new IndexFacts(latest, ranks, components);
    }

    /// <summary>A component's Vietnamese name from the catalogue; a publisher's own code is shown as given.</summary>
    private static string ComponentName(string code) => IndicatorCatalogue.DimensionValueVi("component", code) ?? code;

    private static StaffingFacts Staffing(Values v, IReadOnlyDictionary<string, string> names)
    {
        var shortage = v.By("staffing.shortage", "specialty").ToDictionary(x => x.Key, x => x.Value ?? 0);
        var surplus = v.By("staffing.surplus", "specialty").ToDictionary(x => x.Key, x => x.Value ?? 0);
        var bySpecialty = shortage.Keys.Union(surplus.Keys)
            .Select(k => new SpecialtyGap(Labels.Specialty(k), shortage.GetValueOrDefault(k), surplus.GetValueOrDefault(k)))
            .Where(g => g.Shortage > 0 || g.Surplus > 0)
            .ToList();
        var communes = v.By("staffing.shortage", "unit_code")
            .Where(x => x.Value > 0)
            .Select(x => new CommuneShortage(names.GetValueOrDefault(x.Key, x.Key), x.Value!.Value))
            .ToList();
        var (status, basis) = Judged(v.Get("staffing.fill_rate")?.Status is not null ? v.Get("staffing.fill_rate") : v.Get("staffing.shortage"));
        return new StaffingFacts(v["staffing.quota"], v["staffing.actual"], v["staffing.shortage"], v["staffing.surplus"], v["staffing.fill_rate"],
            v["staffing.units_with_shortage"], v["staffing.rebalance_potential"], v["staffing.from_old_district_share"], v["staffing.actual_change"],
            status, bySpecialty, communes, basis);
    }

    private static TaskFacts Tasks(MetricsService metrics, Values v, string unit, DateOnly asOf, IReadOnlyDictionary<string, string> names)
    {
        int Count(string id, string lead) => (int)(v[id, ("lead_unit", lead)] ?? 0);
        var leads = v.By("tasks.total", "lead_unit").Select(x => x.Key).ToList();
        var byLead = leads
            .Select(l => new TaskStatusByUnit(names.GetValueOrDefault(l, l), Count("tasks.completed_on_time", l), Count("tasks.completed_late", l),
                Count("tasks.overdue", l), Count("tasks.on_track", l), Count("tasks.open_no_deadline", l)))
            .OrderByDescending(t => t.Overdue).ThenByDescending(t => t.CompletedOnTime + t.CompletedLate + t.Overdue + t.OnTrack + t.NoDeadline)
            .ToList();
        return new TaskFacts(v["tasks.total"], v["tasks.completed_on_time"], v["tasks.completed_late"], v["tasks.overdue"], v["tasks.on_track"],
            v["tasks.open_no_deadline"], v["tasks.on_time_rate"], v["tasks.completion_rate"], v["tasks.overdue_rate"], v["tasks.overdue_days_avg"],
            v["tasks.due_next_30d"], Judged(v.Get("tasks.on_time_rate")).Status, byLead, metrics.LaggingUnits(unit, asOf), metrics.OverdueTasks(unit, asOf),
            Judged(v.Get("tasks.on_time_rate")).Basis);
    }
}
