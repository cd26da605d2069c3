using System.Globalization;
using Analytics.Etl.Loading;
using Analytics.Warehouse;
using Analytics.Reports.Briefing;
using Analytics.Reports.Rendering;

namespace Analytics.Cli.Commands;

/// <summary>
/// The monthly run that cron or a systemd timer starts on the 20th (docs/OPERATIONS.md): load the
/// inbox folder, write the monthly report (PDF and Word) into a dated folder, list the communes
/// that have not sent their files for the month.
/// </summary>
public sealed class ScheduleCommand : ICommand
{
    public string Name => "schedule";
    public string Summary => "lần chạy hằng tháng (cron, systemd) / the monthly scheduled run";
    public string Help => """
        analytics schedule run --db FILE --inbox DIR --out DIR --unit CODE [--month YYYY-MM]
                               [--locale vi] [--number "Số 27-BC/TU"] [--signer-name TEXT]

        Một lần chạy hằng tháng (cron hoặc systemd timer gọi vào ngày 20, xem docs/OPERATIONS.md):
          1. nạp mọi tệp trong thư mục --inbox vào kho --db (tệp lỗi bị từ chối, không thay đổi gì;
             tệp đã nạp rồi thì không đổi gì), báo cáo nạp ghi vào thư mục ngày;
          2. ghi báo cáo tháng (PDF và bản Word .docx) của đơn vị --unit vào OUT/YYYY-MM-DD/
             (ngày số liệu: hôm nay nếu tháng chưa hết, ngày cuối tháng nếu đã hết);
          3. liệt kê các xã, phường chưa gửi phụ lục biên chế hoặc báo cáo tiến độ nhiệm vụ của
             tháng (in ra và ghi thieu-so-lieu-YYYY-MM.csv).
        --month mặc định là tháng hiện tại / defaults to the current month.
        One scheduled run: load the inbox, write the monthly PDF and DOCX into a dated folder, and
        report which communes have not sent their staffing or task file for the month.

        Mã thoát / exit: 0 xong, 1 có tệp trong inbox bị từ chối (báo cáo vẫn được ghi từ số liệu
        đã có / the reports are still written from what the warehouse holds), 2 sai cú pháp, 3 lỗi khác.
        Ví dụ / example:
          analytics schedule run --db /srv/analytics/kho.duckdb --inbox /srv/analytics/inbox --out /srv/analytics/bao-cao --unit 31
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        string[] valueOptions = ["--db", "--inbox", "--out", "--unit", "--month", "--locale", "--number", "--signer-name"];
        args.AllowOnly(valueOptions);
        var verb = args.Positionals(valueOptions);
        if (verb is not ["run"])
            throw new UsageException($"cần lệnh con run / the subcommand is run (got \"{string.Join(" ", verb)}\")");
        var db = args.Required("--db");
        var inbox = args.Required("--inbox");
        var outRoot = args.Required("--out");
        var unit = args.Required("--unit").Trim();
        if (!Directory.Exists(inbox)) throw new UsageException($"không tìm thấy thư mục inbox / inbox folder not found: {inbox}");
        var period = MonthlyReport.ParseMonth(args.Option("--month"), MonthlyReport.Today);
        var options = new BriefingOptions
        {
            Number = args.Option("--number") ?? new BriefingOptions().Number,
            SignerName = args.Option("--signer-name") ?? "",
        };
        var folder = Path.Combine(outRoot, period.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        stdout.WriteLine($"Báo cáo tháng {period.Name} / monthly run for {period.Year}-{period.Month:00}, số liệu đến / as of {period.AsOf:yyyy-MM-dd}: {folder}");

        // 1. load the inbox (a writable connection, closed before the read-only reports: DuckDB opens a
        // file in one access mode per process)
        bool loadOk;
        using (var connection = WarehouseFile.OpenMigrated(db))
        {
            var report = LoadPipeline.Load(connection, [inbox], new LoadOptions
            {
                Locale = LoadReportPrinter.Locale(args),
                RejectsDirectory = folder,
                Progress = LoadReportPrinter.Progress(stderr),
            });
            LoadReportPrinter.Print(report, stdout);
            LoadReportPrinter.WriteJson(report, Path.Combine(folder, "load_report.json"));
            loadOk = report.Ok;
        }

        // 2. and 3. the report and the missing files, from what the warehouse now holds
        var scope = new ReviewScope(db, unit, period.AsOf);
        using (var connection = scope.OpenReadOnly())
        {
            scope.RequireUnit(new Analytics.Metrics.MetricsService(connection));
            var written = MonthlyReport.Write(connection, unit, period, options, folder, new PdfRenderer());
            var missingCsv = Path.Combine(folder, $"thieu-so-lieu-{period.Year}-{period.Month:00}.csv");
            MonthlyReport.WriteMissingCsv(written.Data, missingCsv);
            stdout.WriteLine($"Đã ghi / wrote {written.Pdf} ({written.Pages} trang / pages), {written.Docx}, {missingCsv}");
            MonthlyReport.PrintMissing(written.Data, stdout);
        }
        if (!loadOk)
            stderr.WriteLine("Có tệp trong inbox bị từ chối, xem load_report.json / some inbox files were refused, see load_report.json");
        return loadOk ? ExitCode.Ok : ExitCode.Refused;
    }
}
