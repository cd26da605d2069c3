using Analytics.Dashboard;

namespace Analytics.Cli.Commands;

public sealed class ServeCommand : ICommand
{
    public string Name => "serve";
    public string Summary => "bảng điều khiển KPI trên trình duyệt / the KPI dashboard in the browser";
    public string Help => """
        analytics serve --db FILE [--urls URL] [--tokens FILE]

        Chạy bảng điều khiển KPI tại http://127.0.0.1:5080 (chỉ trên máy này).
        Runs the KPI dashboard, by default on http://127.0.0.1:5080 (this machine only).
        The server reads a private snapshot copy of the warehouse, never the file itself, so
        `analytics load` runs while it serves; it switches to the new data after each load.

          --urls URL      địa chỉ lắng nghe / where to listen, e.g. http://127.0.0.1:8080
                          ngoài loopback cần --tokens / beyond loopback needs --tokens
          --tokens FILE   mã truy cập, mỗi dòng "ROLE TOKEN [UNIT]" (viewer, analyst, loader, admin)
                          access tokens, one per line "ROLE TOKEN [UNIT]"

        Ví dụ / example:
          analytics serve --db out/warehouse.duckdb
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--db", "--urls", "--tokens");
        var db = args.Required("--db");
        if (!File.Exists(db))
        {
            stderr.WriteLine($"Không tìm thấy kho dữ liệu / warehouse not found: {db} (chạy/run `analytics init --db {db}` hoặc/or `analytics demo`)");
            return ExitCode.Failure;
        }
        var options = new DashboardOptions(db)
        {
            Urls = args.Option("--urls") ?? DashboardOptions.DefaultUrls,
            TokensFile = args.Option("--tokens"),
        };
        try
        {
            DashboardApp.Run(options, urls =>
                stdout.WriteLine($"Bảng điều khiển đang chạy tại / dashboard running at {string.Join(", ", urls)} (Ctrl+C để dừng / to stop)"));
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Từ chối", StringComparison.Ordinal))
        {
            stderr.WriteLine(e.Message);
            return ExitCode.Refused;
        }
        return ExitCode.Ok;
    }
}
