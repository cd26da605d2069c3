using Analytics.Etl.Loading;
using Analytics.Warehouse;

namespace Analytics.Cli.Commands;

public sealed class LoadCommand : ICommand
{
    public string Name => "load";
    public string Summary => "nạp tệp dữ liệu vào kho / load input files into the warehouse";
    public string Help => """
        analytics load --db FILE PATH... [--dataset NAME] [--partial] [--locale vi] [--report FILE]

        Nạp các tệp CSV/XLSX (hoặc thư mục) vào kho dữ liệu theo mẫu INPUTS.md. Mỗi tệp được nạp
        trọn vẹn hoặc không nạp gì; thư mục nạp theo thứ tự units → tasks → task_updates → còn lại.
        Loads CSV/XLSX files or folders per INPUTS.md; each file loads whole or not at all.

          --db FILE        kho dữ liệu DuckDB (tạo mới và cập nhật lược đồ nếu cần) / the warehouse
          --dataset NAME   bộ dữ liệu cho mọi tệp (mặc định: theo tên tệp) / dataset for every file
          --partial        nạp các dòng hợp lệ, ghi các dòng bị loại ra tệp .rejects.csv
                           / load the valid rows, write refused rows to a .rejects.csv file
          --locale vi      đọc số dạng Việt Nam (197.810; 134,2) / read numbers in the Vietnamese form
          --report FILE    ghi báo cáo nạp dạng JSON / write the load report as JSON

        Mã thoát / exit: 0 tất cả đã nạp, 1 có tệp hoặc dòng bị từ chối, 2 sai cú pháp, 3 lỗi khác.
        Ví dụ / example: analytics load --db kho.duckdb du_lieu/ --report bao_cao_nap.json
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        string[] valueOptions = ["--db", "--dataset", "--locale", "--report"];
        args.AllowOnly([.. valueOptions, "--partial"]);
        var db = args.Required("--db");
        var dataset = args.Option("--dataset");
        LoadReportPrinter.CheckDataset(dataset);
        var reportPath = args.Option("--report");
        var options = new LoadOptions
        {
            Dataset = dataset,
            Locale = LoadReportPrinter.Locale(args),
            Partial = args.Flag("--partial"),
            RejectsDirectory = Path.GetDirectoryName(Path.GetFullPath(reportPath ?? db)),
            Progress = LoadReportPrinter.Progress(stderr),
        };
        var paths = LoadReportPrinter.Paths(args, valueOptions);
        using var connection = WarehouseFile.OpenMigrated(db);
        var report = LoadPipeline.Load(connection, paths, options);
        LoadReportPrinter.Print(report, stdout);
        LoadReportPrinter.WriteJson(report, reportPath);
        return LoadReportPrinter.ExitFor(report);
    }
}
