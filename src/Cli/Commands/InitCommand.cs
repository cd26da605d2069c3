using Analytics.Warehouse;

namespace Analytics.Cli.Commands;

public sealed class InitCommand : ICommand
{
    public string Name => "init";
    public string Summary => "tạo kho dữ liệu hoặc cập nhật lược đồ / create the warehouse or migrate its schema";
    public string Help => """
        analytics init --db FILE

        Tạo kho dữ liệu DuckDB tại FILE, hoặc đưa lược đồ lên phiên bản mới nhất.
        Creates the DuckDB warehouse at FILE or brings its schema up to date
        (versioned migrations; never drops data).
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--db");
        var db = args.Required("--db");
        using var connection = WarehouseFile.Open(db);
        var result = WarehouseFile.Migrate(connection);
        stdout.WriteLine(result.AppliedMigrations.Count == 0
            ? $"Kho dữ liệu {db} đã ở phiên bản lược đồ {result.SchemaVersion} / already at schema version {result.SchemaVersion}."
            : $"Kho dữ liệu {db}: áp dụng {string.Join(", ", result.AppliedMigrations)}; phiên bản lược đồ {result.SchemaVersion} / schema version {result.SchemaVersion}.");
        return ExitCode.Ok;
    }
}
