using Analytics.Etl.Loading;
using Analytics.Etl.Warehouse;
using Analytics.Metrics;
using Dapper;

namespace Analytics.Cli.Commands;

public sealed class DemoCommand : ICommand
{
    public string Name => "demo";
    public string Summary => "chạy toàn bộ trên data-samples/ / the whole job on the shipped samples";
    public string Help => """
        analytics demo [--out DIR]

        Tạo kho dữ liệu mới DIR/warehouse.duckdb (mặc định DIR = out/), nạp mọi tệp trong data-samples/
        (Hải Phòng, Cần Thơ), rồi thử nạp các tệp lỗi trong data-samples/broken/ để thấy chúng bị từ chối
        kèm lý do, và kho không thay đổi. Báo cáo nạp (JSON) ghi vào DIR.
        Builds a fresh warehouse in DIR (default out/), loads every file of data-samples/, shows the
        files of data-samples/broken/ refused with their reasons (changing nothing), and says where
        everything went. data-samples/ is found by walking up from the current directory and from
        the program's own directory.

        Ví dụ / example: analytics demo --out out
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--out");
        var outDir = Path.GetFullPath(args.Option("--out") ?? "out");
        var samples = FindSamples() ?? throw new InvalidOperationException(
            "không tìm thấy thư mục data-samples/ / data-samples/ not found above the current directory or the program");
        Directory.CreateDirectory(outDir);
        var dbPath = Path.Combine(outDir, "warehouse.duckdb");
        foreach (var f in new[] { dbPath, dbPath + ".wal" })
            if (File.Exists(f)) File.Delete(f);

        stdout.WriteLine($"Dữ liệu mẫu / samples: {samples}");
        stdout.WriteLine($"Kho dữ liệu mới / fresh warehouse: {dbPath}");
        stdout.WriteLine();

        using var db = Warehouse.OpenMigrated(dbPath);
        var options = new LoadOptions { RejectsDirectory = outDir, Progress = LoadReportPrinter.Progress(stderr) };

        stdout.WriteLine("1. Nạp dữ liệu mẫu / loading the samples");
        var loaded = LoadPipeline.Load(db, [samples], options);
        LoadReportPrinter.Print(loaded, stdout);
        var loadReport = Path.Combine(outDir, "load_report.json");
        LoadReportPrinter.WriteJson(loaded, loadReport);
        stdout.WriteLine();

        var broken = Path.Combine(samples, "broken");
        LoadReport? refused = null;
        string? brokenReport = null;
        var before = RowCounts(db);
        if (Directory.Exists(broken))
        {
            stdout.WriteLine("2. Thử nạp các tệp lỗi / trying the broken files (each must be refused)");
            refused = LoadPipeline.Load(db, [broken], options);
            LoadReportPrinter.Print(refused, stdout);
            brokenReport = Path.Combine(outDir, "broken_report.json");
            LoadReportPrinter.WriteJson(refused, brokenReport);
            var after = RowCounts(db);
            stdout.WriteLine(after.SequenceEqual(before)
                ? "Kho dữ liệu không thay đổi / the warehouse is unchanged."
                : "CẢNH BÁO: kho dữ liệu đã thay đổi / WARNING: the warehouse changed.");
            stdout.WriteLine();
        }

        stdout.WriteLine("Tóm tắt / summary");
        foreach (var (table, rows) in RowCounts(db))
            stdout.WriteLine($"  raw.{table,-16} {VietnameseFormat.Number(rows),10} dòng / rows");
        var filesOk = loaded.Files.Count(f => !f.Refused);
        stdout.WriteLine($"  Tệp mẫu đã nạp / sample files loaded: {filesOk}/{loaded.Files.Count}");
        if (refused is not null)
            stdout.WriteLine($"  Tệp lỗi bị từ chối / broken files refused: {refused.Files.Count(f => f.Refused)}/{refused.Files.Count}");
        stdout.WriteLine($"  Kho dữ liệu / warehouse: {dbPath}");
        stdout.WriteLine($"  Báo cáo nạp / load reports: {loadReport}{(brokenReport is null ? "" : ", " + brokenReport)}");

        // the demo succeeds when every sample loads and every broken file is refused without changing anything
        var ok = loaded.Ok && (refused is null || (refused.Files.All(f => f.Refused) && RowCounts(db).SequenceEqual(before)));
        return ok ? ExitCode.Ok : ExitCode.Failure;
    }

    private static readonly string[] Tables =
        ["units", "tasks", "task_updates", "staffing", "admin_indices", "revenue", "revenue_targets", "grdp", "kpi_targets"];

    private static List<(string Table, long Rows)> RowCounts(DuckDB.NET.Data.DuckDBConnection db) =>
        Tables.Select(t => (t, db.ExecuteScalar<long>($"select count(*) from raw.{t}"))).ToList();

    /// <summary>data-samples/ beside the repository: walking up from the current directory, then from the program's directory.</summary>
    public static string? FindSamples()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "data-samples");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "units*").Any()) return candidate;
            }
        return null;
    }
}
