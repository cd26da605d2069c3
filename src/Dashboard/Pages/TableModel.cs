using System.Text;
using Analytics.Dashboard.Sql;
using Analytics.Dashboard.Web;

namespace Analytics.Dashboard.Pages;

/// <summary>One cell: what is shown, the exact value CSV carries, and an optional drill-down link.</summary>
public sealed record Cell(string Text, object? Raw = null, string? Href = null, string? Css = null)
{
    public static Cell Number(double? v, string unit) => new(Labels.Value(v, unit), v, Css: "num");
    /// <summary>An indicator's value as the catalogue says it reads (growth with its sign).</summary>
    public static Cell Indicator(double? v, string id, string unit) =>
        new(Labels.Value(v, unit, Metrics.Catalogue.IndicatorCatalogue.Get(id)?.Signed == true), v, Css: "num");
    public static Cell Count(long v) => new(Metrics.VietnameseFormat.Number(v), v, Css: "num");
}

/// <summary>
/// A table on a page, built once and rendered either as HTML or as CSV: the download is always
/// exactly the table on screen (with unrounded numbers).
/// </summary>
public sealed record TableModel(string Id, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<Cell>> Rows, string? Empty = null)
{
    public string ToHtml(string csvHref)
    {
        var numeric = Headers.Select((_, i) => Rows.Count > 0 && Rows.All(r => r[i].Css == "num" || r[i].Text == "–")).ToArray();
        var sb = new StringBuilder();
        sb.Append("<section class=\"card\" aria-labelledby=\"t-").Append(Html.E(Id)).Append("\">");
        sb.Append("<h2 id=\"t-").Append(Html.E(Id)).Append("\">").Append(Html.E(Caption)).Append("</h2>");
        sb.Append("<div class=\"downloads\"><a href=\"").Append(Html.E(csvHref)).Append("\" download>Tải CSV</a></div>");
        if (Rows.Count == 0)
        {
            sb.Append("<p class=\"meta\">").Append(Html.E(Empty ?? "Không có dữ liệu.")).Append("</p></section>");
            return sb.ToString();
        }
        sb.Append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"").Append(Html.E(Caption)).Append("\">");
        sb.Append("<table class=\"data\" id=\"").Append(Html.E(Id)).Append("\"><thead><tr>");
        for (var i = 0; i < Headers.Count; i++)
            sb.Append("<th scope=\"col\"").Append(numeric[i] ? " class=\"num\"" : "").Append('>').Append(Html.E(Headers[i])).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var c = row[i];
                var css = numeric[i] ? "num" + (c.Css is { } x && x != "num" ? " " + x : "") : c.Css;
                sb.Append(i == 0 ? "<th scope=\"row\"" : "<td");
                if (!string.IsNullOrEmpty(css)) sb.Append(" class=\"").Append(Html.E(css)).Append('"');
                sb.Append('>');
                if (c.Href is not null) sb.Append("<a href=\"").Append(Html.E(c.Href)).Append("\">").Append(Html.E(c.Text)).Append("</a>");
                else sb.Append(Html.E(c.Text));
                sb.Append(i == 0 ? "</th>" : "</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div></section>");
        return sb.ToString();
    }

    /// <summary>CSV with a BOM (spreadsheets read it as UTF-8), safe against formula injection, exact values.</summary>
    public byte[] ToCsv()
    {
        var w = new StringWriter();
        w.Write(string.Join(",", Headers.Select(h => ResultWriters.CsvCell(h))));
        w.Write("\r\n");
        foreach (var row in Rows)
        {
            w.Write(string.Join(",", row.Select(c => ResultWriters.CsvCell(c.Raw ?? (c.Text == "–" ? null : c.Text)))));
            w.Write("\r\n");
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(w.ToString())).ToArray();
    }
}
