using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Analytics.Dashboard.Snapshots;
using Analytics.Dashboard.Web;
using Analytics.Etl.Loading;
using Analytics.Etl.Warehouse;
using Analytics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// Uploads for staff who never open a terminal: drop one or many CSV/XLSX files, see each file's
/// validation report (the same checks and messages as `analytics validate`, run against the
/// current snapshot), then load the valid ones. Loading takes the warehouse's write lock for the
/// length of the load only (one load at a time in this server; a concurrent `analytics load` makes
/// it wait its turn or say the warehouse is busy), then the server switches to a fresh snapshot.
/// Files wait in a private folder under a random batch id; names are reduced to safe characters.
/// </summary>
public static partial class UploadPage
{
    private static readonly SemaphoreSlim WriteTurn = new(1, 1);
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "analytics-uploads");

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex BatchId();

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeNameChars();

    public static void Map(WebApplication app)
    {
        app.MapGet("/upload", (HttpContext c, DashboardOptions o) =>
            !DashboardApp.CallerOf(c).CanUpload ? DashboardApp.Forbidden("upload") : DashboardApp.HtmlPage(Render(c, o, null)));
        app.MapPost("/upload", async (HttpContext c, DashboardOptions o, SnapshotStore store) =>
        {
            if (!DashboardApp.CallerOf(c).CanUpload) return DashboardApp.Forbidden("upload");
            return await Validate(c, o, store);
        }).DisableAntiforgery();
        app.MapPost("/upload/load", async (HttpContext c, DashboardOptions o, SnapshotStore store) =>
        {
            if (!DashboardApp.CallerOf(c).CanUpload) return DashboardApp.Forbidden("upload");
            var form = await c.Request.ReadFormAsync();
            return await Load(c, form["batch"].ToString(), o, store);
        }).DisableAntiforgery();
    }

    private static async Task<IResult> Validate(HttpContext c, DashboardOptions o, SnapshotStore store)
    {
        if (!c.Request.HasFormContentType)
            return Page(c, o, Error("Cần gửi tệp bằng biểu mẫu / files must be sent with the form"), 400);
        IFormCollection form;
        try
        {
            form = await c.Request.ReadFormAsync(c.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Page(c, o, Error($"Tải lên quá lớn (tổng tối đa {Mb(o.MaxUploadBytesTotal)}) / upload too large (at most {Mb(o.MaxUploadBytesTotal)} in all)"), 413);
        }
        var files = form.Files;
        if (files.Count == 0) return Page(c, o, Error("Chưa chọn tệp nào / no file chosen"), 400);
        if (files.Count > o.MaxUploadFiles)
            return Page(c, o, Error($"Quá nhiều tệp: {files.Count}, tối đa {o.MaxUploadFiles} / too many files: {files.Count}, at most {o.MaxUploadFiles}"), 413);
        foreach (var f in files)
        {
            if (f.Length > o.MaxUploadBytesPerFile)
                return Page(c, o, Error($"Tệp {f.FileName} quá lớn ({Mb(f.Length)}), tối đa {Mb(o.MaxUploadBytesPerFile)} mỗi tệp / file too large, at most {Mb(o.MaxUploadBytesPerFile)} per file"), 413);
            var ext = Path.GetExtension(f.FileName).ToLowerInvariant();
            if (ext is not (".csv" or ".xlsx"))
                return Page(c, o, Error($"Tệp {f.FileName}: chỉ nhận .csv hoặc .xlsx / only .csv or .xlsx files are accepted"), 415);
        }

        RemoveOldBatches();
        var batch = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var dir = Path.Combine(Root, batch);
        Directory.CreateDirectory(dir);
        var paths = new List<string>();
        foreach (var f in files)
        {
            var path = Path.Combine(dir, SafeName(f.FileName, paths));
            await using (var s = File.Create(path)) await f.CopyToAsync(s, c.RequestAborted);
            paths.Add(path);
        }

        LoadReport report;
        using (var lease = store.Acquire())
            report = LoadPipeline.Validate(paths, new LoadOptions(), lease.Snapshot.Path);
        var valid = report.Files.Where(f => !f.Refused && f.ErrorCount == 0).Select(f => f.File).ToList();
        File.WriteAllLines(Path.Combine(dir, "valid.txt"), valid);
        return Page(c, o, ReportHtml(report, "Kết quả kiểm tra", validate: true) + LoadForm(batch, valid, report.Files.Count));
    }

    private static async Task<IResult> Load(HttpContext c, string batch, DashboardOptions o, SnapshotStore store)
    {
        if (!BatchId().IsMatch(batch)) return Page(c, o, Error("Mã lượt tải lên không hợp lệ / invalid upload batch"), 400);
        var dir = Path.Combine(Root, batch);
        var list = Path.Combine(dir, "valid.txt");
        if (!File.Exists(list)) return Page(c, o, Error("Lượt tải lên đã hết hạn hoặc đã nạp; hãy tải tệp lên lại / the upload expired or was already loaded; upload the files again"), 410);
        var paths = File.ReadAllLines(list).Where(n => n.Length > 0).Select(n => Path.Combine(dir, Path.GetFileName(n))).Where(File.Exists).ToList();
        if (paths.Count == 0) return Page(c, o, Error("Không có tệp hợp lệ để nạp / no valid file to load"), 400);

        if (!await WriteTurn.WaitAsync(TimeSpan.FromSeconds(30)))
            return Page(c, o, Error("Đang có lượt nạp khác, hãy thử lại sau ít phút / another load is running; try again in a few minutes"), 503);
        LoadReport report;
        try
        {
            try
            {
                using var conn = Warehouse.OpenMigrated(store.WarehousePath);
                report = LoadPipeline.Load(conn, paths, new LoadOptions());
            }
            catch (DuckDB.NET.Data.DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                return Page(c, o, Error("Kho dữ liệu đang được ghi bởi một lượt nạp khác (analytics load); hãy thử lại sau / the warehouse is being written by another load; try again later"), 503);
            }
            store.Refresh();
        }
        finally
        {
            WriteTurn.Release();
        }
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        var summary = report.Ok
            ? "<p class=\"ok\" role=\"status\">Đã nạp xong. Các trang đã dùng số liệu mới. / Loaded; the pages now show the new figures.</p>"
            : "<p class=\"error\" role=\"alert\">Có tệp không nạp được; xem chi tiết bên dưới. / Some files did not load; see below.</p>";
        return Page(c, o, summary + ReportHtml(report, "Kết quả nạp", validate: false));
    }

    private static string SafeName(string fileName, List<string> taken)
    {
        var name = UnsafeNameChars().Replace(Path.GetFileName(fileName.Replace('\\', '/')), "_").TrimStart('.');
        if (name.Length == 0 || name == "valid.txt") name = "file" + Path.GetExtension(fileName).ToLowerInvariant();
        var candidate = name;
        for (var i = 2; taken.Any(t => Path.GetFileName(t).Equals(candidate, StringComparison.OrdinalIgnoreCase)); i++)
            candidate = Path.GetFileNameWithoutExtension(name) + "_" + i + Path.GetExtension(name);
        return candidate;
    }

    private static void RemoveOldBatches()
    {
        if (!Directory.Exists(Root)) return;
        foreach (var d in Directory.EnumerateDirectories(Root))
            if (Directory.GetLastWriteTimeUtc(d) < DateTime.UtcNow.AddHours(-2))
                try { Directory.Delete(d, recursive: true); } catch (IOException) { }
    }

    private static string Mb(long bytes) => VietnameseFormat.Number(bytes / 1024.0 / 1024.0, 1) + " MB";

    private static string Error(string message) => $"<div class=\"error\" role=\"alert\">{Html.E(message)}</div>";

    private static IResult Page(HttpContext c, DashboardOptions o, string content, int status = 200) => DashboardApp.HtmlPage(Render(c, o, content), status);

    private static string Outcome(string outcome) => outcome switch
    {
        LoadOutcome.Loaded => "đã nạp / loaded",
        LoadOutcome.Partial => "nạp một phần / partial",
        LoadOutcome.Unchanged => "không đổi / unchanged",
        LoadOutcome.Valid => "hợp lệ / valid",
        _ => "từ chối / refused",
    };

    /// <summary>One card per file: counts, then every error and warning with where, column, value and reason in both languages.</summary>
    internal static string ReportHtml(LoadReport report, string title, bool validate)
    {
        var sb = new StringBuilder($"<h2>{Html.E(title)}</h2>");
        foreach (var f in report.Files)
        {
            var ok = !f.Refused && f.ErrorCount == 0;
            sb.Append("<section class=\"card file-report ").Append(ok ? "valid" : "invalid").Append("\" data-file=\"").Append(Html.E(f.File)).Append("\">");
            sb.Append("<h3>").Append(Html.E(f.File)).Append(" <span class=\"tag\">").Append(Html.E(f.Dataset)).Append("</span></h3>");
            sb.Append("<p class=\"outcome\"><strong>").Append(Html.E(Outcome(f.Outcome))).Append("</strong> · đọc ").Append(VietnameseFormat.Number(f.RowsRead)).Append(" dòng");
            if (!validate) sb.Append(" · thêm ").Append(VietnameseFormat.Number(f.Inserted)).Append(" · thay ").Append(VietnameseFormat.Number(f.Replaced)).Append(" · không đổi ").Append(VietnameseFormat.Number(f.Unchanged));
            if (f.ErrorCount > 0) sb.Append(" · <span class=\"status-chua_dat\">").Append(VietnameseFormat.Number(f.ErrorCount)).Append(" lỗi</span>");
            if (f.WarningCount > 0) sb.Append(" · ").Append(VietnameseFormat.Number(f.WarningCount)).Append(" cảnh báo");
            sb.Append("</p>");
            Issues(sb, f, f.Errors, "Lỗi / errors", f.ErrorCount);
            Issues(sb, f, f.Warnings, "Cảnh báo / warnings", f.WarningCount);
            sb.Append("</section>");
        }
        return sb.ToString();
    }

    private static void Issues(StringBuilder sb, FileReport f, List<LoadIssue> issues, string caption, long total)
    {
        if (issues.Count == 0) return;
        sb.Append("<div class=\"table-wrap\"><table class=\"data issues\"><caption>").Append(Html.E(caption));
        if (total > issues.Count) sb.Append(Html.E($" (liệt kê {issues.Count} đầu tiên trong {VietnameseFormat.Number(total)} / first {issues.Count} of {total})"));
        sb.Append("</caption><thead><tr><th scope=\"col\">Vị trí / where</th><th scope=\"col\">Cột / column</th><th scope=\"col\">Giá trị / value</th><th scope=\"col\">Lý do</th><th scope=\"col\">Reason</th></tr></thead><tbody>");
        foreach (var e in issues)
            sb.Append("<tr><td>").Append(Html.E(e.Where(f.File))).Append("</td><td>").Append(Html.E(e.Column)).Append("</td><td>")
              .Append(Html.E(e.Value)).Append("</td><td>").Append(Html.E(e.ReasonVi)).Append("</td><td lang=\"en\">").Append(Html.E(e.ReasonEn)).Append("</td></tr>");
        sb.Append("</tbody></table></div>");
    }

    private static string LoadForm(string batch, IReadOnlyList<string> valid, int total)
    {
        if (valid.Count == 0)
            return "<p class=\"warning\" role=\"status\">Không có tệp hợp lệ nào để nạp; kho dữ liệu không thay đổi. / No valid file to load; the warehouse is unchanged.</p>";
        var refused = total - valid.Count;
        return $"""
            <form method="post" action="/upload/load" class="card">
            <input type="hidden" name="batch" value="{Html.E(batch)}">
            <p>{Html.E($"{valid.Count} tệp hợp lệ: {string.Join(", ", valid)}." + (refused > 0 ? $" {refused} tệp có lỗi sẽ không được nạp." : ""))}</p>
            <button type="submit">Nạp {valid.Count} tệp hợp lệ</button>
            </form>
            """;
    }

    private static string Render(HttpContext c, DashboardOptions o, string? content)
    {
        var body = $"""
            <form method="post" action="/upload" enctype="multipart/form-data" class="card">
            <div class="dropzone">
            <label for="files"><strong>Kéo thả tệp CSV/XLSX vào đây</strong> hoặc chọn tệp:</label><br>
            <input id="files" name="files" type="file" multiple accept=".csv,.xlsx" required>
            <p id="chosen" class="hint" aria-live="polite"></p>
            </div>
            <p class="hint">Tối đa {o.MaxUploadFiles} tệp, mỗi tệp {Html.E(Mb(o.MaxUploadBytesPerFile))}, tổng {Html.E(Mb(o.MaxUploadBytesTotal))}. Tên tệp cho biết bộ dữ liệu (units, tasks, task_updates, staffing, admin_indices, revenue, revenue_targets, grdp, kpi_targets, unit_standards hoặc tieu-chuan). Tệp được kiểm tra trước; chỉ các tệp hợp lệ được nạp khi bạn xác nhận.</p>
            <button type="submit">Kiểm tra tệp</button>
            </form>
            {content}
            """;
        return Layout.Page(ViewState.FromRequest(c) with { Path = "/upload" }, "Tải dữ liệu lên", body);
    }
}
