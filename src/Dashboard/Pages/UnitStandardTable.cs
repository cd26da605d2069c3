using System.Text;
using Analytics.Dashboard.Web;
using Analytics.Metrics;
using Analytics.Metrics.Catalogue;
using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// The staffing page's table of the roll-up's communes against the unit standards (units.pct_of_standard
/// per criterion, and whether the commune falls short), with its filter: every commune judged, or only
/// those below at least one standard (?tieu_chuan=chua_dat). The CSV carries the same filter, so the
/// download is the table on screen.
/// </summary>
public static class UnitStandardTable
{
    public const string Id = "tieu-chuan";
    public const string Param = "tieu_chuan";
    public const string BelowValue = "chua_dat";

    public static bool BelowOnly(HttpContext c) => c.Request.Query[Param].ToString() == BelowValue;

    public static TableModel Build(DashboardView v, bool belowOnly)
    {
        var checks = v.Cached("standard_checks", () => v.Metrics.StandardChecks(v.Unit.Code));
        var criteria = checks.Select(c => c.Criterion).Distinct().OrderBy(c => IndicatorCatalogue.DimensionValuePosition("criterion", c)).ToList();
        var headers = new List<string> { "Đơn vị" };
        foreach (var c in criteria)
        {
            var name = IndicatorCatalogue.DimensionValueVi("criterion", c) ?? c;
            headers.Add(name);
            headers.Add($"Tiêu chuẩn {name.Split(" (")[0].ToLowerInvariant()}");
            headers.Add($"Đạt % tiêu chuẩn {name.Split(" (")[0].ToLowerInvariant()}");
        }
        headers.Add("Đánh giá");
        var rows = new List<IReadOnlyList<Cell>>();
        // communes short of a standard first, furthest below first; then the others by name
        var units = checks.GroupBy(c => c.UnitCode)
            .OrderByDescending(g => g.Any(c => c.IsBelow == true))
            .ThenBy(g => g.Any(c => c.IsBelow == true) ? g.Min(c => c.PctOfStandard) : null)
            .ThenBy(g => g.First().UnitName, StringComparer.Ordinal);
        foreach (var unit in units)
        {
            // below on any criterion → chưa đạt; else a missing figure → not judged; else đạt
            var below = unit.Any(c => c.IsBelow == true);
            if (belowOnly && !below) continue;
            var missing = unit.Any(c => c.Figure is null);
            var cells = new List<Cell> { v.UnitCell(unit.Key) with { Text = unit.First().UnitName, Raw = unit.First().UnitName } };
            foreach (var criterion in criteria)
            {
                var c = unit.FirstOrDefault(x => x.Criterion == criterion);
                cells.Add(c is null ? new Cell("", null) : Figure(criterion, c.Figure));
                cells.Add(c is null ? new Cell("", null) : Figure(criterion, c.Minimum));
                cells.Add(c is null ? new Cell("", null) : Cell.Number(c.PctOfStandard, "%") with { Css = c.IsBelow == true ? "num status-chua_dat" : "num" });
            }
            var (text, code, css) = below ? ("Chưa đạt", "chua_dat", "status-chua_dat")
                : missing ? ("Chưa đủ số liệu", "chua_du_so_lieu", (string?)null)
                : ("Đạt", "dat", "status-dat");
            cells.Add(new Cell(text, code, Css: css));
            rows.Add(cells);
        }
        var sources = string.Join("; ", checks.Select(c => c.Source).Distinct());
        return new TableModel(Id, $"Tiêu chuẩn đơn vị hành chính cấp xã{(belowOnly ? ": đơn vị chưa đạt" : "")}" + (sources.Length == 0 ? "" : $" (căn cứ: {sources})"),
            headers, rows,
            checks.Count == 0 ? "Chưa nạp tiêu chuẩn đơn vị hành chính (tệp unit_standards) cho các đơn vị này."
                : "Không có đơn vị nào chưa đạt tiêu chuẩn.");
    }

    /// <summary>People as a whole number, an area in km² with two decimals (as the units file gives it).</summary>
    private static Cell Figure(string criterion, double? value) =>
        new(value is null ? "–" : VietnameseFormat.Number(value, criterion == "population" ? 0 : 2), value, Css: "num");

    /// <summary>The filter above the table: a GET form keeping the unit and date.</summary>
    public static string Filter(DashboardView v, bool belowOnly)
    {
        var sb = new StringBuilder("<form class=\"filters-form no-print\" method=\"get\" action=\"").Append(Html.E(v.State.Path)).Append("#t-").Append(Id).Append("\">");
        sb.Append("<input type=\"hidden\" name=\"unit\" value=\"").Append(Html.E(v.Unit.Code)).Append("\">");
        sb.Append("<input type=\"hidden\" name=\"as_of\" value=\"").Append(v.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append("\">");
        sb.Append("<div><label for=\"f-tieu-chuan\">Tiêu chuẩn đơn vị hành chính</label><select id=\"f-tieu-chuan\" name=\"").Append(Param).Append("\">");
        sb.Append("<option value=\"\"").Append(belowOnly ? "" : " selected").Append(">Mọi đơn vị cấp xã được đối chiếu</option>");
        sb.Append("<option value=\"").Append(BelowValue).Append('"').Append(belowOnly ? " selected" : "").Append(">Chỉ đơn vị chưa đạt tiêu chuẩn</option>");
        sb.Append("</select></div><button type=\"submit\">Lọc</button></form>");
        return sb.ToString();
    }

    /// <summary>The CSV link of the table, with the filter the page shows.</summary>
    public static string CsvHref(DashboardView v, bool belowOnly) =>
        AreaPages.TableHref(v, "staffing", Id) + (belowOnly ? $"&{Param}={BelowValue}" : "");
}
