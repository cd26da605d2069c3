using Analytics.Etl.Loading;
using Analytics.Warehouse;

namespace Analytics.Dashboard.Tests;

/// <summary>
/// A warehouse loaded with the acceptance examples (tests/fixtures/acceptance/examples: province 98,
/// Tỉnh Mẫu, with hand-computed values in expected.tsv), in a temporary folder.
/// </summary>
public sealed class LoadedWarehouse : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "analytics-dash-" + Guid.NewGuid().ToString("N")[..12]);
    public string DbPath => Path.Combine(Directory, "warehouse.duckdb");

    public LoadedWarehouse()
    {
        System.IO.Directory.CreateDirectory(Directory);
        using var c = WarehouseFile.OpenMigrated(DbPath);
        var report = LoadPipeline.Load(c, [Examples], new LoadOptions());
        if (!report.Ok) throw new InvalidOperationException("the acceptance examples did not load: " + report.ToJson());
    }

    public static string RepoRoot => RepoPaths.Root;

    public static string Examples => RepoPaths.AcceptanceExamples;

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
