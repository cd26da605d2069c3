using System.Globalization;
using System.Text.Json;
using Analytics.Metrics.Catalogue;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Metrics;

/// <summary>
/// The indicators of the catalogue for a unit at an as-of date, and the lists behind them: the one
/// query path. Every figure is computed in the warehouse by the macros of sql/metrics (the caller opens
/// the connection, read-only is enough); this class only passes parameters and shapes the rows.
/// <see cref="SnapshotMetricsService"/> wraps it with values held per snapshot for the dashboard and the
/// booklets (every unit at once per date); the figures are the same (tests compare both).
/// </summary>
public class MetricsService(DuckDBConnection connection)
{

    /// <summary>Every indicator and breakdown for the unit at D (optionally only ids starting with idPrefix),
    /// in catalogue order, totals before breakdowns; status from kpi_targets.</summary>
    public virtual IReadOnlyList<MetricValue> Compute(string unitCode, DateOnly asOf, string? idPrefix = null)
    {
        var rows = connection.Query<ValueRow>(
            $"select {ValueColumns} from metrics.indicator_values_for($unit, [$as_of::date], $prefix)",
            new { unit = unitCode, as_of = IsoDate(asOf), prefix = idPrefix });
        return Ordered(rows.Select(ToValue)).ToList();
    }

    /// <summary>Compute for many units at once (e.g. every commune of a province for a league table or a map):
    /// one query over all units instead of one per unit; rows ordered by unit, then as Compute orders them.</summary>
    public virtual IReadOnlyList<MetricValue> ComputeMany(IEnumerable<string> unitCodes, DateOnly asOf, string? idPrefix = null)
    {
        var units = unitCodes.Distinct().ToList();
        if (units.Count <= 1) return units.Count == 0 ? [] : Compute(units[0], asOf, idPrefix);
        var rows = connection.Query<ValueRow>(
            $"select {ValueColumns} from metrics.indicator_values_for(null, [$as_of::date], $prefix) where list_contains(string_split($units, chr(31)), unit_code)",
            new { units = string.Join('\u001f', units), as_of = IsoDate(asOf), prefix = idPrefix });
        return Ordered(rows.Select(ToValue)).OrderBy(v => v.UnitCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>One indicator and breakdown over many as-of dates, computed in one query.
    /// A date with no row (e.g. a category with no data yet) gives a null point.</summary>
    public virtual IReadOnlyList<SeriesPoint> Series(string id, string unitCode, IReadOnlyDictionary<string, string> dims, IEnumerable<DateOnly> asOfDates)
    {
        var dates = asOfDates.Distinct().Order().ToList();
        if (dates.Count == 0) return [];
        // only the area's macro runs (a chart needs no status), one query for all the dates
        var rows = connection.Query<SeriesRow>(
            $"select as_of::varchar as as_of, dims::varchar as dims, value from metrics.{AreaMacro(id)}($unit, string_split($dates, ',')::date[]) where indicator_id = $id",
            new { unit = unitCode, dates = string.Join(",", dates.Select(IsoDate)), id });
        var byDate = rows
            .Where(r => SameDims(ParseDims(r.dims), dims))
            .ToDictionary(r => ParseDate(r.as_of), r => r.value);
        return dates.Select(d => new SeriesPoint(d, byDate.GetValueOrDefault(d))).ToList();
    }

    /// <summary>Several indicators' series for one unit over the same dates: one query per area instead of
    /// one per indicator (a briefing's index ranks and scores); the same points as <see cref="Series"/> gives for each.</summary>
    public virtual IReadOnlyList<IReadOnlyList<SeriesPoint>> SeriesMany(string unitCode, IReadOnlyList<(string Id, IReadOnlyDictionary<string, string> Dims)> indicators, IEnumerable<DateOnly> asOfDates)
    {
        var dates = asOfDates.Distinct().Order().ToList();
        if (dates.Count == 0) return indicators.Select(_ => (IReadOnlyList<SeriesPoint>)[]).ToList();
        var result = new IReadOnlyList<SeriesPoint>[indicators.Count];
        foreach (var area in Enumerable.Range(0, indicators.Count).GroupBy(i => AreaMacro(indicators[i].Id)))
        {
            var ids = area.Select(i => indicators[i].Id).Distinct().ToList();
            var rows = connection.Query<SeriesIdRow>(
                $"select indicator_id, as_of::varchar as as_of, dims::varchar as dims, value from metrics.{area.Key}($unit, string_split($dates, ',')::date[]) where list_contains(string_split($ids, ','), indicator_id)",
                new { unit = unitCode, dates = string.Join(",", dates.Select(IsoDate)), ids = string.Join(",", ids) }).ToList();
            foreach (var i in area)
            {
                var (id, dims) = indicators[i];
                var byDate = rows.Where(r => r.indicator_id == id && SameDims(ParseDims(r.dims), dims)).ToDictionary(r => ParseDate(r.as_of), r => r.value);
                result[i] = dates.Select(d => new SeriesPoint(d, byDate.GetValueOrDefault(d))).ToList();
            }
        }
        return result;
    }

    /// <summary>Lead units of the roll-up with at least one overdue or late task, worst first.</summary>
    public virtual IReadOnlyList<LaggingUnit> LaggingUnits(string unitCode, DateOnly asOf) => LaggingUnitsOf(unitCode, asOf);

    /// <summary>The lagging units of the roll-up of unitCode, or of every unit with null.</summary>
    private protected List<LaggingUnit> LaggingUnitsOf(string? unitCode, DateOnly asOf) =>
        connection.Query<LaggingUnit>(
            "select unit_code as unitcode, unit_name as unitname, total, completed_on_time as completedontime, completed_late as completedlate, overdue, on_time_rate as ontimerate from metrics.lagging_units_at($unit, $as_of::date)",
            new { unit = unitCode, as_of = IsoDate(asOf) }).ToList();

    /// <summary>Tasks of the roll-up overdue at D, longest overdue first.</summary>
    public virtual IReadOnlyList<OverdueTask> OverdueTasks(string unitCode, DateOnly asOf) => OverdueTasksOf(unitCode, asOf);

    /// <summary>The overdue tasks of the roll-up of unitCode, or of every unit with null.</summary>
    private protected List<OverdueTask> OverdueTasksOf(string? unitCode, DateOnly asOf) =>
        connection.Query<OverdueTaskRow>(
            "select task_id, title, lead_unit, lead_unit_name, due_date::varchar as due_date, days_overdue, source_doc, clause from metrics.overdue_tasks_at($unit, $as_of::date)",
            new { unit = unitCode, as_of = IsoDate(asOf) })
            .Select(r => new OverdueTask(r.task_id, r.title, r.lead_unit, r.lead_unit_name, ParseDate(r.due_date), r.days_overdue, r.source_doc, r.clause))
            .ToList();

    public virtual IReadOnlyList<UnitInfo> Units() =>
        connection.Query<UnitInfo>("select unit_code as code, unit_name as name, unit_type as type, parent_code as parentcode, cluster from metrics.units order by unit_code").ToList();

    public virtual UnitInfo? Unit(string code) =>
        connection.QuerySingleOrDefault<UnitInfo>("select unit_code as code, unit_name as name, unit_type as type, parent_code as parentcode, cluster from metrics.units where unit_code = $code", new { code });

    public IReadOnlyList<UnitInfo> Children(string code) =>
        connection.Query<UnitInfo>("select unit_code as code, unit_name as name, unit_type as type, parent_code as parentcode, cluster from metrics.units where parent_code = $code order by unit_code", new { code }).ToList();

    /// <summary>Month-end dates for which the warehouse holds data, oldest first.</summary>
    public virtual IReadOnlyList<DateOnly> MonthEnds() =>
        connection.Query<string>("select month_end::varchar from metrics.month_ends order by month_end").Select(ParseDate).ToList();

    public DateOnly? LatestMonthEnd() => MonthEnds() is { Count: > 0 } all ? all[^1] : null;

    /// <summary>Revenue categories whose year-to-date is NULL at D (this year, or last year where it was partly given), naming the missing months.</summary>
    public virtual IReadOnlyList<RevenueGap> RevenueGaps(string unitCode, DateOnly asOf) => RevenueGapsOf(unitCode, asOf);

    /// <summary>The revenue gaps of one unit, or of every unit with null.</summary>
    private protected List<RevenueGap> RevenueGapsOf(string? unitCode, DateOnly asOf) =>
        connection.Query<RevenueGapRow>(
            "select unit_code, category, year, list_aggr(missing_months, 'string_agg', ',') as missing_months from metrics.revenue_gaps_at($unit, $as_of::date)",
            new { unit = unitCode, as_of = IsoDate(asOf) })
            .Select(r => new RevenueGap(r.unit_code, r.category, r.year, r.missing_months.Split(',').Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToList()))
            .ToList();

    /// <summary>Suggested moves inside the unit's roll-up at D closing staffing.rebalance_potential, same cluster first.</summary>
    public IReadOnlyList<StaffingTransfer> Transfers(string unitCode, DateOnly asOf) =>
        connection.Query<StaffingTransfer>(
            "select from_unit as fromunit, from_unit_name as fromunitname, to_unit as tounit, to_unit_name as tounitname, position_group as positiongroup, specialty, people, same_cluster as samecluster from metrics.staffing_transfers_at($unit, $as_of::date)",
            new { unit = unitCode, as_of = IsoDate(asOf) }).ToList();

    /// <summary>units.below_standard_list: each criterion on which a commune of the roll-up falls below the
    /// standard that applies to it, the commune furthest below first (units carry no dates: no as-of).</summary>
    public IReadOnlyList<StandardCheck> BelowStandard(string unitCode) => StandardChecksOf("metrics.units_below_standard_list", unitCode);

    /// <summary>Every check of the roll-up's communes against the standard that applies (met, short, or not assessed without a figure).</summary>
    public IReadOnlyList<StandardCheck> StandardChecks(string unitCode) => StandardChecksOf("metrics.unit_standard_checks_in", unitCode);

    private List<StandardCheck> StandardChecksOf(string macro, string unitCode) =>
        connection.Query<StandardCheck>(
            $"select unit_code as unitcode, unit_name as unitname, unit_type as unittype, region, criterion, figure, minimum, pct_of_standard as pctofstandard, is_below as isbelow, standard_region as standardregion, source from {macro}($unit)",
            new { unit = unitCode }).ToList();

    /// <summary>The loaded files behind the numbers (meta.loads rows that still hold raw rows).</summary>
    public virtual IReadOnlyList<DataSource> Sources() =>
        connection.Query<DataSource>("select file_name as filename, dataset, sha256, loaded_at as loadedat, count_rows as rows from metrics.data_sources").ToList();

    /// <summary>The loaded files holding rows about the unit or a unit below it, with the count of those rows.</summary>
    public virtual IReadOnlyList<DataSource> Sources(string unitCode) =>
        connection.Query<DataSource>("select file_name as filename, dataset, sha256, loaded_at as loadedat, count_rows as rows from metrics.data_sources_for($unit)",
            new { unit = unitCode }).ToList();

    /// <summary>Computes ahead the dates a page will read; the query path keeps nothing, so it does nothing
    /// (<see cref="SnapshotMetricsService"/> computes them in one query and holds them).</summary>
    public virtual void Prefetch(IEnumerable<DateOnly> dates)
    {
    }

    /// <summary>Every unit's whole catalogue at each date, in one set-based query: DuckDB plans the nested
    /// macros once for all the dates, and planning is most of a date's cost.</summary>
    private protected Dictionary<DateOnly, IReadOnlyDictionary<string, MetricValue[]>> CataloguesAt(IReadOnlyList<DateOnly> dates)
    {
        var rows = new List<MetricValue>();
        var shapes = new RowShapes();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"select {ValueColumns} from metrics.indicator_values_at(null, string_split($dates, ',')::date[])";
            cmd.Parameters.Add(new DuckDBParameter("dates", string.Join(",", dates.Select(IsoDate))));
            using var r = cmd.ExecuteReader();
            var asOf = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
            while (r.Read())
            {
                var iso = r.GetString(1);
                if (!asOf.TryGetValue(iso, out var d)) asOf[iso] = d = ParseDate(iso);
                string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                double? Number(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
                var row = new ValueRow(Text(0)!, iso, Text(2)!, Text(3)!, Number(4), Text(5)!, Text(6), Text(7)!, Number(8), Number(9), Text(10), Text(11), Text(12),
                    Number(13), Number(14), r.IsDBNull(15) ? null : r.GetInt32(15), Text(16));
                rows.Add(ToValue(row, d, shapes));
            }
        }
        return rows.GroupBy(v => v.AsOf).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, MetricValue[]>)g.GroupBy(v => v.UnitCode, StringComparer.Ordinal)
                .ToDictionary(u => u.Key, u => Ordered(u).ToArray(), StringComparer.Ordinal));
    }

    private protected static IReadOnlyList<MetricValue> WithPrefix(MetricValue[] values, string? idPrefix) =>
        idPrefix is null ? values : values.Where(v => v.Id.StartsWith(idPrefix, StringComparison.Ordinal)).ToList();

    /// <summary>An area macro's rows for every unit at each date, in one query: date → unit → rows.</summary>
    private protected Dictionary<DateOnly, Dictionary<string, SnapshotValues.AreaRow[]>> AreaRowsAt(string macro, IReadOnlyList<DateOnly> dates)
    {
        var shapes = new RowShapes();
        var byDate = dates.ToDictionary(d => d, _ => new Dictionary<string, List<SnapshotValues.AreaRow>>(StringComparer.Ordinal));
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"select unit_code, as_of::varchar as as_of, indicator_id, dims::varchar as dims, value from metrics.{macro}(null, string_split($dates, ',')::date[])";
            cmd.Parameters.Add(new DuckDBParameter("dates", string.Join(",", dates.Select(IsoDate))));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var d = ParseDate(r.GetString(1));
                var units = byDate[d];
                var unit = shapes.Text(r.GetString(0));
                if (!units.TryGetValue(unit, out var list)) units[unit] = list = [];
                list.Add(new SnapshotValues.AreaRow(d, shapes.Text(r.GetString(2)), shapes.Dims(r.GetString(3)), r.IsDBNull(4) ? null : r.GetDouble(4)));
            }
        }
        return byDate.ToDictionary(x => x.Key, x => x.Value.ToDictionary(u => u.Key, u => u.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Each unit → itself and every unit below it (marts.unit_tree).</summary>
    private protected Dictionary<string, HashSet<string>> UnitTree() =>
        connection.Query<(string Ancestor, string Unit)>("select ancestor_code, unit_code from marts.unit_tree")
            .GroupBy(t => t.Ancestor, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Unit).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>One string per distinct text and one dims dictionary per distinct JSON while reading many rows (memory for a snapshot's values).</summary>
    private sealed class RowShapes
    {
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _dims = new(StringComparer.Ordinal);

        public string Text(string s) => _texts.TryGetValue(s, out var t) ? t : _texts[s] = s;

        public IReadOnlyDictionary<string, string> Dims(string json) => _dims.TryGetValue(json, out var d) ? d : _dims[json] = ParseDims(json);
    }

    /// <summary>The columns of metrics.indicator_values_for that MetricValue reads, in ValueRow's order.</summary>
    private const string ValueColumns =
        "unit_code, as_of::varchar as as_of, indicator_id, dims::varchar as dims, value, unit, status, direction, green_at, amber_at, target_unit_code, " +
        "basis_id, basis_dims::varchar as basis_dims, basis_value, basis_target_bn_vnd, basis_through_month::integer as basis_through_month, status_note";

    private static MetricValue ToValue(ValueRow r) => ToValue(r, ParseDate(r.as_of), null);

    private static MetricValue ToValue(ValueRow r, DateOnly asOf, RowShapes? shapes)
    {
        string S(string s) => shapes?.Text(s) ?? s;
        IReadOnlyDictionary<string, string> D(string json) => shapes?.Dims(json) ?? ParseDims(json);
        var target = r.green_at is { } green && r.target_unit_code is { } from
            ? new KpiTarget(green, r.amber_at, ParseDirection(r.direction), S(from), S(r.basis_id ?? r.indicator_id),
                r.basis_dims is { } bd ? D(bd) : D(r.dims), r.basis_value, r.basis_target_bn_vnd, r.basis_through_month)
            : null;
        return new MetricValue(S(r.indicator_id), S(r.unit_code), asOf, D(r.dims), r.value, S(r.unit), KpiStatusCodes.Parse(r.status))
        {
            Target = target,
            StatusNote = StatusNotes.Parse(r.status_note),
        };
    }

    private static Direction ParseDirection(string code) => code switch
    {
        "higher" => Direction.Higher,
        "lower" => Direction.Lower,
        _ => Direction.None,
    };

    /// <summary>Catalogue order, totals before breakdowns, breakdown values in their list order (the category tree, the specialty list).</summary>
    private static IOrderedEnumerable<MetricValue> Ordered(IEnumerable<MetricValue> values) => values
        .OrderBy(v => IndicatorCatalogue.Position(v.Id))
        .ThenBy(v => v.Id, StringComparer.Ordinal)
        .ThenBy(v => v.Dims.Count)
        .ThenBy(v => string.Join("|", v.Dims.Keys), StringComparer.Ordinal)
        .ThenBy(v => v.Dims.Select(d => IndicatorCatalogue.DimensionValuePosition(d.Key, d.Value)).ToArray(), DimensionPositions)
        .ThenBy(v => string.Join("|", v.Dims.Values), StringComparer.Ordinal);

    /// <summary>The macro of sql/metrics computing an indicator id (a fixed name, never user text).</summary>
    private protected static string AreaMacro(string id) => id.Split('.')[0] switch
    {
        "tasks" => "tasks_at",
        "staffing" => "staffing_at",
        "revenue" => "revenue_at",
        "grdp" => "grdp_at",
        "units" => "units_at",
        _ => "indices_at",
    };

    private static readonly Comparer<int[]> DimensionPositions = Comparer<int[]>.Create((a, b) =>
        a.Zip(b).Select(p => p.First.CompareTo(p.Second)).FirstOrDefault(c => c != 0));

    internal static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IReadOnlyDictionary<string, string> ParseDims(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private protected static bool SameDims(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    // Dapper maps by column name; these mirror the macro outputs.
#pragma warning disable IDE1006
    private sealed record ValueRow(string unit_code, string as_of, string indicator_id, string dims, double? value, string unit, string? status,
        string direction, double? green_at, double? amber_at, string? target_unit_code, string? basis_id, string? basis_dims, double? basis_value,
        double? basis_target_bn_vnd, int? basis_through_month, string? status_note);

    private sealed record SeriesRow(string as_of, string dims, double? value);
    private sealed record SeriesIdRow(string indicator_id, string as_of, string dims, double? value);

    private sealed record OverdueTaskRow(string task_id, string title, string lead_unit, string lead_unit_name, string due_date, int days_overdue, string source_doc, string? clause);
    private sealed record RevenueGapRow(string unit_code, string category, int year, string missing_months);
#pragma warning restore IDE1006
}
