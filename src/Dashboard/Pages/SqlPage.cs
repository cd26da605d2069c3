using System.Text;
using Analytics.Dashboard.Snapshots;
using Analytics.Dashboard.Sql;
using Analytics.Dashboard.Web;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// The analysts' SQL console: one query at a time in the sandbox of <see cref="AnalystSqlSession"/>,
/// results as a table (first rows) with CSV/JSON/Parquet download (up to the download cap),
/// the metrics views and the data dictionary one click away.
/// </summary>
public static class SqlPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/sql", (HttpContext c, SnapshotStore store, DashboardOptions o) =>
            Handle(c, store, o, c.Request.Query["q"].ToString()));
        app.MapPost("/sql", async (HttpContext c, SnapshotStore store, DashboardOptions o) =>
        {
            var form = await c.Request.ReadFormAsync();
            return Handle(c, store, o, form["q"].ToString());
        });
        app.MapPost("/sql/download", async (HttpContext c, SnapshotStore store, DashboardOptions o) =>
        {
            var form = await c.Request.ReadFormAsync();
            return Download(c, store, o, form["q"].ToString(), form["format"].ToString());
        });
        app.MapGet("/sql/download", (HttpContext c, SnapshotStore store, DashboardOptions o) =>
            Download(c, store, o, c.Request.Query["q"].ToString(), c.Request.Query["format"].ToString()));
    }

    private static IResult Handle(HttpContext c, SnapshotStore store, DashboardOptions o, string sql)
    {
        if (!DashboardApp.CallerOf(c).CanQuery) return DashboardApp.Forbidden("SQL");
        var view = View(c);
        using var lease = store.Acquire();
        string? error = null;
        QueryResult? result = null;
        if (!string.IsNullOrWhiteSpace(sql))
        {
            try
            {
                using var session = lease.OpenSqlSession();
                result = session.Run(sql, o.SqlLimits.MaxRows, c.RequestAborted);
            }
            catch (Exception e) when (e is SqlRefusedException or SqlTimeoutException or SqlQueryException)
            {
                error = e.Message;
            }
        }
        List<string> metricsViews;
        string? advice = null;
        using (var conn = lease.OpenConnection())
        {
            metricsViews = conn.Query<string>("select view_name from duckdb_views() where schema_name = 'metrics' and not internal order by view_name").ToList();
            if (error is not null)
                advice = QueryErrorAdvice.For(error, conn.Query<QueryErrorAdvice.CatalogObject>(
                    "select schema_name as schema, view_name as name, true as isview from duckdb_views() where not internal union all select schema_name, table_name, false from duckdb_tables() where not internal order by 1, 2").ToList());
        }
        var status = error is null ? 200 : StatusCodes.Status422UnprocessableEntity;
        return DashboardApp.HtmlPage(Layout.Page(view, "Truy vấn SQL", Render(sql, result, error, metricsViews, advice), dataNote: DataNote(lease)), status);
    }

    internal static ViewState View(HttpContext c) => ViewState.FromRequest(c) with { Path = "/sql" };

    internal static DataNote DataNote(SnapshotLease lease) =>
        new(lease.Snapshot.Number, lease.Snapshot.LatestLoadId, lease.Snapshot.LatestLoadedAt);

    private static string Render(string sql, QueryResult? result, string? error, IReadOnlyList<string> metricsViews, string? advice)
    {
        var sb = new StringBuilder();
        sb.Append("""
            <div class="sql-layout">
            <section class="card" aria-labelledby="sql-h">
            <h2 id="sql-h">Câu truy vấn</h2>
            <form method="post" action="/sql" class="sql-form">
            <label for="q">SQL (chỉ đọc: SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE)</label>
            <textarea id="q" name="q" rows="8" spellcheck="false" autocapitalize="off" required>
            """);
        sb.Append(Html.E(sql)).Append("</textarea>\n");
        sb.Append("""
            <div class="buttons">
            <button type="submit">Chạy</button>
            <button type="submit" formaction="/sql/download" name="format" value="csv" class="secondary">Tải CSV</button>
            <button type="submit" formaction="/sql/download" name="format" value="json" class="secondary">Tải JSON</button>
            <button type="submit" formaction="/sql/download" name="format" value="parquet" class="secondary">Tải Parquet</button>
            </div>
            <p class="hint">Giới hạn thời gian, bộ nhớ và số dòng áp dụng; không truy cập tệp, không ghi, không đổi cấu hình.</p>
            </form>
            </section>
            <aside class="card" aria-labelledby="views-h">
            <h2 id="views-h">Các view <code>metrics</code></h2>
            """);
        if (metricsViews.Count == 0) sb.Append("<p>Kho dữ liệu chưa có view nào trong lược đồ metrics.</p>");
        else
        {
            sb.Append("<ul class=\"plain\">");
            foreach (var v in metricsViews)
            {
                var q = $"select * from metrics.{v} limit 100";
                sb.Append("<li><a href=\"/sql?q=").Append(Html.E(Html.U(q))).Append("\"><code>metrics.").Append(Html.E(v)).Append("</code></a></li>");
            }
            sb.Append("</ul>");
        }
        sb.Append("<p><a href=\"/sql/dictionary\">Từ điển dữ liệu: mọi bảng, view, cột và chỉ tiêu →</a></p></aside>\n</div>\n");

        if (error is not null && advice is not null)
            sb.Append("<div class=\"error\" role=\"alert\"><strong>Không chạy được:</strong> <span class=\"advice\">").Append(Html.E(advice))
              .Append("</span><details><summary>Chi tiết kỹ thuật (thông báo của DuckDB)</summary><pre>").Append(Html.E(error)).Append("</pre></details></div>\n");
        else if (error is not null)
            sb.Append("<div class=\"error\" role=\"alert\"><strong>Không chạy được / not run:</strong> ").Append(Html.E(error)).Append("</div>\n");
        if (result is not null)
        {
            sb.Append("<section class=\"card\" aria-labelledby=\"res-h\"><h2 id=\"res-h\">Kết quả</h2>");
            sb.Append("<p class=\"meta\">").Append(Html.E($"{Metrics.VietnameseFormat.Number(result.Rows.Count)} dòng, {Metrics.VietnameseFormat.Number(result.Elapsed.TotalMilliseconds)} ms")).Append("</p>");
            if (ResultWriters.TruncationNote(result) is { } note)
                sb.Append("<p class=\"warning\" role=\"status\">").Append(Html.E(note)).Append("</p>");
            sb.Append(ResultTable(result));
            sb.Append("</section>");
        }
        return sb.ToString();
    }

    internal static string ResultTable(QueryResult r)
    {
        var sb = new StringBuilder("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng kết quả\"><table class=\"data\"><thead><tr>");
        var numeric = r.Columns.Select((_, i) => r.Rows.Count > 0 && r.Rows.All(row => row[i] is null or sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or System.Numerics.BigInteger)).ToArray();
        for (var i = 0; i < r.Columns.Count; i++)
            sb.Append("<th scope=\"col\"").Append(numeric[i] ? " class=\"num\"" : "").Append('>').Append(Html.E(r.Columns[i])).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in r.Rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
                sb.Append(numeric[i] ? "<td class=\"num\">" : "<td>").Append(Html.E(ResultWriters.Display(row[i]))).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div>");
        return sb.ToString();
    }

    private static IResult Download(HttpContext c, SnapshotStore store, DashboardOptions o, string sql, string format)
    {
        var caller = DashboardApp.CallerOf(c);
        if (!caller.CanQuery || !caller.CanExport) return DashboardApp.Forbidden("SQL");
        if (format is not ("csv" or "json" or "parquet"))
            return Results.Text("format phải là csv, json hoặc parquet / format must be csv, json or parquet", statusCode: 400);
        using var lease = store.Acquire();
        QueryResult result;
        try
        {
            using var session = lease.OpenSqlSession();
            result = session.Run(sql, o.MaxDownloadRows, c.RequestAborted);
        }
        catch (Exception e) when (e is SqlRefusedException or SqlTimeoutException or SqlQueryException)
        {
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        if (result.Truncated) c.Response.Headers["X-Analytics-Truncated"] = result.MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = $"truy-van-{DateTime.Now:yyyyMMdd-HHmmss}";
        switch (format)
        {
            case "csv":
                var w = new StringWriter();
                ResultWriters.WriteCsv(result, w);
                // BOM: spreadsheet programs then read the Vietnamese text as UTF-8.
                return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(w.ToString())).ToArray(), "text/csv; charset=utf-8", name + ".csv");
            case "json":
                var ms = new MemoryStream();
                ResultWriters.WriteJson(result, ms);
                return Results.File(ms.ToArray(), "application/json", name + ".json");
            default:
                var tmp = Path.Combine(Path.GetTempPath(), $"analytics-{Guid.NewGuid():N}.parquet");
                try
                {
                    ResultWriters.WriteParquet(result, tmp);
                    return Results.File(File.ReadAllBytes(tmp), "application/vnd.apache.parquet", name + ".parquet");
                }
                finally
                {
                    File.Delete(tmp);
                }
        }
    }
}
