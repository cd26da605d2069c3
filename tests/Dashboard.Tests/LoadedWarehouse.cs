using Analytics.Etl.Loading;
using Analytics.Etl.Warehouse;

namespace Analytics.Dashboard.Tests;

/// <summary>
/// A warehouse loaded with the acceptance examples (../shared/acceptance/examples: province 98,
/// Tỉnh Mẫu, with hand-computed values in expected.tsv), in a temporary folder.
/// </summary>
public sealed class LoadedWarehouse : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "analytics-dash-" + Guid.NewGuid().ToString("N")[..12]);
    public string DbPath => Path.Combine(Directory, "warehouse.duckdb");

    public LoadedWarehouse()
    {
        System.IO.Directory.CreateDirectory(Directory);
        using var c = Warehouse.OpenMigrated(DbPath);
        var report = LoadPipeline.Load(c, [Examples], new LoadOptions());
        if (!report.Ok) throw new InvalidOperationException("the acceptance examples did not load: " + report.ToJson());
    }

    public static string RepoRoot { get; } = FindRoot();

    public static string Shared { get; } = FindShared();

    public static string Examples => Path.Combine(Shared, "acceptance", "examples");

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Analytics.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("Analytics.sln not found above the test binaries");
    }

    private static string FindShared()
    {
        for (var d = new DirectoryInfo(RepoRoot); d is not null; d = d.Parent)
        {
            var s = Path.Combine(d.FullName, "shared");
            if (System.IO.Directory.Exists(Path.Combine(s, "acceptance"))) return s;
        }
        throw new DirectoryNotFoundException("the shared folder (acceptance examples) was not found above " + RepoRoot);
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
