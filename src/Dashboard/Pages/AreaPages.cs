using System.Globalization;
using System.Text;
using Analytics.Dashboard.Snapshots;
using Analytics.Dashboard.Web;
using Analytics.Metrics;
using Analytics.Metrics.Catalogue;
using Analytics.Reports.Charts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// The overview and the four area pages (tasks, staffing, administrative reform, revenue and
/// growth), their CSV table downloads and their SVG charts. Every page is built from a list of
/// <see cref="TableModel"/>s so the CSV is exactly the table on screen.
/// </summary>
public static class AreaPages
{
    /// <summary>An area of the review: its page, the page title, the navigation label and the indicator id prefixes it shows.</summary>
    public sealed record Area(string Key, string Path, string Title, string NavLabel, string Prefixes);

    /// <summary>The dashboard's areas, the one list the navigation and the pages are built from.</summary>
    public static readonly Area[] Areas =
    [
        new("tasks", "/tasks", "Nhiệm vụ", "Nhiệm vụ", "tasks."),
        new("staffing", "/staffing", "Đội ngũ cán bộ", "Đội ngũ cán bộ", "staffing."),
        new("indices", "/indices", "Cải cách hành chính: PAR INDEX, SIPAS, PCI", "Cải cách hành chính", "par_index.,sipas.,pci."),
        new("revenue", "/revenue", "Thu ngân sách và tăng trưởng", "Thu ngân sách, tăng trưởng", "revenue.,grdp."),
    ];

    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext c, SnapshotStore s, MetricsCache m) => WithView(c, s, m, v => v.CachedPage(() => Overview.Render(v))));
        app.MapGet("/table/overview/{id}.csv", (string id, HttpContext c, SnapshotStore s, MetricsCache m) =>
            WithView(c, s, m, v => Csv(v, Overview.Tables(v), id, "tong-quan")));
        foreach (var area in Areas)
        {
            // the staffing page's unit-standard filter is part of what the page and its CSV show
            app.MapGet(area.Path, (HttpContext c, SnapshotStore s, MetricsCache m) => WithView(c, s, m, v =>
                UnitStandardTable.BelowOnly(c) && area.Key == "staffing"
                    ? v.CachedPage(() => Render(area, v, belowStandardOnly: true), UnitStandardTable.BelowValue)
                    : v.CachedPage(() => Render(area, v))));
            app.MapGet($"/table/{area.Key}/{{id}}.csv", (string id, HttpContext c, SnapshotStore s, MetricsCache m) =>
                WithView(c, s, m, v => Csv(v, Tables(area, v, UnitStandardTable.BelowOnly(c)), id, area.Key)));
        }
        app.MapGet("/briefing.pdf", (HttpContext c, SnapshotStore s, MetricsCache m) =>
            WithView(c, s, m, v =>
            {
                var pdf = v.Cached("pdf", () => BriefingPdf.Render(PageCharts.Briefing(v)));
                return Results.File(pdf, "application/pdf", $"bao-cao-{v.Unit.Code}-{v.AsOf:yyyy-MM-dd}.pdf");
            }));
        app.MapGet("/briefing.docx", (HttpContext c, SnapshotStore s, MetricsCache m) =>
            WithView(c, s, m, v =>
            {
                var docx = v.Cached("docx", () => BriefingDocx.Render(PageCharts.Briefing(v)));
                return Results.File(docx, BriefingDocx.ContentType, $"bao-cao-{v.Unit.Code}-{v.AsOf:yyyy-MM-dd}.docx");
            }));
        app.MapGet("/chart/{id}.svg", (string id, HttpContext c, SnapshotStore s, MetricsCache m) =>
            WithView(c, s, m, v =>
            {
                if (ChartCatalogue.All.All(x => x.Id != id)) return Results.NotFound();
                var figure = PageCharts.Build(id, v);
                if (figure is null) return Results.NotFound();
                // drawn for the size it is shown at: one per row on a desktop, narrower and taller on a phone
                var phone = c.Request.Query["size"] == "phone";
                var svg = v.Cached($"svg|{id}|{(phone ? "phone" : "desktop")}", () => ScreenChart.Svg(figure, phone));
                return Results.Text(svg, "image/svg+xml; charset=utf-8");
            }));
    }

    internal static IResult WithView(HttpContext c, SnapshotStore store, MetricsCache cache, Func<DashboardView, IResult> render)
    {
        var (view, error) = DashboardView.Open(c, store, cache);
        if (view is null) return error!;
        using (view) return render(view);
    }

    private static IResult Csv(DashboardView v, IReadOnlyList<TableModel> tables, string id, string page)
    {
        if (!v.Caller.CanExport) return DashboardApp.Forbidden("CSV");
        var t = tables.FirstOrDefault(x => x.Id == id);
        if (t is null) return Results.NotFound();
        var name = $"{page}-{id}-{v.Unit.Code}-{v.AsOf:yyyy-MM-dd}.csv";
        return Results.File(t.ToCsv(), "text/csv; charset=utf-8", name);
    }

    public static string TableHref(DashboardView v, string page, string id) => v.State.Link($"/table/{page}/{id}.csv");

    private static bool InArea(Area a, string id) => a.Prefixes.Split(',').Any(p => id.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The tables of an area page for the view, in page order.</summary>
    public static IReadOnlyList<TableModel> Tables(Area area, DashboardView v, bool belowStandardOnly = false)
    {
        v.Prefetch();
        var values = v.Values().Where(x => InArea(area, x.Id)).ToList();
        var prevDate = v.PreviousPeriod();
        var lastYear = v.SamePeriodLastYear();
        var prev = prevDate is { } p ? Index(v.ValuesAt(v.Unit.Code, p)) : new();
        var ly = Index(v.ValuesAt(v.Unit.Code, lastYear));
        var tables = new List<TableModel>();

        // The headline table: every total, plus single-row breakdowns that stand for a total
        // (revenue by category and target kind has no total of its own).
        var headline = values.Where(x => x.Dims.Count == 0 || area.Key == "revenue" && x.Dims.GetValueOrDefault("category") == "tong_thu").ToList();
        tables.Add(new TableModel("chi-tieu", "Các chỉ tiêu",
            // name, value and judgement first: they stay in view on a phone (the name column is sticky)
            ["Chỉ tiêu", "Giá trị", "Đánh giá", $"Kỳ trước ({(prevDate is { } pd ? VietnameseFormat.Date(pd) : "–")})", $"Cùng kỳ năm trước ({VietnameseFormat.Date(lastYear)})", "Căn cứ đánh giá"],
            headline.Select(x =>
            {
                var key = Key(x.Id, x.Dims);
                return (IReadOnlyList<Cell>)
                [
                    new Cell(Name(x), x.Id),
                    Cell.Indicator(x.Value, x.Id, x.Unit),
                    StatusCell(x),
                    Cell.Indicator(prev.GetValueOrDefault(key)?.Value, x.Id, x.Unit),
                    Cell.Indicator(ly.GetValueOrDefault(key)?.Value, x.Id, x.Unit),
                    TargetCell(x),
                ];
            }).ToList(), "Chưa có số liệu cho đơn vị và thời điểm này."));

        // One table per breakdown: rows are the dimension values, columns the indicators that have it.
        foreach (var group in values.Where(x => x.Dims.Count > 0).GroupBy(x => string.Join(",", x.Dims.Keys.Order(StringComparer.Ordinal))))
        {
            var dims = group.Key.Split(',');
            var ids = group.Select(x => x.Id).Distinct().OrderBy(IndicatorCatalogue.Position).ToList();
            var rows = group.GroupBy(x => DashboardView.DimsKey(x.Dims)).Select(g =>
            {
                var first = g.First();
                var cells = new List<Cell>();
                foreach (var d in dims)
                {
                    var val = first.Dims[d];
                    cells.Add(d is "lead_unit" or "unit_code" ? v.UnitCell(val) : new Cell(IndicatorCatalogue.DimensionValueVi(d, val) ?? val, val));
                }
                foreach (var id in ids)
                {
                    var m = g.FirstOrDefault(x => x.Id == id);
                    cells.Add(m is null ? new Cell("", null) : Cell.Number(m.Value, m.Unit));
                }
                return (IReadOnlyList<Cell>)cells;
            }).ToList();
            var caption = "Theo " + string.Join(", ", dims.Select(d => Labels.Dimension(d).ToLowerInvariant()));
            tables.Add(new TableModel("theo-" + group.Key.Replace(',', '-').Replace('_', '-'), caption,
                dims.Select(Labels.Dimension).Concat(ids.Select(id => IndicatorCatalogue.Get(id)?.NameVi ?? id)).ToList(), rows));
        }

        if (area.Key == "staffing") tables.Add(UnitStandardTable.Build(v, belowStandardOnly));

        if (area.Key == "tasks")
        {
            var lagging = v.Cached("lagging", () => v.Metrics.LaggingUnits(v.Unit.Code, v.AsOf));
            tables.Add(new TableModel("don-vi-cham", "Danh sách đơn vị chậm tiến độ",
                ["Đơn vị chủ trì", "Tổng số", "Đúng hạn", "Quá hạn đã xong", "Quá hạn chưa xong", "Tỷ lệ đúng hạn"],
                lagging.Select(l => (IReadOnlyList<Cell>)
                [
                    v.UnitCell(l.UnitCode) with { Text = l.UnitName },
                    Cell.Count(l.Total), Cell.Count(l.CompletedOnTime), Cell.Count(l.CompletedLate), Cell.Count(l.Overdue),
                    Cell.Number(l.OnTimeRate, "%"),
                ]).ToList(), "Không có đơn vị nào chậm tiến độ."));
            var overdue = v.Cached("overdue", () => v.Metrics.OverdueTasks(v.Unit.Code, v.AsOf));
            tables.Add(new TableModel("nhiem-vu-qua-han", "Nhiệm vụ quá hạn chưa hoàn thành",
                ["Mã", "Nhiệm vụ", "Văn bản", "Đơn vị chủ trì", "Hạn", "Số ngày quá hạn"],
                overdue.Select(t => (IReadOnlyList<Cell>)
                [
                    new Cell(t.TaskId, t.TaskId), new Cell(t.Title, t.Title),
                    new Cell(t.Clause is { Length: > 0 } cl ? $"{t.SourceDoc}, mục {cl}" : t.SourceDoc, t.SourceDoc),
                    v.UnitCell(t.LeadUnit) with { Text = t.LeadUnitName },
                    new Cell(VietnameseFormat.Date(t.DueDate), t.DueDate), Cell.Count(t.DaysOverdue),
                ]).ToList(), "Không có nhiệm vụ quá hạn."));
        }
        return tables;
    }

    /// <summary>The judgement of a value: its status in colour, "Chưa có số liệu" in grey when it has no basis, or why it has no status.
    /// The CSV carries the status code (dat | can_co_gang | chua_dat), empty without one.</summary>
    internal static Cell StatusCell(MetricValue x) =>
        x.Value is null ? new Cell(MetricDisplay.Judgement(x), null, Css: "nodata")
        : x.Status is { } st ? new Cell(Labels.Status(st), st.Code(), Css: "status-" + Labels.StatusCss(st))
        : new Cell(MetricDisplay.Judgement(x), null, Css: x.StatusNote is null ? null : "nodata");

    /// <summary>What the status is judged against ("mục tiêu ≥ 90%, ngưỡng 80%"), the same words the briefing prints.</summary>
    internal static Cell TargetCell(MetricValue x) =>
        x.Target is { } t ? new Cell(t.DescriptionVi, t.DescriptionVi, Css: "target") : new Cell("", null);

    /// <summary>The indicator's Vietnamese name, with its dimensions when it is a breakdown.</summary>
    internal static string Name(MetricValue x)
    {
        var name = IndicatorCatalogue.Get(x.Id)?.NameVi ?? x.Id;
        return x.Dims.Count == 0 ? name : $"{name} ({string.Join(", ", x.Dims.Select(d => IndicatorCatalogue.DimensionValueVi(d.Key, d.Value) ?? d.Value))})";
    }

    internal static string Key(string id, IReadOnlyDictionary<string, string> dims) => id + "|" + DashboardView.DimsKey(dims);

    internal static Dictionary<string, MetricValue> Index(IReadOnlyList<MetricValue> values)
    {
        var d = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
        foreach (var x in values) d.TryAdd(Key(x.Id, x.Dims), x);
        return d;
    }

    private static string Render(Area area, DashboardView v, bool belowStandardOnly = false)
    {
        var sb = new StringBuilder();
        var tables = Tables(area, v, belowStandardOnly);
        sb.Append(tables[0].ToHtml(TableHref(v, area.Key, tables[0].Id)));
        var charts = PageCharts.ByArea[area.Key].Select(id => (Id: id, Figure: PageCharts.Build(id, v))).Where(x => x.Figure is not null).ToList();
        if (charts.Count > 0)
        {
            sb.Append("<div class=\"charts\">");
            foreach (var (id, figure) in charts)
            {
                var src = v.State.Link($"/chart/{id}.svg");
                var phoneSrc = src + (src.Contains('?') ? "&" : "?") + "size=phone";
                var phoneSize = ScreenChart.ShownSize(figure!, phone: true);
                sb.Append("<section class=\"card\"><figure class=\"chart\"><figcaption>").Append(Html.E(figure!.Title)).Append("</figcaption>");
                sb.Append("<picture><source media=\"(max-width: 600px)\" srcset=\"").Append(Html.E(phoneSrc)).Append("\" width=\"").Append(phoneSize.Width)
                  .Append("\" height=\"").Append(phoneSize.Height).Append("\">");
                sb.Append("<img src=\"").Append(Html.E(src)).Append("\" alt=\"").Append(Html.E(figure.Title))
                  .Append("; số liệu chi tiết ở các bảng bên dưới\" width=\"").Append(ScreenChart.Desktop.Width).Append("\" height=\"").Append(ScreenChart.Desktop.Height)
                  .Append("\"></picture>");
                // a phone's picture has no legend of its own: the list under it wraps to the screen
                var legend = ScreenChart.Legend(figure);
                if (legend.Count > 0)
                {
                    sb.Append("<ul class=\"chart-legend\">");
                    foreach (var (label, color, line) in legend)
                    {
                        sb.Append("<li><svg width=\"16\" height=\"12\" aria-hidden=\"true\">")
                          .Append(line ? $"<line x1=\"0\" y1=\"6\" x2=\"16\" y2=\"6\" stroke=\"{color}\" stroke-width=\"2.5\"/>" : $"<rect width=\"16\" height=\"12\" fill=\"{color}\"/>")
                          .Append("</svg>").Append(Html.E(label)).Append("</li>");
                    }
                    sb.Append("</ul>");
                }
                sb.Append("</figure></section>");
            }
            sb.Append("</div>");
        }
        foreach (var t in tables.Skip(1))
        {
            if (t.Id == UnitStandardTable.Id)
            {
                sb.Append(UnitStandardTable.Filter(v, belowStandardOnly)).Append(t.ToHtml(UnitStandardTable.CsvHref(v, belowStandardOnly)));
                continue;
            }
            sb.Append(t.ToHtml(TableHref(v, area.Key, t.Id)));
        }
        return Layout.Page(v.State, area.Title, sb.ToString(), v.Filters(), v.DataNote());
    }
}
