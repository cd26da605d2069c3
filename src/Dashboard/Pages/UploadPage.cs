using Analytics.Metrics.Catalogue;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Analytics.Dashboard.Snapshots;
using Analytics.Dashboard.Web;
using Analytics.Etl.Datasets;
using Analytics.Etl.Loading;
using Analytics.Warehouse;
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
/// Files wait in this server's private staging folder (<see cref="UploadStaging"/>) under a random
/// batch id; names are reduced to safe characters. A unit-scoped token loads only rows of its own
/// units, never the units list, and its upload loads whole or not at all.
/// </summary>
public static partial class UploadPage
{
    private static readonly SemaphoreSlim WriteTurn = new(1, 1);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex BatchId();

    // letters of any script (Vietnamese names such as "Phụ lục 02"), digits, space, '.', '_', '-': no path separators
    [GeneratedRegex(@"[^\p{L}\p{M}\p{N}._ -]")]
    private static partial Regex UnsafeNameChars();

    public static void Map(WebApplication app)
    {
        app.MapGet("/upload", (HttpContext c, DashboardOptions o) =>
            !DashboardApp.CallerOf(c).CanUpload ? DashboardApp.Forbidden("upload") : DashboardApp.HtmlPage(Render(c, o, null)));
        app.MapPost("/upload", async (HttpContext c, DashboardOptions o, SnapshotStore store, UploadStaging staging) =>
        {
            if (!DashboardApp.CallerOf(c).CanUpload) return DashboardApp.Forbidden("upload");
            return await Validate(c, o, store, staging.Root);
        }).DisableAntiforgery();
        app.MapPost("/upload/load", async (HttpContext c, DashboardOptions o, SnapshotStore store, UploadStaging staging) =>
        {
            if (!DashboardApp.CallerOf(c).CanUpload) return DashboardApp.Forbidden("upload");
            var form = await c.Request.ReadFormAsync();
            return await Load(c, form["batch"].ToString(), o, store, staging.Root);
        }).DisableAntiforgery();
    }

    private static async Task<IResult> Validate(HttpContext c, DashboardOptions o, SnapshotStore store, string root)
    {
        if (!c.Request.HasFormContentType)
            return Page(c, o, Error("Cần gửi tệp bằng biểu mẫu / files must be sent with the form"), 400);
        IFormCollection form;
        try
        {
            form = await c.Request.ReadFormAsync(c.RequestAborted);
        }
        catch (InvalidDataException e) when (e.Message.Contains("count limit", StringComparison.Ordinal))
        {
            // the form's field limit is the file limit plus a margin, so only a form of more files than that meets it
            return Page(c, o, Error($"Quá nhiều tệp hay trường trong biểu mẫu, tối đa {o.MaxUploadFiles} tệp / too many files or form fields, at most {o.MaxUploadFiles} files"), 413);
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

        RemoveOldBatches(root);
        var batch = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var dir = Path.Combine(root, batch);
        UploadStaging.CreatePrivate(dir);
        // a file whose name announces no dataset ("Phụ lục 02 ….xlsx") takes the one picked on the form,
        // carried as a prefix of the saved name, so the check and the later load read it the same way
        var picked = DatasetCatalog.ByName(form["dataset"].ToString());
        var paths = new List<string>();
        foreach (var f in files)
        {
            var fileName = picked is not null && DatasetCatalog.FromFileName(f.FileName) is null ? $"{picked.Name}_{f.FileName}" : f.FileName;
            var path = Path.Combine(dir, SafeName(fileName, paths));
            await using (var s = File.Create(path)) await f.CopyToAsync(s, c.RequestAborted);
            paths.Add(path);
        }

        LoadReport report;
        var scope = DashboardApp.CallerOf(c).UnitScope;
        using (var lease = store.Acquire())
            report = LoadPipeline.Validate(paths, new LoadOptions { UnitScope = scope }, lease.Snapshot.Path);
        var valid = report.Files.Where(f => !f.Refused && f.ErrorCount == 0).Select(f => f.File).ToList();
        var scopeNote = "";
        if (scope is not null && valid.Count < report.Files.Count)
        {
            valid.Clear(); // a scoped token's upload is refused whole
            scopeNote = Error($"Mã truy cập của đơn vị {scope}: lượt tải lên có tệp bị từ chối nên không tệp nào được nạp / a token limited to unit {scope}: a file of the upload was refused, so none of them is loaded");
        }
        File.WriteAllLines(Path.Combine(dir, "valid.txt"), valid);
        return Page(c, o, scopeNote + ReportHtml(report, "Kết quả kiểm tra", validate: true) + LoadForm(batch, valid, report.Files.Count));
    }

    private static async Task<IResult> Load(HttpContext c, string batch, DashboardOptions o, SnapshotStore store, string root)
    {
        if (!BatchId().IsMatch(batch)) return Page(c, o, Error("Mã lượt tải lên không hợp lệ / invalid upload batch"), 400);
        var dir = Path.Combine(root, batch);
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
                using var conn = WarehouseFile.OpenMigrated(store.WarehousePath);
                // the scope is checked again against the warehouse itself, which may have changed since the check
                report = LoadPipeline.Load(conn, paths, new LoadOptions { UnitScope = DashboardApp.CallerOf(c).UnitScope });
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
        var name = UnsafeNameChars().Replace(Path.GetFileName(fileName.Replace('\\', '/')).Normalize(System.Text.NormalizationForm.FormC), "_").TrimStart('.').Trim();
        if (name.Length == 0 || name == "valid.txt") name = "file" + Path.GetExtension(fileName).ToLowerInvariant();
        var candidate = name;
        for (var i = 2; taken.Any(t => Path.GetFileName(t).Equals(candidate, StringComparison.OrdinalIgnoreCase)); i++)
            candidate = Path.GetFileNameWithoutExtension(name) + "_" + i + Path.GetExtension(name);
        return candidate;
    }

    private static void RemoveOldBatches(string root)
    {
        if (!Directory.Exists(root)) return;
        foreach (var d in Directory.EnumerateDirectories(root))
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

    /// <summary>The datasets in Vietnamese (names from the indicator catalogue, file prefixes from the contracts),
    /// for files whose name does not say which they are.</summary>
    private static readonly (string Name, string Label, string Example)[] Datasets =
        DatasetCatalog.All.Select(d => (d.Name, IndicatorCatalogue.DatasetNameVi(d.Name), DatasetCatalog.VietnameseFilePrefix(d.Name) + "_…")).ToArray();

    private static string DatasetOptions() =>
        "<option value=\"\">Nhận theo tên tệp</option>" +
        string.Concat(Datasets.Select(d => $"<option value=\"{Html.E(d.Name)}\">{Html.E(d.Label)} ({Html.E(d.Name)})</option>"));

    private static string PrefixExamples() => string.Join(", ", Datasets.Select(d => $"{d.Example} hoặc {d.Name}_…"));

    private static string Render(HttpContext c, DashboardOptions o, string? content)
    {
        var body = $"""
            <form method="post" action="/upload" enctype="multipart/form-data" class="card">
            <div class="dropzone">
            <label for="files"><strong>Kéo thả tệp CSV/XLSX vào đây</strong> hoặc chọn tệp:</label><br>
            <input id="files" name="files" type="file" multiple accept=".csv,.xlsx" required>
            <p id="chosen" class="hint" aria-live="polite"></p>
            </div>
            <div><label for="dataset">Bộ dữ liệu của tệp</label>
            <select id="dataset" name="dataset">{DatasetOptions()}</select>
            <p class="hint">Tên tệp bắt đầu bằng tên bộ dữ liệu thì được nhận tự động, tiếng Việt hoặc tiếng Anh: {Html.E(PrefixExamples())}. Tệp có tên khác (ví dụ "Phụ lục 02 ….xlsx") được đọc theo bộ dữ liệu chọn ở đây.</p></div>
            <p class="hint">Tối đa {o.MaxUploadFiles} tệp, mỗi tệp {Html.E(Mb(o.MaxUploadBytesPerFile))}, tổng {Html.E(Mb(o.MaxUploadBytesTotal))}. Tệp được kiểm tra trước; chỉ các tệp hợp lệ được nạp khi bạn xác nhận.</p>
            <button type="submit">Kiểm tra tệp</button>
            </form>
            {content}
            """;
        return Layout.Page(ViewState.FromRequest(c) with { Path = "/upload" }, "Tải dữ liệu lên", body);
    }
}
