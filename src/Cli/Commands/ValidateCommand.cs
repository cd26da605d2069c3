using Analytics.Etl.Loading;

namespace Analytics.Cli.Commands;

public sealed class ValidateCommand : ICommand
{
    public string Name => "validate";
    public string Summary => "kiểm tra tệp dữ liệu, không ghi gì / check input files, writing nothing";
    public string Help => """
        analytics validate PATH... [--dataset NAME] [--locale vi] [--report FILE] [--db FILE]

        Kiểm tra các tệp như khi nạp (cột, kiểu, khóa, quy tắc, tham chiếu) nhưng không ghi vào kho nào.
        Runs every check of `load` without writing to any warehouse. Codes (units, tasks) are checked
        against the files given together, and against the warehouse if --db is given (read only).

          --dataset NAME   bộ dữ liệu cho mọi tệp (mặc định: theo tên tệp) / dataset for every file
          --locale vi      đọc số dạng Việt Nam (197.810; 134,2) / read numbers in the Vietnamese form
          --report FILE    ghi báo cáo dạng JSON / write the report as JSON
          --db FILE        đối chiếu mã với kho dữ liệu này (chỉ đọc) / check references against it

        Mã thoát / exit: 0 hợp lệ, 1 có lỗi, 2 sai cú pháp, 3 lỗi khác.
        Ví dụ / example: analytics validate units.csv staffing_2026.xlsx --report kiem_tra.json
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        string[] valueOptions = ["--db", "--dataset", "--locale", "--report"];
        args.AllowOnly(valueOptions);
        var dataset = args.Option("--dataset");
        LoadReportPrinter.CheckDataset(dataset);
        var db = args.Option("--db");
        if (db is not null && !File.Exists(db)) throw new UsageException($"không tìm thấy kho dữ liệu / warehouse not found: {db}");
        var options = new LoadOptions
        {
            Dataset = dataset,
            Locale = LoadReportPrinter.Locale(args),
            Progress = LoadReportPrinter.Progress(stderr),
        };
        var paths = LoadReportPrinter.Paths(args, valueOptions);
        var report = LoadPipeline.Validate(paths, options, db);
        LoadReportPrinter.Print(report, stdout, writesNothing: true);
        LoadReportPrinter.WriteJson(report, args.Option("--report"));
        return LoadReportPrinter.ExitFor(report);
    }
}
