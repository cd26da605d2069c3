using System.Text;
using Analytics.Dashboard.Snapshots;
using Analytics.Dashboard.Web;
using Analytics.Warehouse;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// The data dictionary, generated from the warehouse itself: every table and view with its grain
/// (the comment, else the primary key) and its columns with types and comments.
/// </summary>
public static class DictionaryPage
{
    public sealed record DbObject(string schema_name, string name, string kind, string? comment, string? grain_key);
    public sealed record DbColumn(string schema_name, string table_name, string column_name, string data_type, string? comment, bool is_nullable);

    public static void Map(WebApplication app) =>
        app.MapGet("/sql/dictionary", (HttpContext c, SnapshotStore store) =>
        {
            if (!DashboardApp.CallerOf(c).CanQuery) return DashboardApp.Forbidden("SQL");
            using var lease = store.Acquire();
            using var conn = lease.OpenConnection();
            var objects = conn.Query<DbObject>(SqlFiles.Read("sql/dashboard/dictionary_objects.sql")).ToList();
            var columns = conn.Query<DbColumn>(SqlFiles.Read("sql/dashboard/dictionary_columns.sql"))
                .ToLookup(x => (x.schema_name, x.table_name));
            var view = new ViewState("/sql", null, null);
            return DashboardApp.HtmlPage(Layout.Page(view, "Từ điển dữ liệu", Render(objects, columns), dataNote: SqlPage.DataNote(lease)));
        });

    internal static string Grain(DbObject o) =>
        !string.IsNullOrWhiteSpace(o.comment) ? o.comment!
        : o.grain_key is not null ? $"một dòng cho mỗi ({o.grain_key})"
        : "–";

    private static string Render(IReadOnlyList<DbObject> objects, ILookup<(string, string), DbColumn> columns)
    {
        var sb = new StringBuilder();
        sb.Append("<p>Mọi bảng và view có thể truy vấn, sinh tự động từ lược đồ của kho dữ liệu. ");
        sb.Append("<a href=\"/sql\">← Về trang truy vấn SQL</a></p>\n<nav aria-label=\"Mục lục từ điển\" class=\"card\"><ul class=\"toc\">");
        foreach (var o in objects)
            sb.Append("<li><a href=\"#").Append(Html.E(Anchor(o))).Append("\"><code>").Append(Html.E($"{o.schema_name}.{o.name}")).Append("</code></a></li>");
        sb.Append("</ul></nav>\n");
        sb.Append(Catalogue());
        foreach (var o in objects)
        {
            sb.Append("<section class=\"card dict\" id=\"").Append(Html.E(Anchor(o))).Append("\">");
            sb.Append("<h2><code>").Append(Html.E($"{o.schema_name}.{o.name}")).Append("</code> <span class=\"tag\">")
              .Append(o.kind == "view" ? "view" : "bảng").Append("</span></h2>");
            sb.Append("<p><strong>Độ chi tiết (grain):</strong> ").Append(Html.E(Grain(o))).Append("</p>");
            sb.Append("<p><a href=\"/sql?q=").Append(Html.E(Html.U($"select * from {o.schema_name}.{o.name} limit 100"))).Append("\">Xem 100 dòng đầu</a></p>");
            sb.Append("<div class=\"table-wrap\"><table class=\"data\"><thead><tr><th scope=\"col\">Cột</th><th scope=\"col\">Kiểu</th><th scope=\"col\">Ghi chú</th></tr></thead><tbody>");
            foreach (var col in columns[(o.schema_name, o.name)])
                sb.Append("<tr><td><code>").Append(Html.E(col.column_name)).Append("</code></td><td>").Append(Html.E(col.data_type))
                  .Append("</td><td>").Append(Html.E(col.comment ?? "")).Append("</td></tr>");
            sb.Append("</tbody></table></div></section>\n");
        }
        return sb.ToString();
    }

    /// <summary>The indicator catalogue: what each id in metrics.* means.</summary>
    private static string Catalogue()
    {
        var sb = new StringBuilder("<section class=\"card\" id=\"chi-tieu\"><h2>Danh mục chỉ tiêu (indicator catalogue)</h2>");
        sb.Append("<p>Mã chỉ tiêu dùng trong <code>metrics.*</code>, bảng điều khiển, báo cáo PDF và <code>analytics metrics</code>.</p>");
        sb.Append("<div class=\"table-wrap\"><table class=\"data\"><thead><tr><th scope=\"col\">Mã</th><th scope=\"col\">Tên</th><th scope=\"col\">Đơn vị</th><th scope=\"col\">Tốt hơn khi</th><th scope=\"col\">Chiều phân tích</th><th scope=\"col\">Định nghĩa</th></tr></thead><tbody>");
        foreach (var d in Analytics.Metrics.Catalogue.IndicatorCatalogue.All)
            sb.Append("<tr><td><code>").Append(Html.E(d.Id)).Append("</code></td><td>").Append(Html.E(d.NameVi)).Append("</td><td>").Append(Html.E(d.Unit))
              .Append("</td><td>").Append(d.Better switch { Analytics.Metrics.Direction.Higher => "cao hơn", Analytics.Metrics.Direction.Lower => "thấp hơn", _ => "–" })
              .Append("</td><td>").Append(Html.E(string.Join(", ", d.Dimensions))).Append("</td><td lang=\"en\">").Append(Html.E(d.Definition)).Append("</td></tr>");
        sb.Append("</tbody></table></div></section>");
        return sb.ToString();
    }

    private static string Anchor(DbObject o) => $"{o.schema_name}-{o.name}";
}
