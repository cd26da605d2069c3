using System.Text;
using Analytics.Dashboard.Snapshots;
using Analytics.Dashboard.Sql;
using Analytics.Dashboard.Web;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// The analysts' SQL console: queries in the sandbox of <see cref="AnalystSqlSession"/>, run on the
/// server's <see cref="SqlConsoleQueue"/> (a few at a time, off the request threads), results as a
/// table (first rows) with CSV/JSON/Parquet download streamed to a private file up to the row and
/// byte caps, the metrics views and the data dictionary one click away. Queries run on POST only:
/// a GET (a link, another site's image tag) fills the form and runs nothing.
/// </summary>
public static class SqlPage
{
    /// <summary>The longest query text accepted (the form's value limit), in bytes.</summary>
    public const int MaxQueryChars = 256 * 1024;

    public static void Map(WebApplication app)
    {
        app.MapGet("/sql", (HttpContext c, SnapshotStore store, DashboardOptions o, SqlConsoleQueue queue) =>
            Handle(c, store, o, queue, c.Request.Query["q"].ToString(), run: false));
        app.MapPost("/sql", async (HttpContext c, SnapshotStore store, DashboardOptions o, SqlConsoleQueue queue) =>
        {
            var (form, refusal) = await ReadQueryForm(c);
            if (form is null) return refusal!;
            return await Handle(c, store, o, queue, form["q"].ToString(), run: true);
        });
        app.MapPost("/sql/download", async (HttpContext c, SnapshotStore store, DashboardOptions o, SqlConsoleQueue queue, UploadStaging scratch) =>
        {
            var (form, refusal) = await ReadQueryForm(c);
            if (form is null) return refusal!;
            return await Download(c, store, o, queue, scratch, form["q"].ToString(), form["format"].ToString());
        });
    }

    /// <summary>The form, or the refusal of one past the form limits (a query longer than <see cref="MaxQueryChars"/>) or unreadable.</summary>
    private static async Task<(IFormCollection? Form, IResult? Refusal)> ReadQueryForm(HttpContext c)
    {
        try
        {
            return (await c.Request.ReadFormAsync(c.RequestAborted), null);
        }
        catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.Ordinal))
        {
            return (null, Results.Text(
                $"Câu truy vấn quá dài (tối đa {MaxQueryChars / 1024} KB) / the query is too long (at most {MaxQueryChars / 1024} KB)",
                "text/plain; charset=utf-8", statusCode: StatusCodes.Status413PayloadTooLarge));
        }
        catch (InvalidDataException e)
        {
            return (null, Results.Text($"Biểu mẫu không đọc được / the form could not be read: {e.Message}", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest));
        }
    }

    private static async Task<IResult> Handle(HttpContext c, SnapshotStore store, DashboardOptions o, SqlConsoleQueue queue, string sql, bool run)
    {
        if (!DashboardApp.CallerOf(c).CanQuery) return DashboardApp.Forbidden("SQL");
        var view = View(c);
        string? error = null;
        QueryResult? result = null;
        var status = 200;
        if (run && !string.IsNullOrWhiteSpace(sql))
        {
            try
            {
                var (busy, r) = await queue.TryRun(() =>
                {
                    using var running = store.Acquire();
                    using var session = running.OpenSqlSession();
                    return session.Run(sql, o.SqlLimits.MaxRows, c.RequestAborted);
                }, o.SqlLimits.TimeLimit);
                if (busy)
                {
                    error = queue.BusyMessage;
                    status = StatusCodes.Status503ServiceUnavailable;
                    c.Response.Headers.RetryAfter = "5";
                }
                result = r;
            }
            catch (Exception e) when (e is SqlRefusedException or SqlTimeoutException or SqlQueryException)
            {
                error = e.Message;
                status = StatusCodes.Status422UnprocessableEntity;
            }
        }
        using var lease = store.Acquire();
        List<string> metricsViews;
        string? advice = null;
        using (var conn = lease.OpenConnection())
        {
            metricsViews = conn.Query<string>("select view_name from duckdb_views() where schema_name = 'metrics' and not internal order by view_name").ToList();
            if (error is not null && status != StatusCodes.Status503ServiceUnavailable)
                advice = QueryErrorAdvice.For(error, conn.Query<QueryErrorAdvice.CatalogObject>(
                    "select schema_name as schema, view_name as name, true as isview from duckdb_views() where not internal union all select schema_name, table_name, false from duckdb_tables() where not internal order by 1, 2").ToList());
        }
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
                // a query runs only on POST (a link could be followed cross-site), so each view is a one-button form
                var q = $"select * from metrics.{v} limit 100";
                sb.Append("<li><form method=\"post\" action=\"/sql\"><input type=\"hidden\" name=\"q\" value=\"").Append(Html.E(q))
                  .Append("\"><button type=\"submit\" class=\"link\"><code>metrics.").Append(Html.E(v)).Append("</code></button></form></li>");
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

    private static async Task<IResult> Download(HttpContext c, SnapshotStore store, DashboardOptions o, SqlConsoleQueue queue, UploadStaging scratch, string sql, string format)
    {
        var caller = DashboardApp.CallerOf(c);
        if (!caller.CanQuery || !caller.CanExport) return DashboardApp.Forbidden("SQL");
        if (format is not ("csv" or "json" or "parquet"))
            return Results.Text("format phải là csv, json hoặc parquet / format must be csv, json or parquet", statusCode: 400);
        // rows go to a private file as DuckDB produces them, never all into memory; the file is sent, then deleted
        var spool = Path.Combine(scratch.Root, $"download-{Guid.NewGuid():N}.{format}");
        bool truncated;
        try
        {
            var (busy, cut) = await queue.TryRun(() =>
            {
                using var lease = store.Acquire();
                using var session = lease.OpenSqlSession();
                return session.Stream(sql, rows =>
                {
                    if (format == "parquet") return ResultWriters.WriteParquetStreamed(rows, spool, o.MaxDownloadRows, o.MaxDownloadBytes);
                    using var file = File.Create(spool); // again from the start if the query is re-run as text
                    return ResultWriters.WriteStreamed(rows, format, file, o.MaxDownloadRows, o.MaxDownloadBytes, bom: format == "csv");
                }, c.RequestAborted);
            }, o.SqlLimits.TimeLimit);
            if (busy)
            {
                c.Response.Headers.RetryAfter = "5";
                return Results.Text(queue.BusyMessage, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            truncated = cut;
        }
        catch (ResultTooLargeException e)
        {
            SnapshotStore.TryDelete(spool);
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception e) when (e is SqlRefusedException or SqlTimeoutException or SqlQueryException)
        {
            SnapshotStore.TryDelete(spool);
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        if (truncated) c.Response.Headers["X-Analytics-Truncated"] = o.MaxDownloadRows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = $"truy-van-{DateTime.Now:yyyyMMdd-HHmmss}.{format}";
        var type = format switch { "csv" => "text/csv; charset=utf-8", "json" => "application/json", _ => "application/vnd.apache.parquet" };
        var stream = new FileStream(spool, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose);
        return Results.Stream(stream, type, name);
    }
}
