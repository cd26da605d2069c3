using System.Text;
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
public sealed partial record TableModel(string Id, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<Cell>> Rows, string? Empty = null)
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
                // the exact number, for sorting by value rather than by the rounded text
                if (SortKey(c.Raw) is { } key) sb.Append(" data-sort=\"").Append(key).Append('"');
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

    /// <summary>
    /// The table for a spreadsheet opened in Vietnamese Excel: UTF-8 with a BOM (Excel then reads the
    /// diacritics right), fields separated by ';' (the list separator of Windows' vi-VN settings: with ','
    /// the vi-VN Excel puts a whole row in one cell, since ',' is its decimal mark). Each column holds what
    /// the page shows (labels, "197.810", "134,2%", which vi-VN Excel reads as numbers); where the page
    /// shows a label or a rounded number for a code or an exact value, the next column carries that
    /// ("Đánh giá (mã)": dat; "Giá trị (giá trị gốc)": 134,19953…, decimal comma, no grouping).
    /// </summary>
    public byte[] ToCsv()
    {
        // a column gets a raw twin when some cell's exact value differs from its text
        var twin = Headers.Select((_, i) => Rows.Any(r => RawText(r[i].Raw) is { } raw && raw != r[i].Text)).ToArray();
        var w = new StringWriter();
        var header = new List<string>();
        for (var i = 0; i < Headers.Count; i++)
        {
            header.Add(Field(Headers[i]));
            if (twin[i]) header.Add(Field(Headers[i] + (Rows.Any(r => r[i].Raw is string) ? " (mã)" : " (giá trị gốc)")));
        }
        w.Write(string.Join(";", header));
        w.Write("\r\n");
        foreach (var row in Rows)
        {
            var fields = new List<string>();
            for (var i = 0; i < row.Count; i++)
            {
                var c = row[i];
                fields.Add(Field(c.Text == "–" ? "" : c.Text));
                if (twin[i]) fields.Add(Field(RawText(c.Raw) ?? ""));
            }
            w.Write(string.Join(";", fields));
            w.Write("\r\n");
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(w.ToString())).ToArray();
    }

    private static string? SortKey(object? raw) => raw switch
    {
        double d when double.IsFinite(d) => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        long or int or decimal => ((IFormattable)raw).ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>An exact value as vi-VN Excel reads it: numbers unrounded with a decimal comma and no grouping, dates ISO.</summary>
    private static string? RawText(object? raw) => raw switch
    {
        null => null,
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ','),
        float f => ((double)f).ToString("R", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ','),
        decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace('.', ','),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => raw.ToString(),
    };

    /// <summary>Quoted when it holds the separator, a quote or a line break; text that a spreadsheet would run as a
    /// formula gets a leading apostrophe, but not a signed number as the page shows it ("-3,0%", "+29,6%").</summary>
    private static string Field(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !SignedNumber().IsMatch(text))
            text = "'" + text;
        return text.IndexOfAny([';', ',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-][0-9][0-9.]*(,[0-9]+)?( ?%| điểm %)?$")]
    private static partial System.Text.RegularExpressions.Regex SignedNumber();
}
