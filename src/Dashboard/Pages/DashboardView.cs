using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Analytics.Dashboard.Snapshots;
using Analytics.Dashboard.Sql;
using Analytics.Dashboard.Web;
using Analytics.Metrics;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// Computed values of one snapshot, kept while that snapshot is current: a filter change that
/// comes back to a view already seen answers from memory. Keyed by snapshot number, so a new
/// load never mixes with old numbers. Beside the views, the snapshot's <see cref="SnapshotValues"/>:
/// every unit's indicators per date, computed once for all units (a snapshot copy is never written).
/// </summary>
public sealed class MetricsCache
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _items = new(StringComparer.Ordinal);
    private long _snapshot = -1;
    private Held _held = new(-1, new SnapshotValues());
    private const int MaxItems = 4096;

    private sealed record Held(long Snapshot, SnapshotValues Values);

    private Held? _prepared;

    /// <summary>The values held for the snapshot: a newer snapshot starts with the values prepared for it
    /// (or an empty store); a request still on an older one gets a store of its own, so numbers of two
    /// snapshots never mix.</summary>
    public SnapshotValues Values(long snapshot)
    {
        while (true)
        {
            var held = Volatile.Read(ref _held);
            if (held.Snapshot == snapshot) return held.Values;
            if (held.Snapshot > snapshot) return new SnapshotValues();
            var fresh = Volatile.Read(ref _prepared) is { } p && p.Snapshot == snapshot ? p : new Held(snapshot, new SnapshotValues());
            if (Interlocked.CompareExchange(ref _held, fresh, held) == held) return fresh.Values;
        }
    }

    /// <summary>Before a snapshot becomes current (<see cref="SnapshotStore"/>'s prepare step): computes
    /// what the default view of every page reads — every unit's catalogue at the latest month end and
    /// the dates around it, in one query — into the values the snapshot will start with. Requests keep
    /// being served from the old snapshot meanwhile.</summary>
    public void Prepare(Snapshot snapshot)
    {
        var values = new SnapshotValues();
        using (var connection = AnalystSqlSession.OpenHardened(snapshot.Path, snapshot.Limits))
        {
            var metrics = new SnapshotMetricsService(connection, values);
            // the tables of every page at the latest month end; the charts' series are left to the first
            // view (computed once for all units): preparing them too doubled the time to publish a load
            if (metrics.LatestMonthEnd() is { } latest)
                metrics.Prefetch(DashboardView.ViewDates(latest, metrics.MonthEnds()));
        }
        Volatile.Write(ref _prepared, new Held(snapshot.Number, values));
    }

    private void Current(long snapshot)
    {
        if (Interlocked.Read(ref _snapshot) == snapshot) return;
        lock (_items)
        {
            if (_snapshot != snapshot)
            {
                _items.Clear();
                _pages.Clear();
                Interlocked.Exchange(ref _pageBytes, 0);
                Interlocked.Exchange(ref _snapshot, snapshot);
            }
        }
    }

    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _pages = new(StringComparer.Ordinal);
    private long _pageBytes;
    private const long MaxPageBytes = 64L * 1024 * 1024;

    /// <summary>A rendered page of the snapshot (UTF-8), rendered once: a snapshot never changes, so
    /// neither does its page for the same path, unit, date and token scope. At most 64 MB of pages
    /// are kept; past that the pages are dropped and rendered again as they are asked for.</summary>
    public byte[] Page(long snapshot, string key, Func<string> render)
    {
        Current(snapshot);
        key = $"{snapshot}|{key}"; // a request still on an older snapshot never fills a newer one's page
        if (_pages.TryGetValue(key, out var hit) && hit.IsValueCreated) return hit.Value;
        var added = false;
        var bytes = Once(_pages, key, () => { added = true; return System.Text.Encoding.UTF8.GetBytes(render()); });
        if (added && Interlocked.Add(ref _pageBytes, bytes.Length) > MaxPageBytes)
        {
            lock (_items)
            {
                _pages.Clear();
                Interlocked.Exchange(ref _pageBytes, bytes.Length);
                _pages.TryAdd(key, new Lazy<byte[]>(bytes));
            }
        }
        return bytes;
    }

    public T Get<T>(long snapshot, string key, Func<T> compute) where T : class
    {
        Current(snapshot);
        key = $"{snapshot}|{key}"; // as for pages: numbers of two snapshots never share a key
        if (_items.Count >= MaxItems) _items.Clear();
        return (T)Once(_items, key, () => compute());
    }

    /// <summary>The value of key, computed once however many requests ask at the same moment (the
    /// first requests after a load all want the same view); a failed computation is not kept.</summary>
    private static TValue Once<TValue>(ConcurrentDictionary<string, Lazy<TValue>> store, string key, Func<TValue> compute)
    {
        var lazy = store.GetOrAdd(key, _ => new Lazy<TValue>(compute, LazyThreadSafetyMode.ExecutionAndPublication));
        try { return lazy.Value; }
        catch
        {
            store.TryRemove(new KeyValuePair<string, Lazy<TValue>>(key, lazy));
            throw;
        }
    }
}

/// <summary>
/// One request's view of the data: the leased snapshot, the unit and as-of date from the URL
/// (defaults: the top unit, the latest month end), the unit tree, and the metrics of that view.
/// </summary>
public sealed class DashboardView : IDisposable
{
    private readonly SnapshotLease _lease;
    private readonly MetricsCache _cache;
    private readonly Dictionary<string, UnitInfo> _byCode;

    private readonly Lazy<DuckDBConnection> _connection;
    private MetricsService? _metrics;

    /// <summary>Opened on first use: a page already rendered for this snapshot needs no connection.</summary>
    public DuckDBConnection Connection => _connection.Value;
    public MetricsService Metrics => _metrics ??= new SnapshotMetricsService(Connection, _cache.Values(Snapshot.Number));
    public IReadOnlyList<UnitInfo> Units { get; }
    public UnitInfo Unit { get; }
    public DateOnly AsOf { get; }
    public IReadOnlyList<DateOnly> MonthEnds { get; }
    public ViewState State { get; }
    public Caller Caller { get; }
    public Snapshot Snapshot => _lease.Snapshot;

    private DashboardView(SnapshotLease lease, MetricsCache cache, Lazy<DuckDBConnection> connection, IReadOnlyList<UnitInfo> units,
        Dictionary<string, UnitInfo> byCode, UnitInfo unit, DateOnly asOf, IReadOnlyList<DateOnly> monthEnds, string path, Caller caller)
    {
        _lease = lease;
        _cache = cache;
        _connection = connection;
        Units = units;
        _byCode = byCode;
        Unit = unit;
        AsOf = asOf;
        MonthEnds = monthEnds;
        State = new ViewState(path, unit.Code, asOf);
        Caller = caller;
    }

    /// <summary>Opens the view for a request, or an error page (400 bad date, 404 unknown unit, 403 outside the token's unit).</summary>
    public static (DashboardView? View, IResult? Error) Open(HttpContext c, SnapshotStore store, MetricsCache cache)
    {
        var caller = DashboardApp.CallerOf(c);
        var path = c.Request.Path.Value ?? "/";
        var lease = store.Acquire();
        var conn = new Lazy<DuckDBConnection>(lease.OpenConnection);
        try
        {
            var n = lease.Snapshot.Number;
            var units = cache.Get(n, "units", () => new SnapshotMetricsService(conn.Value, cache.Values(n)).Units());
            var monthEnds = cache.Get(n, "month_ends", () => new SnapshotMetricsService(conn.Value, cache.Values(n)).MonthEnds());
            var byCode = cache.Get(n, "units_by_code", () => units.ToDictionary(u => u.Code, StringComparer.Ordinal));

            var unitParam = c.Request.Query["unit"].ToString();
            var asOfParam = c.Request.Query["as_of"].ToString();
            UnitInfo? unit;
            if (string.IsNullOrEmpty(unitParam))
                unit = caller.UnitScope is { } scope ? byCode.GetValueOrDefault(scope) : TopUnit(units);
            else if (!byCode.TryGetValue(unitParam, out unit))
                return Fail(lease, conn, ErrorPage(path, StatusCodes.Status404NotFound, $"Không có đơn vị mã \"{unitParam}\" / no unit with code {unitParam}"));
            if (unit is null)
                return Fail(lease, conn, ErrorPage(path, StatusCodes.Status404NotFound, "Kho dữ liệu chưa có danh mục đơn vị / the warehouse has no units yet: tải tệp units lên trang Tải dữ liệu lên."));
            if (caller.UnitScope is { } s && !IsWithin(byCode, unit.Code, s))
                return Fail(lease, conn, DashboardApp.Forbidden("đơn vị ngoài phạm vi / unit outside the token's scope"));

            DateOnly asOf;
            if (string.IsNullOrEmpty(asOfParam))
                asOf = monthEnds.Count > 0 ? monthEnds[^1] : DateOnly.FromDateTime(DateTime.Today);
            else if (!DateOnly.TryParseExact(asOfParam, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
                return Fail(lease, conn, ErrorPage(path, StatusCodes.Status400BadRequest, $"Ngày không hợp lệ \"{asOfParam}\", cần dạng YYYY-MM-DD / invalid date, expected YYYY-MM-DD"));

            return (new DashboardView(lease, cache, conn, units, byCode, unit, asOf, monthEnds, path, caller), null);
        }
        catch
        {
            if (conn.IsValueCreated) conn.Value.Dispose();
            lease.Dispose();
            throw;
        }
    }

    private static (DashboardView?, IResult?) Fail(SnapshotLease lease, Lazy<DuckDBConnection> conn, IResult error)
    {
        if (conn.IsValueCreated) conn.Value.Dispose();
        lease.Dispose();
        return (null, error);
    }

    private static IResult ErrorPage(string path, int status, string message) =>
        DashboardApp.HtmlPage(Layout.Page(new ViewState(path, null, null), "Không hiển thị được trang",
            $"<div class=\"error\" role=\"alert\">{Html.E(message)}</div><p><a href=\"{Html.E(path)}\">Về trang mặc định</a></p>"), status);

    /// <summary>The root of the tree with the most units below it (the province or city the warehouse is about).</summary>
    internal static UnitInfo? TopUnit(IReadOnlyList<UnitInfo> units)
    {
        var children = units.Where(u => u.ParentCode is not null).ToLookup(u => u.ParentCode!);
        int Size(string code) => 1 + children[code].Sum(c => Size(c.Code));
        return units.Where(u => u.ParentCode is null).OrderByDescending(u => Size(u.Code)).ThenBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault();
    }

    private static bool IsWithin(Dictionary<string, UnitInfo> byCode, string code, string ancestor)
    {
        for (var c = code; c is not null; c = byCode.GetValueOrDefault(c)?.ParentCode)
            if (c == ancestor) return true;
        return false;
    }

    public bool InScope(string code) => Caller.UnitScope is not { } s || IsWithin(_byCode, code, s);

    public UnitInfo? UnitByCode(string code) => _byCode.GetValueOrDefault(code);

    public string UnitName(string code) => _byCode.TryGetValue(code, out var u) ? u.Name : code;

    /// <summary>The units above the current one, top first, then the unit itself.</summary>
    public IReadOnlyList<UnitInfo> Path()
    {
        var list = new List<UnitInfo>();
        for (var u = Unit; u is not null; u = u.ParentCode is null ? null : _byCode.GetValueOrDefault(u.ParentCode))
            list.Insert(0, u);
        return list;
    }

    public IReadOnlyList<UnitInfo> Children(string code) => Units.Where(u => u.ParentCode == code).ToList();

    /// <summary>A link to the same page for another unit (drill-down), or null when that unit is not in the tree or out of scope.</summary>
    public string? UnitHref(string code, string? page = null) =>
        _byCode.ContainsKey(code) && InScope(code) ? State.Link(page ?? State.Path, code, AsOf) : null;

    /// <summary>A unit as a table shows it: its name, linked for drill-down; the CSV carries its code beside the name.</summary>
    public Cell UnitCell(string code) => new(UnitName(code), code, UnitHref(code));

    /// <summary>Every value for the current unit and date (cached per snapshot).</summary>
    public IReadOnlyList<MetricValue> Values() => ValuesAt(Unit.Code, AsOf);

    public IReadOnlyList<MetricValue> ValuesAt(string unit, DateOnly asOf) =>
        _cache.Get(Snapshot.Number, $"values|{unit}|{asOf:yyyy-MM-dd}", () => Metrics.Compute(unit, asOf));

    public IReadOnlyList<SeriesPoint> Series(string id, IReadOnlyDictionary<string, string> dims, IReadOnlyList<DateOnly> dates) =>
        _cache.Get(Snapshot.Number, $"series|{id}|{Unit.Code}|{DimsKey(dims)}|{string.Join(",", dates)}",
            () => Metrics.Series(id, Unit.Code, dims, dates));

    /// <summary>The page of this view rendered once per snapshot (path, unit, date and the token's unit scope, which changes links and the unit picker;
    /// variant: a page filter such as the staffing page's unit-standard one).</summary>
    public IResult CachedPage(Func<string> render, string? variant = null) =>
        Results.Bytes(_cache.Page(Snapshot.Number, $"page|{State.Path}|{Unit.Code}|{AsOf:yyyy-MM-dd}|{Caller.UnitScope}|{variant}", render), "text/html; charset=utf-8");

    public T Cached<T>(string key, Func<T> compute) where T : class =>
        _cache.Get(Snapshot.Number, $"{key}|{Unit.Code}|{AsOf:yyyy-MM-dd}", compute);

    public static string DimsKey(IReadOnlyDictionary<string, string> dims) =>
        string.Join("&", dims.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));

    /// <summary>The month end before the as-of date in the data (the previous period), if any.</summary>
    public DateOnly? PreviousPeriod() => PreviousPeriod(AsOf, MonthEnds);

    private static DateOnly PreviousPeriod(DateOnly asOf, IReadOnlyList<DateOnly> monthEnds) =>
        monthEnds.Where(d => d < asOf).Cast<DateOnly?>().LastOrDefault() ?? EndOfMonth(asOf.AddMonths(-1));

    /// <summary>The same date a year earlier (month end when the as-of date is one).</summary>
    public DateOnly SamePeriodLastYear() => SamePeriodLastYear(AsOf);

    private static DateOnly SamePeriodLastYear(DateOnly asOf) => asOf == EndOfMonth(asOf) ? EndOfMonth(asOf.AddYears(-1)) : asOf.AddYears(-1);

    /// <summary>The last twelve month ends up to the as-of date (for sparklines).</summary>
    public IReadOnlyList<DateOnly> TrendDates() => TrendDates(AsOf);

    private static List<DateOnly> TrendDates(DateOnly asOf)
    {
        var dates = new List<DateOnly>();
        var d = EndOfMonth(asOf) == asOf ? asOf : EndOfMonth(asOf.AddMonths(-1));
        for (var i = 0; i < 12; i++) dates.Insert(0, EndOfMonth(d.AddMonths(-i)));
        if (dates[^1] != asOf) dates.Add(asOf);
        return dates;
    }

    /// <summary>Every date the overview and the area pages read at an as-of date: itself, the previous
    /// period, the same period last year and the twelve trend months.</summary>
    public static IReadOnlyList<DateOnly> ViewDates(DateOnly asOf, IReadOnlyList<DateOnly> monthEnds) =>
        [asOf, PreviousPeriod(asOf, monthEnds), SamePeriodLastYear(asOf), .. TrendDates(asOf)];

    /// <summary>Computes every date the page reads in one query (over the snapshot's held values).</summary>
    public void Prefetch() => Metrics.Prefetch(ViewDates(AsOf, MonthEnds));

    public static DateOnly EndOfMonth(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));

    /// <summary>The filter bar: where we are (breadcrumb, clickable), unit and date pickers.</summary>
    public string Filters()
    {
        var sb = new StringBuilder("<div class=\"filters\">");
        sb.Append("<nav aria-label=\"Đơn vị đang xem\" class=\"crumbs\">");
        var path = Path();
        for (var i = 0; i < path.Count; i++)
        {
            if (i > 0) sb.Append(" › ");
            var u = path[i];
            if (i < path.Count - 1 && InScope(u.Code)) sb.Append("<a href=\"").Append(Html.E(State.Link(State.Path, u.Code, AsOf))).Append("\">").Append(Html.E(u.Name)).Append("</a>");
            else sb.Append("<strong>").Append(Html.E(u.Name)).Append("</strong>");
        }
        sb.Append(" · tính đến ").Append(Html.E(VietnameseFormat.LongDate(AsOf))).Append("</nav>");

        sb.Append("<form class=\"filters-form\" method=\"get\" action=\"").Append(Html.E(State.Path)).Append("\">");
        sb.Append("<div><label for=\"f-unit\">Đơn vị</label><select id=\"f-unit\" name=\"unit\">");
        var root = path[0];
        var options = new List<(UnitInfo Unit, int Depth)>();
        foreach (var top in Units.Where(u => u.ParentCode is null && InScope(u.Code)).OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            options.Add((top, 0));
            if (top.Code == root.Code)
                foreach (var child in Children(top.Code)) options.Add((child, 1));
        }
        if (Caller.UnitScope is { } scope && UnitByCode(scope) is { } scoped && options.All(o => o.Unit.Code != scope))
        {
            options.Add((scoped, 0));
            foreach (var child in Children(scope)) options.Add((child, 1));
        }
        if (options.All(o => o.Unit.Code != Unit.Code)) options.Add((Unit, 1));
        var withData = AreasWithData();
        foreach (var (u, depth) in options)
        {
            var missing = MissingAreas(withData.GetValueOrDefault(u.Code));
            sb.Append("<option value=\"").Append(Html.E(u.Code)).Append('"');
            if (u.Code == Unit.Code) sb.Append(" selected");
            if (missing.Length > 0) sb.Append(" data-nodata=\"").Append(Html.E(missing)).Append('"');
            sb.Append('>').Append(depth > 0 ? "— " : "").Append(Html.E(u.Name));
            if (missing.Length > 0) sb.Append(" (").Append(Html.E(missing)).Append(')');
            sb.Append("</option>");
        }
        sb.Append("</select></div>");
        sb.Append("<div><label for=\"f-asof\">Tính đến ngày</label><select id=\"f-asof\" name=\"as_of\">");
        var dates = MonthEnds.Reverse().ToList();
        if (!dates.Contains(AsOf)) dates.Insert(0, AsOf);
        foreach (var d in dates)
        {
            sb.Append("<option value=\"").Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('"');
            if (d == AsOf) sb.Append(" selected");
            sb.Append('>').Append(VietnameseFormat.Date(d)).Append("</option>");
        }
        sb.Append("</select></div><button type=\"submit\">Xem</button>");
        sb.Append(" <a class=\"button secondary\" href=\"").Append(Html.E(State.Link("/briefing.pdf"))).Append("\">Tải báo cáo PDF</a>");
        sb.Append(" <a class=\"button secondary\" href=\"").Append(Html.E(State.Link("/briefing.docx"))).Append("\">Tải bản Word</a>");
        sb.Append("</form></div>");
        return sb.ToString();
    }

    /// <summary>Per unit, the areas (tasks, staffing, indices, revenue) with at least one value at the as-of date (once per snapshot and date).</summary>
    private Dictionary<string, HashSet<string>> AreasWithData() =>
        _cache.Get(Snapshot.Number, $"areas_with_data|{AsOf:yyyy-MM-dd}", () =>
            Metrics.ComputeMany(Units.Select(u => u.Code), AsOf)
                .Where(x => x.Value is not null)
                .GroupBy(x => x.UnitCode, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => AreaOf(x.Id)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal));

    private static string AreaOf(string id) => id.Split('.')[0] switch
    {
        "tasks" => "tasks",
        "staffing" => "staffing",
        "revenue" or "grdp" => "revenue",
        _ => "indices",
    };

    /// <summary>How the unit picker marks a unit without data: on an area page, "chưa có số liệu" when that area has none;
    /// on the overview, the roll-up areas every unit reports (tasks, staffing) that it lacks, or all.</summary>
    private string MissingAreas(HashSet<string>? areas)
    {
        if (areas is null || areas.Count == 0) return "chưa có số liệu";
        var page = State.Path.TrimStart('/');
        if (page is "tasks" or "staffing" or "indices" or "revenue") return areas.Contains(page) ? "" : "chưa có số liệu";
        var missing = new[] { ("tasks", "nhiệm vụ"), ("staffing", "cán bộ") }.Where(a => !areas.Contains(a.Item1)).Select(a => a.Item2).ToList();
        return missing.Count == 0 ? "" : "chưa có số liệu " + string.Join(", ", missing);
    }

    public DataNote DataNote() => new(Snapshot.Number, Snapshot.LatestLoadId, Snapshot.LatestLoadedAt);

    public void Dispose()
    {
        if (_connection.IsValueCreated) _connection.Value.Dispose();
        _lease.Dispose();
    }
}
