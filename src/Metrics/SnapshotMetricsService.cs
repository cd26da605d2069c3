using DuckDB.NET.Data;

namespace Analytics.Metrics;

/// <summary>
/// The query path of <see cref="MetricsService"/> with values held in <see cref="SnapshotValues"/>: the
/// catalogue, chart series and lists are computed for every unit at once per date and kept, so many units,
/// a whole province's communes or repeated views cost one query per date. Only over a warehouse nothing
/// writes to meanwhile (a dashboard snapshot, a report run). Figures equal the query path's (tests compare both).
/// </summary>
public sealed class SnapshotMetricsService(DuckDBConnection connection, SnapshotValues held) : MetricsService(connection)
{
    private static readonly IReadOnlyDictionary<string, MetricValue[]> Empty = new Dictionary<string, MetricValue[]>();

    public override IReadOnlyList<MetricValue> Compute(string unitCode, DateOnly asOf, string? idPrefix = null) =>
        WithPrefix(CatalogueAt(asOf).GetValueOrDefault(unitCode) ?? [], idPrefix);

    public override IReadOnlyList<MetricValue> ComputeMany(IEnumerable<string> unitCodes, DateOnly asOf, string? idPrefix = null)
    {
        var all = CatalogueAt(asOf);
        return unitCodes.Distinct().Order(StringComparer.Ordinal).SelectMany(u => WithPrefix(all.GetValueOrDefault(u) ?? [], idPrefix)).ToList();
    }

    /// <summary>A series from the area's rows of every unit at each date, computing (in one query) only the dates not yet held.</summary>
    public override IReadOnlyList<SeriesPoint> Series(string id, string unitCode, IReadOnlyDictionary<string, string> dims, IEnumerable<DateOnly> asOfDates)
    {
        var dates = asOfDates.Distinct().Order().ToList();
        var macro = AreaMacro(id);
        var missing = dates.Where(d => !held.TryArea(macro, d, out _)).ToList();
        if (missing.Count > 0)
            foreach (var (d, units) in AreaRowsAt(macro, missing))
                held.AddArea(macro, d, units);
        return dates.Select(d =>
        {
            // a date dropped from the store between the two steps (many dates at once) is computed again directly
            if (!held.TryArea(macro, d, out var all)) return base.Series(id, unitCode, dims, [d]) is [var p] ? p : new SeriesPoint(d, null);
            var row = (all.GetValueOrDefault(unitCode) ?? []).FirstOrDefault(x => x.IndicatorId == id && SameDims(x.Dims, dims));
            return new SeriesPoint(d, row?.Value);
        }).ToList();
    }

    public override IReadOnlyList<IReadOnlyList<SeriesPoint>> SeriesMany(string unitCode, IReadOnlyList<(string Id, IReadOnlyDictionary<string, string> Dims)> indicators, IEnumerable<DateOnly> asOfDates)
    {
        var dates = asOfDates.Distinct().Order().ToList();
        return indicators.Select(i => Series(i.Id, unitCode, i.Dims, dates)).ToList();
    }

    public override IReadOnlyList<LaggingUnit> LaggingUnits(string unitCode, DateOnly asOf) =>
        InRollUp(unitCode, held.List("lagging", asOf, () => LaggingUnitsOf(null, asOf)), l => l.UnitCode);

    public override IReadOnlyList<OverdueTask> OverdueTasks(string unitCode, DateOnly asOf) =>
        InRollUp(unitCode, held.List("overdue", asOf, () => OverdueTasksOf(null, asOf)), t => t.LeadUnit);

    public override IReadOnlyList<UnitInfo> Units() => held.Fixed("units", () => base.Units());

    public override UnitInfo? Unit(string code) => Units().FirstOrDefault(u => u.Code == code);

    public override IReadOnlyList<DateOnly> MonthEnds() => held.Fixed("month_ends", () => base.MonthEnds());

    public override IReadOnlyList<RevenueGap> RevenueGaps(string unitCode, DateOnly asOf) =>
        held.List("revenue_gaps", asOf, () => RevenueGapsOf(null, asOf)).Where(g => g.UnitCode == unitCode).ToList();

    public override IReadOnlyList<DataSource> Sources() => held.Fixed("sources", () => base.Sources());

    // at most one small list per unit
    public override IReadOnlyList<DataSource> Sources(string unitCode) => held.Fixed("sources|" + unitCode, () => base.Sources(unitCode));

    /// <summary>The whole catalogue at every date not yet held, in one query, so a page that needs a dozen
    /// dates (sparklines, previous period, last year) pays about one.</summary>
    public override void Prefetch(IEnumerable<DateOnly> dates)
    {
        var missing = dates.Distinct().Where(d => !held.HasCatalogue(d)).ToList();
        if (missing.Count == 0) return;
        // never more dates than the held values keep (the first listed first): a warehouse whose
        // catalogue at one date is near the limit computes the others one by one as they are read
        if (held.HeldValuesPerDate is null)
        {
            CatalogueAt(missing[0]); // its size tells how many dates fit
            missing.RemoveAt(0);
        }
        var fit = held.CatalogueDatesThatFit(held.HeldValuesPerDate ?? 0);
        missing = missing.Take(fit).Order().ToList();
        if (missing.Count == 0) return;
        var computed = CataloguesAt(missing);
        foreach (var d in missing) held.Catalogue(d, _ => computed.GetValueOrDefault(d) ?? Empty);
    }

    /// <summary>Every unit's catalogue at D, held.</summary>
    private IReadOnlyDictionary<string, MetricValue[]> CatalogueAt(DateOnly asOf) =>
        held.Catalogue(asOf, d => CataloguesAt([d]).GetValueOrDefault(d) ?? Empty);

    /// <summary>The rows of a list for every unit whose lead or own unit is in the roll-up of unitCode (the unit and every unit below it), order kept.</summary>
    private List<T> InRollUp<T>(string unitCode, List<T> all, Func<T, string> unitOf)
    {
        var tree = held.Fixed("unit_tree", UnitTree);
        return tree.TryGetValue(unitCode, out var below) ? all.Where(x => below.Contains(unitOf(x))).ToList() : [];
    }
}
