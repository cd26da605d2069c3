using Analytics.Etl.Loading;
using Analytics.Warehouse;
using Analytics.Metrics;
using Analytics.Metrics.Catalogue;
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

        Sau đó tính các chỉ tiêu sơ kết của Hải Phòng (31) và Cần Thơ (92), ghi báo cáo PDF của hai
        thành phố, bản tóm tắt một trang của mọi xã, phường của cả hai thành phố (và tập hợp), bộ
        biểu đồ, bản Word của báo cáo Hải Phòng và báo cáo tháng 05/2026 (PDF và Word) vào DIR.
        Then computes the review figures of Hải Phòng (31) and Cần Thơ (92) and writes both cities'
        briefings, every commune brief of both cities (and their booklets), the figure packs, Hải
        Phòng's Word draft and its monthly report of May 2026 (PDF and Word) into DIR.

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

        var (loadOk, loadSummary) = LoadSamples(dbPath, samples, outDir, stdout, stderr);
        if (!loadOk) return ExitCode.Failure;

        // The warehouse is closed before the read-only steps: DuckDB does not open one file
        // twice in a process with different access modes.
        stdout.WriteLine("3. Chỉ tiêu sơ kết / review figures");
        foreach (var (unit, asOf) in ReviewPoints)
            PrintReviewFigures(dbPath, unit, asOf, stdout);

        stdout.WriteLine("4. Báo cáo và biểu đồ / briefings and figures");
        var reportsDir = Path.Combine(outDir, "reports");
        var latest = ReviewPoints[^1].AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string[][] reports =
        [
            ["--unit", "31", "--kind", "briefing"],
            ["--unit", "92", "--kind", "briefing"],
            ["--unit", "31", "--kind", "commune"],
            ["--unit", "92", "--kind", "commune"],
            ["--unit", "31", "--kind", "figures"],
            ["--unit", "92", "--kind", "figures"],
        ];
        foreach (var r in reports)
        {
            var code = new ReportCommand().Run(new Arguments(["--db", dbPath, "--as-of", latest, "--out", reportsDir, .. r]), stdout, stderr);
            if (code != ExitCode.Ok) return code;
        }
        // the Word draft of Hải Phòng's briefing, and the monthly report of the samples' last month (PDF and Word)
        var month = ReviewPoints[^1].AsOf.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        string[][] drafts =
        [
            ["--unit", "31", "--kind", "word", "--as-of", latest],
            ["--unit", "31", "--kind", "monthly", "--month", month],
        ];
        foreach (var r in drafts)
        {
            var code = new ReportCommand().Run(new Arguments(["--db", dbPath, "--out", reportsDir, .. r]), stdout, stderr);
            if (code != ExitCode.Ok) return code;
        }
        stdout.WriteLine();
        stdout.WriteLine(loadSummary);
        stdout.WriteLine($"  Báo cáo PDF, biểu đồ / briefings, figures: {reportsDir}");
        stdout.WriteLine($"  Bản Word, báo cáo tháng / Word draft, monthly report: {Path.Combine(reportsDir, $"bao-cao-31-{latest}.docx")}, {Path.Combine(reportsDir, $"bao-cao-thang-31-{month}.pdf")} (.docx)");
        stdout.WriteLine($"  Xem trên trình duyệt / in the browser: analytics serve --db {dbPath}");
        return ExitCode.Ok;
    }

    /// <summary>The dates the seed's review quotes figures for: the year 2025, and the five months of 2026.</summary>
    private static readonly (string Unit, DateOnly AsOf)[] ReviewPoints =
        [("31", new DateOnly(2025, 12, 31)), ("31", new DateOnly(2026, 5, 31)), ("92", new DateOnly(2026, 5, 31))];

    /// <summary>The figures a review quotes first, as (indicator, breakdown) pairs.</summary>
    private static readonly (string Id, string? Category, string? TargetKind)[] ReviewFigures =
    [
        ("revenue.ytd", "tong_thu", null),
        ("revenue.pct_of_annual_target", "tong_thu", "du_toan_trung_uong"),
        ("revenue.pct_of_period_target", "tong_thu", "ke_hoach"),
        ("revenue.yoy_ratio", "tong_thu", null),
        ("revenue.yoy_growth", "tong_thu", null),
        ("revenue.ytd", "thu_noi_dia", null),
        ("revenue.pct_of_annual_target", "thu_noi_dia", "du_toan_trung_uong"),
        ("revenue.yoy_growth", "thu_noi_dia", null),
        ("grdp.growth", null, null),
        ("par_index.rank", null, null),
        ("sipas.rank", null, null),
        ("pci.rank", null, null),
        ("tasks.total", null, null),
        ("tasks.completion_rate", null, null),
        ("tasks.on_time_rate", null, null),
        ("tasks.overdue", null, null),
        ("staffing.shortage", null, null),
        ("staffing.rebalance_potential", null, null),
        ("units.below_standard", null, null),
    ];

    private static void PrintReviewFigures(string dbPath, string unit, DateOnly asOf, TextWriter stdout)
    {
        using var connection = WarehouseFile.Open(dbPath, readOnly: true);
        var metrics = new MetricsService(connection);
        var values = metrics.Compute(unit, asOf);
        stdout.WriteLine($"   {metrics.Unit(unit)?.Name} ({unit}), đến / as of {VietnameseFormat.Date(asOf)}");
        foreach (var (id, category, targetKind) in ReviewFigures)
        {
            var v = values.FirstOrDefault(x => x.Id == id
                && x.Dims.GetValueOrDefault("category") == category
                && x.Dims.GetValueOrDefault("target_kind") == targetKind
                && x.Dims.Count == (category is null ? 0 : 1) + (targetKind is null ? 0 : 1));
            if (v is null || IndicatorCatalogue.Get(id) is not { } definition) continue;
            var label = definition.NameVi + (category is null ? "" : $" ({category}{(targetKind is null ? "" : ", " + targetKind)})");
            var status = MetricDisplay.Status(v.Status);
            stdout.WriteLine($"     {label,-56} {MetricDisplay.Value(definition, v.Value),18}  {status}");
        }
        stdout.WriteLine();
    }

    private static (bool Ok, string Summary) LoadSamples(string dbPath, string samples, string outDir, TextWriter stdout, TextWriter stderr)
    {
        using var db = WarehouseFile.OpenMigrated(dbPath);
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

        // a commune's staffing appendix as the office fills the Excel template (title block, two-row
        // headings, groups, totals, signatures): the same rows as the sample, so nothing changes
        var template = Path.Combine(samples, "templates", "staffing_31_10507_bien_che.xlsx");
        LoadReport? office = null;
        if (File.Exists(template))
        {
            stdout.WriteLine("3. Nạp biểu mẫu như văn phòng phường gửi / loading a template as a ward office fills it in Excel");
            office = LoadPipeline.Load(db, [template], options);
            LoadReportPrinter.Print(office, stdout);
            stdout.WriteLine();
        }

        var summary = new StringWriter();
        summary.WriteLine("Tóm tắt / summary");
        foreach (var (table, rows) in RowCounts(db))
            summary.WriteLine($"  raw.{table,-16} {VietnameseFormat.Number(rows),10} dòng / rows");
        var filesOk = loaded.Files.Count(f => !f.Refused);
        summary.WriteLine($"  Tệp mẫu đã nạp / sample files loaded: {filesOk}/{loaded.Files.Count}");
        if (refused is not null)
            summary.WriteLine($"  Tệp lỗi bị từ chối / broken files refused: {refused.Files.Count(f => f.Refused)}/{refused.Files.Count}");
        summary.WriteLine($"  Kho dữ liệu / warehouse: {dbPath}");
        summary.Write($"  Báo cáo nạp / load reports: {loadReport}{(brokenReport is null ? "" : ", " + brokenReport)}");

        // the demo goes on only when every sample loads and every broken file is refused without changing anything
        var ok = loaded.Ok && (refused is null || refused.Files.All(f => f.Refused)) && (office is null || office.Ok)
            && RowCounts(db).SequenceEqual(before);
        if (!ok) stdout.WriteLine(summary);
        db.Execute("checkpoint");
        return (ok, summary.ToString());
    }

    private static readonly string[] Tables =
        ["units", "tasks", "task_updates", "staffing", "admin_indices", "revenue", "revenue_targets", "grdp", "kpi_targets", "unit_standards"];

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
