using System.Diagnostics;
using System.Globalization;
using Analytics.Metrics;
using Analytics.Reports.Briefing;
using Analytics.Reports.Charts;
using Analytics.Reports.Rendering;

namespace Analytics.Cli.Commands;

public sealed class ReportCommand : ICommand
{
    public string Name => "report";
    public string Summary => "báo cáo PDF và bộ biểu đồ / PDF briefings and figure packs";
    public string Help => """
        analytics report --db FILE --unit CODE --as-of DATE --out DIR [--kind briefing|word|commune|figures]
                         [--number 27-BC/TU] [--issued DATE] [--signer-name TEXT] [--signer-title TEXT]
                         [--superior-body TEXT] [--issuing-body TEXT] [--place TEXT]
        analytics report --db FILE --unit CODE --kind monthly --month YYYY-MM --out DIR

        --number 27-BC/TU    số văn bản; không có thì để trống "Số    -BC/TU" cho văn phòng điền.
                             The document number; without it the number is left blank to fill in.
        --issued 2026-06-05  ngày ban hành ("ngày 05 tháng 6 năm 2026"); không có thì để trống ngày,
                             tháng. The issue date; without it day and month are left blank.
                             (--date is the same option, kept for old scripts.)
        --signer-name TEXT   họ tên người ký / the signer's name (default: blank, room to sign)
        --signer-title TEXT  chức vụ người ký / the signer's title (default "BÍ THƯ")
        Cơ quan ban hành theo loại đơn vị: "THÀNH ỦY HẢI PHÒNG", "TỈNH ỦY …", với xã, phường
        "ĐẢNG BỘ THÀNH PHỐ …" / "ĐẢNG ỦY PHƯỜNG …". The issuing body follows the unit's kind.

        --kind briefing  (mặc định / default) báo cáo gửi lãnh đạo theo thể thức văn bản của Đảng:
                         trang chỉ tiêu chủ yếu, từng lĩnh vực kèm biểu đồ, danh sách đơn vị chậm
                         tiến độ, toàn bộ nhiệm vụ quá hạn. The leadership briefing (PDF).
        --kind word      bản dự thảo Word (.docx) của cùng báo cáo đó để Ban Tổ chức chỉnh sửa
                         câu chữ trước khi trình ký. The same briefing as an editable Word draft.
        --kind monthly   báo cáo tháng (Kết luận 183): mỗi lĩnh vực một trang, kết quả tháng so với
                         tháng trước và cùng kỳ, đơn vị giảm so với tháng trước, nhiệm vụ đến hạn
                         tháng sau, xã chưa gửi số liệu; PDF và bản Word. --month thay --as-of
                         (tháng chưa hết: số liệu đến hôm nay). The monthly report, PDF and .docx.
        --kind commune   bản tóm tắt một trang cho một xã, phường; với mã của tỉnh/thành phố thì
                         làm cho mọi xã, phường trực thuộc. One-page commune brief(s).
        --kind figures   bộ biểu đồ PNG (1920×1080 và bản in 300 dpi), SVG và trang tổng hợp.
                         The figure pack: PNG, SVG and a contact sheet.

        Ví dụ / example:
          analytics report --db kho.duckdb --unit 31 --as-of 2025-12-31 --out out/
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--db", "--unit", "--as-of", "--out", "--kind", "--number", "--superior-body", "--issuing-body", "--place", "--date", "--issued", "--signer-name", "--signer-title", "--month");
        // the monthly report takes a month instead of a date
        var month = args.Option("--kind") == "monthly" ? MonthlyReport.ParseMonth(args.Required("--month"), MonthlyReport.Today) : null;
        if (month is not null && args.Option("--as-of") is not null)
            throw new UsageException("--kind monthly nhận --month, không nhận --as-of / --kind monthly takes --month, not --as-of");
        if (month is null && args.Option("--month") is not null)
            throw new UsageException("--month chỉ dùng với --kind monthly / --month is for --kind monthly only");
        var scope = month is null ? ReviewScope.Parse(args) : new ReviewScope(args.Required("--db"), args.Required("--unit").Trim(), month.AsOf);
        var unit = scope.UnitCode;
        var asOf = scope.AsOf;
        var outDir = args.Required("--out");
        var kind = args.Option("--kind") ?? "briefing";
        if (kind is not ("briefing" or "word" or "monthly" or "commune" or "figures"))
            throw new UsageException($"--kind phải là briefing, word, monthly, commune hoặc figures / --kind must be briefing, word, monthly, commune or figures (got \"{kind}\")");
        if (args.Option("--issued") is not null && args.Option("--date") is not null)
            throw new UsageException("--issued và --date là một / --issued and --date are the same option: give one");
        var options = new BriefingOptions
        {
            Number = args.Option("--number"),
            SuperiorBody = args.Option("--superior-body"),
            IssuingBody = args.Option("--issuing-body"),
            Place = args.Option("--place"),
            Issued = (args.Option("--issued") ?? args.Option("--date")) is { } d ? ReviewScope.ParseDate(d) : null,
            SignerName = args.Option("--signer-name") ?? "",
            SignerTitle = args.Option("--signer-title") ?? "BÍ THƯ",
        };
        Directory.CreateDirectory(outDir);

        using var connection = scope.OpenReadOnly();
        // Commune briefs: every commune's figures from one set-based query per date (the file is open
        // read-only for this command, so nothing changes under the held values); one unit: its own queries.
        var metrics = kind == "commune" ? new SnapshotMetricsService(connection, new SnapshotValues()) : new MetricsService(connection);
        scope.RequireUnit(metrics);
        var renderer = new PdfRenderer();
        var clock = Stopwatch.StartNew();
        var stamp = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        switch (kind)
        {
            case "briefing":
            {
                var doc = BriefingBuilder.Build(metrics, unit, asOf, options);
                var path = Path.Combine(outDir, $"bao-cao-{unit}-{stamp}.pdf");
                int pages;
                using (var file = File.Create(path)) pages = renderer.Render(doc, file);
                stdout.WriteLine($"Đã ghi / wrote {path} ({pages} trang / pages, {clock.ElapsedMilliseconds} ms)");
                break;
            }
            case "word":
            {
                var doc = BriefingBuilder.Build(metrics, unit, asOf, options);
                var path = Path.Combine(outDir, $"bao-cao-{unit}-{stamp}.docx");
                using (var file = File.Create(path)) new DocxRenderer(renderer.Theme.Fonts).Render(doc, file);
                stdout.WriteLine($"Đã ghi / wrote {path} (bản Word để chỉnh sửa / Word draft, {clock.ElapsedMilliseconds} ms)");
                break;
            }
            case "monthly":
            {
                var written = MonthlyReport.Write(connection, unit, month!, options, outDir, renderer);
                stdout.WriteLine($"Đã ghi / wrote {written.Pdf} ({written.Pages} trang / pages) và / and {written.Docx} ({clock.ElapsedMilliseconds} ms)");
                MonthlyReport.PrintMissing(written.Data, stdout);
                break;
            }
            case "commune":
            {
                // A province's commune briefs are for its communes (xã, phường, đặc khu), not its departments.
                var communes = metrics.Children(unit).Where(u => u.Type is "xa" or "phuong" or "dac_khu").ToList();
                var units = communes.Count > 0 ? communes : [metrics.Unit(unit)!];
                // The numbers come from the held values over the one connection; the PDFs are made in parallel.
                var docs = units.Select(u => (u.Code, Doc: CommuneBriefContent.Build(BriefingBuilder.Gather(metrics, u.Code, asOf), options))).ToList();
                Parallel.ForEach(docs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, d =>
                {
                    using var file = File.Create(Path.Combine(outDir, $"tom-tat-{d.Code}-{stamp}.pdf"));
                    renderer.Render(d.Doc, file);
                });
                var booklet = Path.Combine(outDir, $"tom-tat-{unit}-{stamp}-tap-hop.pdf");
                if (docs.Count > 1)
                {
                    var province = metrics.Unit(unit)!;
                    using var file = File.Create(booklet);
                    var names = units.ToDictionary(u => u.Code, u => u.Name);
                    renderer.RenderBooklet(CommuneBooklet.Build(province.Name, asOf, docs.Select(d => (names[d.Code], d.Code, d.Doc)).ToList(), options), file);
                }
                stdout.WriteLine($"Đã ghi / wrote {units.Count} bản tóm tắt / commune briefs to {outDir}" + (docs.Count > 1 ? $", and all of them in one booklet {booklet}" : "") + $" ({clock.ElapsedMilliseconds} ms)");
                break;
            }
            default:
            {
                var data = BriefingBuilder.Gather(metrics, unit, asOf);
                var dir = Path.Combine(outDir, $"bieu-do-{unit}-{stamp}");
                var written = FigurePack.Write(FigurePack.For(data), dir, renderer.Theme.Fonts, $"Nguồn: kho dữ liệu Analytics, {data.UnitName}, số liệu đến {VietnameseFormat.Date(asOf)}.");
                stdout.WriteLine($"Đã ghi / wrote {written.Count} biểu đồ / figures (PNG, SVG) and contact-sheet.png to {dir} ({clock.ElapsedMilliseconds} ms)");
                break;
            }
        }
        return ExitCode.Ok;
    }
}
