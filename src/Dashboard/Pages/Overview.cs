using System.Globalization;
using System.Text;
using Analytics.Dashboard.Web;
using Analytics.Metrics;
using Analytics.Metrics.Catalogue;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// The overview: headline KPI tiles (value, change against the previous period and the same
/// period last year, status colour from the targets, a twelve-month sparkline), the units below
/// the current one (click to drill down), and the lagging units.
/// </summary>
public static class Overview
{
    /// <summary>Headline indicators: id, the breakdown that stands for the total (revenue has no dims-free total), the area page.</summary>
    private static readonly (string Id, string[] Dims, string Page)[] Headlines =
    [
        ("tasks.on_time_rate", [], "/tasks"),
        ("tasks.completion_rate", [], "/tasks"),
        ("tasks.overdue", [], "/tasks"),
        ("staffing.shortage", [], "/staffing"),
        ("staffing.fill_rate", [], "/staffing"),
        ("staffing.surplus", [], "/staffing"),
        ("par_index.rank", [], "/indices"),
        ("sipas.rank", [], "/indices"),
        ("pci.rank", [], "/indices"),
        ("revenue.ytd", ["category=tong_thu"], "/revenue"),
        ("revenue.pct_of_period_target", ["category=tong_thu", "target_kind=ke_hoach|du_toan_dia_phuong|du_toan_trung_uong"], "/revenue"),
        ("revenue.pct_of_annual_target", ["category=tong_thu", "target_kind=du_toan_trung_uong|du_toan_dia_phuong"], "/revenue"),
        ("revenue.yoy_growth", ["category=tong_thu"], "/revenue"),
        ("grdp.growth", [], "/revenue"),
    ];

    public sealed record Tile(MetricValue Value, string Name, string Page, double? Previous, double? LastYear, IReadOnlyList<SeriesPoint> Trend);

    /// <summary>The tiles of the view: every headline the warehouse has a value (or a basis) for.</summary>
    public static IReadOnlyList<Tile> Tiles(DashboardView v)
    {
        v.Prefetch();
        var values = v.Values();
        var prevDate = v.PreviousPeriod();
        var prev = prevDate is { } p ? AreaPages.Index(v.ValuesAt(v.Unit.Code, p)) : new();
        var ly = AreaPages.Index(v.ValuesAt(v.Unit.Code, v.SamePeriodLastYear()));
        // Every value at each trend date, computed once per date and cached: the same dates serve
        // every tile (a per-indicator series would recompute all indicators once per tile).
        var trendValues = v.TrendDates().Select(d => (Date: d, Values: d == v.AsOf ? AreaPages.Index(values) : AreaPages.Index(v.ValuesAt(v.Unit.Code, d)))).ToList();
        var tiles = new List<Tile>();
        foreach (var (id, dims, page) in Headlines)
        {
            var m = values.Where(x => x.Id == id && Matches(x.Dims, dims)).MinBy(x => Preference(x.Dims, dims));
            if (m is null) continue;
            var key = AreaPages.Key(m.Id, m.Dims);
            var trend = trendValues.Select(t => new SeriesPoint(t.Date, t.Values.GetValueOrDefault(key)?.Value)).ToList();
            tiles.Add(new Tile(m, IndicatorCatalogue.Get(id)?.NameVi ?? id, page,
                prev.GetValueOrDefault(key)?.Value, ly.GetValueOrDefault(key)?.Value, trend));
        }
        // a headline with no basis stays on the page, grey and last: "Chưa có số liệu", never a status
        return tiles.OrderBy(t => t.Value.Value is null).ToList();
    }

    /// <summary>Where a breakdown lists alternatives ("target_kind=a|b"), the rank of the value's among them: the first listed present wins
    /// (the same order indicator_values.sql judges the year-to-date by: kế hoạch, then HĐND, then the centre).</summary>
    private static int Preference(IReadOnlyDictionary<string, string> dims, string[] wanted) =>
        wanted.Sum(w => Array.IndexOf(w.Split('=')[1].Split('|'), dims.GetValueOrDefault(w.Split('=')[0]) ?? ""));

    /// <summary>"category=tong_thu" must match; "target_kind=a|b" matches either.</summary>
    private static bool Matches(IReadOnlyDictionary<string, string> dims, string[] wanted)
    {
        if (dims.Count != wanted.Length) return false;
        foreach (var w in wanted)
        {
            var (k, vals) = (w.Split('=')[0], w.Split('=')[1].Split('|'));
            if (!dims.TryGetValue(k, out var actual) || !vals.Contains(actual)) return false;
        }
        return true;
    }

    public static IReadOnlyList<TableModel> Tables(DashboardView v)
    {
        var tiles = Tiles(v);
        var tables = new List<TableModel>
        {
            new("chi-tieu-chinh", "Chỉ tiêu chính",
                ["Chỉ tiêu", "Giá trị", "Đánh giá", "Kỳ trước", "Cùng kỳ năm trước", "Căn cứ đánh giá"],
                tiles.Select(t => (IReadOnlyList<Cell>)
                [
                    new Cell(AreaPages.Name(t.Value), t.Value.Id),
                    Cell.Indicator(t.Value.Value, t.Value.Id, t.Value.Unit), AreaPages.StatusCell(t.Value),
                    Cell.Indicator(t.Previous, t.Value.Id, t.Value.Unit), Cell.Indicator(t.LastYear, t.Value.Id, t.Value.Unit),
                    AreaPages.TargetCell(t.Value),
                ]).ToList()),
        };
        // Units below the current one, with the figures that roll up to them: click one to drill down.
        var children = v.Children(v.Unit.Code).Where(c => v.InScope(c.Code)).ToList();
        if (children.Count > 0)
        {
            var values = v.Values();
            double? Of(string id, string dim, string code) => values.FirstOrDefault(x => x.Id == id && x.Dims.Count == 1 && x.Dims.GetValueOrDefault(dim) == code)?.Value;
            tables.Add(new TableModel("don-vi-truc-thuoc", "Các đơn vị trực thuộc (bấm tên để xem chi tiết)",
                ["Đơn vị", "Loại", "Nhiệm vụ chủ trì", "Quá hạn", "Tỷ lệ đúng hạn", "Số thiếu (người)", "Số thừa (người)"],
                children.Select(c => (IReadOnlyList<Cell>)
                [
                    v.UnitCell(c.Code), new Cell(UnitType(c.Type), c.Type),
                    Cell.Number(Of("tasks.total", "lead_unit", c.Code), "count"),
                    Cell.Number(Of("tasks.overdue", "lead_unit", c.Code), "count"),
                    Cell.Number(Of("tasks.on_time_rate", "lead_unit", c.Code), "%"),
                    Cell.Number(Of("staffing.shortage", "unit_code", c.Code), "people"),
                    Cell.Number(Of("staffing.surplus", "unit_code", c.Code), "people"),
                ]).ToList()));
        }
        return tables;
    }

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    internal static string UnitType(string type) => type switch
    {
        "tinh" => "Tỉnh",
        "thanh_pho" => "Thành phố",
        "xa" => "Xã",
        "phuong" => "Phường",
        "dac_khu" => "Đặc khu",
        "so_nganh" => "Sở, ngành",
        "co_quan" => "Cơ quan",
        _ => type,
    };

    public static string Render(DashboardView v)
    {
        var sb = new StringBuilder();
        var tiles = Tiles(v);
        if (tiles.Count == 0)
            sb.Append("<p class=\"card\">Chưa có số liệu cho đơn vị và thời điểm này. Tải dữ liệu lên ở trang <a href=\"/upload\">Tải dữ liệu lên</a>.</p>");
        sb.Append("<section aria-labelledby=\"tiles-h\"><h2 id=\"tiles-h\" class=\"visually-hidden\">Chỉ tiêu chính</h2><div class=\"tiles\">");
        foreach (var t in tiles)
        {
            var noData = t.Value.Value is null;
            var css = noData ? "nodata" : Labels.StatusCss(t.Value.Status);
            sb.Append("<article class=\"tile ").Append(css).Append("\" data-indicator=\"").Append(Html.E(t.Value.Id)).Append("\">");
            sb.Append("<h3><a href=\"").Append(Html.E(v.State.Link(t.Page))).Append("\">").Append(Html.E(AreaPages.Name(t.Value))).Append("</a></h3>");
            var unitWord = Labels.Unit(t.Value.Unit);
            if (noData)
                sb.Append("<div class=\"value nodata\">").Append(Html.E(MetricDisplay.Judgement(t.Value))).Append("</div>");
            else
            {
                sb.Append("<div class=\"value\">").Append(Html.E(Labels.Value(t.Value.Value, t.Value.Unit, IndicatorCatalogue.Get(t.Value.Id)?.Signed == true)));
                if (unitWord.Length > 0) sb.Append(" <span class=\"unit\">").Append(Html.E(unitWord)).Append("</span>");
                sb.Append("</div>");
                var judgement = MetricDisplay.Judgement(t.Value);
                if (judgement.Length > 0)
                    sb.Append("<span class=\"status\"").Append(t.Value.Target is { } tt ? $" title=\"{Html.E(tt.DescriptionVi)}\"" : "").Append('>')
                      .Append(Html.E(judgement)).Append("</span>");
                if (t.Value.Target is { } target)
                    sb.Append("<p class=\"target\">").Append(Html.E(Capitalised(target.DescriptionVi))).Append("</p>");
            }
            sb.Append("<p class=\"changes\">So với kỳ trước: <strong>").Append(Html.E(Labels.Change(t.Value.Value, t.Previous, t.Value.Unit)))
              .Append("</strong><br>So với cùng kỳ: <strong>").Append(Html.E(Labels.Change(t.Value.Value, t.LastYear, t.Value.Unit))).Append("</strong></p>");
            sb.Append(Sparkline(t.Trend, AreaPages.Name(t.Value), t.Value.Unit));
            sb.Append("</article>");
        }
        sb.Append("</div></section>");
        var tables = Tables(v);
        foreach (var table in tables.Skip(1)) sb.Append(table.ToHtml(AreaPages.TableHref(v, "overview", table.Id)));
        sb.Append(tables[0].ToHtml(AreaPages.TableHref(v, "overview", tables[0].Id)));
        var title = $"Tổng quan: {v.Unit.Name}";
        return Layout.Page(v.State, title, sb.ToString(), v.Filters(), v.DataNote());
    }

    /// <summary>A small inline SVG line of the last twelve month ends (no script, no inline style: CSP holds).</summary>
    internal static string Sparkline(IReadOnlyList<SeriesPoint> points, string name, string unit)
    {
        var known = points.Select((p, i) => (i, p.Value)).Where(x => x.Value is not null).ToList();
        if (known.Count < 2) return "";
        const double w = 200, h = 32, pad = 3;
        var min = known.Min(x => x.Value!.Value);
        var max = known.Max(x => x.Value!.Value);
        var span = max - min < 1e-9 ? 1 : max - min;
        string X(int i) => (pad + i * (w - 2 * pad) / Math.Max(1, points.Count - 1)).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double val) => (h - pad - (val - min) / span * (h - 2 * pad)).ToString("0.#", CultureInfo.InvariantCulture);
        var pts = string.Join(" ", known.Select(x => $"{X(x.i)},{Y(x.Value!.Value)}"));
        var last = known[^1];
        var first = points[known[0].i].AsOf;
        return $"<svg class=\"spark\" viewBox=\"0 0 {w} {h}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{Html.E($"Xu hướng {name} từ {VietnameseFormat.Date(first)} đến {VietnameseFormat.Date(points[last.i].AsOf)}")}\">" +
               $"<polyline points=\"{pts}\"/><circle cx=\"{X(last.i)}\" cy=\"{Y(last.Value!.Value)}\" r=\"2.5\"/></svg>" +
               // the first and last points in words, so the line has a scale
               $"<div class=\"spark-labels\"><span>{Html.E(MonthLabel(first))}: {Html.E(Labels.Value(known[0].Value, unit))}</span>" +
               $"<span>{Html.E(MonthLabel(points[last.i].AsOf))}: {Html.E(Labels.Value(last.Value, unit))}</span></div>";
    }

    private static string MonthLabel(DateOnly d) => d.ToString("MM/yyyy", CultureInfo.InvariantCulture);
}
