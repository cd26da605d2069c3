using Analytics.Warehouse;

namespace Analytics.Cli.Tests;

/// <summary>
/// A warehouse in a temporary folder filled with Fixtures/small_province.sql, and the command line
/// run on it as a user runs it (exit status, stdout, stderr). Dispose deletes the folder.
/// </summary>
public abstract class SmallProvince : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cli-small-" + Guid.NewGuid().ToString("N"));
    protected string Dir => _dir;
    protected string Db => Path.Combine(_dir, "w.duckdb");

    protected SmallProvince()
    {
        Directory.CreateDirectory(_dir);
        using var connection = WarehouseFile.OpenMigrated(Db);
        using var command = connection.CreateCommand();
        command.CommandText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "small_province.sql"));
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    protected static (int Exit, string Out, string Err) Run(params string[] argv)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(argv, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
