using System.Reflection;
using System.Text;

namespace Analytics.Warehouse;

/// <summary>
/// The product's SQL, the files under sql/ embedded in this assembly by their path ("sql/metrics/tasks.sql").
/// Every layer reads its queries here, so one build carries one version of the schema and its queries.
/// </summary>
public static class SqlFiles
{
    private static readonly Assembly Embedded = typeof(SqlFiles).Assembly;

    public static bool Exists(string path) => Embedded.GetManifestResourceInfo(path) is not null;

    public static string Read(string path)
    {
        using var s = Embedded.GetManifestResourceStream(path)
            ?? throw new InvalidOperationException($"SQL file {path} is not embedded in {Embedded.GetName().Name}");
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }

    /// <summary>The .sql files under a folder ("sql/export/"), by path, in ordinal order.</summary>
    public static IReadOnlyList<string> Under(string folder) =>
        Embedded.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
}
