using Analytics.Warehouse;

namespace Analytics.Cli.Commands;

public sealed class DoctorCommand : ICommand
{
    public string Name => "doctor";
    public string Summary => "kiểm tra tính toàn vẹn của kho dữ liệu / check a warehouse's integrity";
    public string Help => """
        analytics doctor --db FILE

        Kiểm tra kho dữ liệu (chỉ đọc): phiên bản lược đồ, nhật ký nạp khớp với các dòng dữ liệu,
        tham chiếu (đơn vị, đơn vị cấp trên không vòng lặp, đơn vị chủ trì, nhiệm vụ của báo cáo tiến độ)
        và các quy tắc nhất quán (khoản thu cha bằng tổng khoản con, biên chế, ngày hoàn thành).
        Checks a warehouse read-only: schema version, the load journal against the raw rows,
        references (units, parent cycles, lead units, tasks of progress reports) and the
        consistency rules of the catalogue (revenue parents equal their children, staffing, completed dates).

        Mã thoát / exit: 0 kho lành / healthy, 1 có vấn đề / problems found, 3 không mở được / cannot open.
        Ví dụ / example: analytics doctor --db kho.duckdb
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--db");
        var db = args.Required("--db");
        if (!File.Exists(db))
        {
            stderr.WriteLine($"Lỗi / error: không có kho dữ liệu / no warehouse at {db}");
            return ExitCode.Failure;
        }
        using var connection = WarehouseFile.Open(db, readOnly: true);
        var problems = WarehouseDoctor.Examine(connection);
        if (problems.Count == 0)
        {
            stdout.WriteLine($"Kho dữ liệu {db}: không phát hiện vấn đề nào / no problems found.");
            return ExitCode.Ok;
        }
        stdout.WriteLine($"Kho dữ liệu {db}: {problems.Count} vấn đề / {problems.Count} problems found:");
        foreach (var p in problems)
        {
            stdout.WriteLine($"- [{p.Check}] {p.Subject}");
            stdout.WriteLine($"    {p.ProblemVi}");
            stdout.WriteLine($"    / {p.ProblemEn}");
        }
        return ExitCode.Refused;
    }
}
