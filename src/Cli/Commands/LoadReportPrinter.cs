using Analytics.Etl.Datasets;
using Analytics.Etl.Loading;
using Analytics.Metrics;

namespace Analytics.Cli.Commands;

/// <summary>Shared by load and validate: options, the per-file summary table, the errors, the JSON report.</summary>
internal static class LoadReportPrinter
{
    public static NumberLocale Locale(Arguments args) => args.Option("--locale") switch
    {
        null or "invariant" => NumberLocale.Invariant,
        "vi" => NumberLocale.Vietnamese,
        var other => throw new UsageException($"--locale chỉ nhận vi / --locale takes only vi (got {other})"),
    };

    public static IReadOnlyList<string> Paths(Arguments args, params string[] valueOptions)
    {
        var paths = args.Positionals(valueOptions);
        if (paths.Count == 0) throw new UsageException("cần ít nhất một tệp hoặc thư mục / at least one file or folder is needed");
        foreach (var p in paths)
            if (!File.Exists(p) && !Directory.Exists(p)) throw new UsageException($"không tìm thấy / not found: {p}");
        return paths;
    }

    public static void CheckDataset(string? dataset)
    {
        if (dataset is not null && DatasetCatalog.ByName(dataset) is null)
            throw new UsageException($"bộ dữ liệu không tồn tại / unknown dataset {dataset} ({string.Join(", ", DatasetCatalog.All.Select(d => d.Name))})");
    }

    /// <summary>Progress on stderr for large files: a line every 100.000 rows.</summary>
    public static Action<string, long> Progress(TextWriter stderr) =>
        (file, rows) => stderr.WriteLine($"  … {file}: đã đọc / read {VietnameseFormat.Number(rows)} dòng / rows");

    public static string Outcome(string outcome) => outcome switch
    {
        LoadOutcome.Loaded => "đã nạp / loaded",
        LoadOutcome.Partial => "nạp một phần / partial",
        LoadOutcome.Unchanged => "không đổi / unchanged",
        LoadOutcome.Valid => "hợp lệ / valid",
        _ => "từ chối / refused",
    };

    /// <param name="writesNothing">validate: the counts are what a load would do, and the headings say so.</param>
    public static void Print(LoadReport report, TextWriter stdout, bool writesNothing = false)
    {
        string[] head = writesNothing
            ? ["Tệp / file", "Bộ dữ liệu / dataset", "Đọc / read", "Sẽ thêm / would insert", "Sẽ thay / would replace", "Không đổi / unchanged", "Loại / rejected", "Kết quả / outcome"]
            : ["Tệp / file", "Bộ dữ liệu / dataset", "Đọc / read", "Thêm / inserted", "Thay / replaced", "Không đổi / unchanged", "Loại / rejected", "Kết quả / outcome"];
        var rows = report.Files.Select(f => new[]
        {
            f.File, f.Dataset, N(f.RowsRead), N(f.Inserted), N(f.Replaced), N(f.Unchanged), N(f.Rejected), Outcome(f.Outcome),
        }).ToList();
        var widths = head.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var numeric = new[] { false, false, true, true, true, true, true, false };
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        stdout.WriteLine(Line(head));
        stdout.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var r in rows) stdout.WriteLine(Line(r));

        foreach (var f in report.Files)
        {
            if (f.ErrorCount > 0)
            {
                stdout.WriteLine();
                stdout.WriteLine($"Lỗi / errors — {f.File}: {N(f.ErrorCount)}" + (f.ErrorCount > f.Errors.Count ? $" (liệt kê {N(f.Errors.Count)} đầu tiên / first {f.Errors.Count} listed)" : ""));
                foreach (var e in f.Errors) stdout.WriteLine("  " + Describe(f, e));
            }
            if (f.WarningCount > 0)
            {
                stdout.WriteLine();
                stdout.WriteLine($"Cảnh báo / warnings — {f.File}: {N(f.WarningCount)}");
                foreach (var w in f.Warnings) stdout.WriteLine("  " + Describe(f, w));
            }
            if (f.NoteCount > 0)
            {
                stdout.WriteLine();
                stdout.WriteLine($"Đã đọc thế nào / how it was read — {f.File}: {N(f.NoteCount)} ghi nhận / notes"
                    + (f.NoteCount > f.Notes.Count ? $" (liệt kê {N(f.Notes.Count)} đầu tiên / first {f.Notes.Count} listed)" : ""));
                foreach (var n in f.Notes) stdout.WriteLine("  " + Describe(f, n));
            }
            if (f.RejectsFile is not null)
                stdout.WriteLine($"Các dòng bị loại / rejected rows: {f.RejectsFile}");
        }
        if (report.NotRead.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Tệp không đọc / files not read: {report.NotRead.Count}");
            foreach (var n in report.NotRead)
                stdout.WriteLine($"  {n.File} — {n.ReasonVi} / {n.ReasonEn}" + (n.Blocking ? " [lỗi / error]" : ""));
        }
        stdout.WriteLine();
        stdout.WriteLine(report.Ok
            ? "Kết quả / result: mọi tệp hợp lệ / every file is valid."
            : $"Kết quả / result: {report.Files.Count(f => f.Refused)} tệp bị từ chối, {N(report.Files.Sum(f => f.Rejected))} dòng bị loại, {report.NotRead.Count(n => n.Blocking)} tệp không đọc được / {report.Files.Count(f => f.Refused)} file(s) refused, {report.Files.Sum(f => f.Rejected)} row(s) rejected, {report.NotRead.Count(n => n.Blocking)} file(s) could not be read.");
    }

    private static string Describe(FileReport f, LoadIssue e)
    {
        var where = e.Where(f.File);
        var column = e.Column is null ? "" : $" {e.Column}";
        var value = e.Value is null ? "" : $" \"{e.Value}\"";
        return $"{where}{column}{value} — {e.ReasonVi} / {e.ReasonEn}";
    }

    private static string N(long n) => VietnameseFormat.Number(n);

    public static void WriteJson(LoadReport report, string? path)
    {
        if (path is null) return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, report.ToJson());
    }

    public static int ExitFor(LoadReport report) => report.Ok ? ExitCode.Ok : ExitCode.Refused;
}
