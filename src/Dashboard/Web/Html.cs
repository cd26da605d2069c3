using System.Text;

namespace Analytics.Dashboard.Web;

/// <summary>Server-rendered HTML: every value goes through <see cref="E"/>; markup is built with <see cref="StringBuilder"/>.</summary>
public static class Html
{
    /// <summary>HTML-encodes text for element content and quoted attributes.</summary>
    /// <remarks>Only the five significant characters are escaped; Vietnamese letters stay readable in the source.</remarks>
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
            sb.Append(ch switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => ch.ToString() });
        return sb.ToString();
    }

    /// <summary>Encodes a query-string value.</summary>
    public static string U(string? text) => Uri.EscapeDataString(text ?? "");
}

/// <summary>The page in view: its path and the shared filters the URL carries.</summary>
public sealed record ViewState(string Path, string? Unit, DateOnly? AsOf)
{
    /// <summary>The path with the unit and as-of date the URL carries (kept as given, for the navigation links).</summary>
    public static ViewState FromRequest(Microsoft.AspNetCore.Http.HttpContext c)
    {
        var unit = c.Request.Query["unit"].ToString();
        var asOf = DateOnly.TryParseExact(c.Request.Query["as_of"].ToString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        return new ViewState(c.Request.Path.Value ?? "/", string.IsNullOrWhiteSpace(unit) || unit.Length > 32 ? null : unit, asOf);
    }

    public string Query(string? unit = null, DateOnly? asOf = null)
    {
        var u = unit ?? Unit;
        var d = asOf ?? AsOf;
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(u)) parts.Add("unit=" + Html.U(u));
        if (d is not null) parts.Add("as_of=" + d.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public string Link(string path, string? unit = null, DateOnly? asOf = null) => path + Query(unit, asOf);
}

/// <summary>The frame every page shares: header, navigation, filters slot, main content, footer.</summary>
public static class Layout
{
    public static readonly (string Path, string Label)[] Sections =
    [
        ("/", "Tổng quan"),
        .. Pages.AreaPages.Areas.Select(a => (a.Path, a.NavLabel)),
        ("/upload", "Tải dữ liệu lên"),
        ("/sql", "Truy vấn SQL"),
    ];

    public static string Page(ViewState view, string title, string body, string? filters = null, DataNote? dataNote = null)
    {
        var sb = new StringBuilder(8192);
        sb.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(Html.E(title)).Append(" · Sơ kết chính quyền địa phương 2 cấp</title>\n");
        sb.Append("<link rel=\"stylesheet\" href=\"/static/site.css\">\n<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n");
        sb.Append("<script src=\"/static/site.js\" defer></script>\n</head>\n<body>\n");
        sb.Append("<a class=\"skip\" href=\"#main\">Bỏ qua, đến nội dung chính</a>\n");
        sb.Append("<header class=\"top\"><div class=\"brand\"><a href=\"").Append(Html.E(view.Link("/"))).Append("\">Sơ kết mô hình chính quyền địa phương 2 cấp</a></div>\n");
        sb.Append("<nav aria-label=\"Các trang\"><ul>");
        foreach (var (path, label) in Sections)
        {
            var current = path == view.Path;
            sb.Append("<li><a href=\"").Append(Html.E(view.Link(path))).Append('"');
            if (current) sb.Append(" aria-current=\"page\"");
            sb.Append('>').Append(Html.E(label)).Append("</a></li>");
        }
        sb.Append("</ul></nav></header>\n");
        if (filters is not null) sb.Append(filters);
        sb.Append("<main id=\"main\" tabindex=\"-1\">\n<h1>").Append(Html.E(title)).Append("</h1>\n");
        sb.Append(body);
        sb.Append("</main>\n<footer>");
        if (dataNote is not null) sb.Append(dataNote.ToHtml());
        sb.Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }
}

/// <summary>
/// The footer's line about the data: "Số liệu nạp lúc 14:32 ngày 04/12/2026 · lần nạp 27". The snapshot
/// number (which private copy served the page) is no text for readers: it rides in data-snapshot, beside
/// data-load, for the soak (bench/Bench/DashboardSoak.cs) to tell which copy and which load served a page.
/// </summary>
public sealed record DataNote(long SnapshotNumber, long LoadId, DateTime? LoadedAt)
{
    public string Text =>
        LoadId == 0 ? "Chưa nạp số liệu"
        : LoadedAt is { } at ? $"Số liệu nạp lúc {at:HH:mm} ngày {Metrics.VietnameseFormat.Date(DateOnly.FromDateTime(at))} · lần nạp {LoadId}"
        : $"Số liệu: lần nạp {LoadId}";

    public string ToHtml() =>
        $"<p class=\"data-note\" data-snapshot=\"{SnapshotNumber}\" data-load=\"{LoadId}\">{Html.E(Text)}</p>";
}
