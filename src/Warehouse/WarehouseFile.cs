using System.Security.Cryptography;
using System.Text;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse;

/// <summary>
/// The embedded DuckDB warehouse file: opening it and bringing its schema up to date.
/// Versioned migrations (sql/migrations/NNN_*.sql) create tables and run once each, in order;
/// they are never edited once released and never drop data. Model files (sql/staging, sql/marts,
/// sql/metrics) define views and macros only; they are re-applied whenever their text changes,
/// in dependency order (each file names what it reads in a "-- reads:" line).
/// </summary>
public static class WarehouseFile
{

    public static DuckDBConnection Open(string dbPath, bool readOnly = false)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(dbPath));
        if (!string.IsNullOrEmpty(dir) && !readOnly) Directory.CreateDirectory(dir);
        var cs = readOnly ? $"Data Source={dbPath};ACCESS_MODE=READ_ONLY" : $"Data Source={dbPath}";
        var connection = new DuckDBConnection(cs);
        try
        {
            connection.Open();
        }
        catch (Exception e) when (WarehouseBusyException.IsLockConflict(e))
        {
            connection.Dispose();
            throw new WarehouseBusyException(dbPath, e);
        }
        return connection;
    }

    /// <summary>Opens (creating if needed) and migrates. Returns the open connection.</summary>
    public static DuckDBConnection OpenMigrated(string dbPath)
    {
        var connection = Open(dbPath);
        try
        {
            Migrate(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static MigrationResult Migrate(DuckDBConnection connection)
    {
        connection.Execute(SqlFiles.Read("sql/bootstrap.sql"));
        var applied = connection.Query<int>("select version from meta.schema_version").ToHashSet();
        var newly = new List<string>();
        foreach (var m in VersionedMigrations())
        {
            if (applied.Contains(m.Version)) continue;
            using var tx = connection.BeginTransaction();
            connection.Execute(m.Sql, transaction: tx);
            connection.Execute(
                "insert into meta.schema_version (version, name, checksum, applied_at) values ($version, $name, $checksum, now())",
                new { version = m.Version, name = m.Name, checksum = Sha256(m.Sql) }, tx);
            tx.Commit();
            newly.Add(m.Name);
        }

        var models = ModelFiles();
        var known = connection.Query<(string name, string checksum)>("select name, checksum from meta.model_version")
            .ToDictionary(r => r.name, r => r.checksum);
        var refreshed = new List<string>();
        if (models.Any(m => !known.TryGetValue(m.Name, out var c) || c != Sha256(m.Sql)))
        {
            // A changed model can change what a later one reads, so all are re-applied together.
            using var tx = connection.BeginTransaction();
            foreach (var m in models)
            {
                connection.Execute(m.Sql, transaction: tx);
                connection.Execute(
                    "insert or replace into meta.model_version (name, checksum, applied_at) values ($name, $checksum, now())",
                    new { name = m.Name, checksum = Sha256(m.Sql) }, tx);
                refreshed.Add(m.Name);
            }
            tx.Commit();
        }
        var version = connection.ExecuteScalar<int?>("select max(version) from meta.schema_version") ?? 0;
        return new MigrationResult(version, newly, refreshed);
    }

    /// <summary>Model files of this build that the warehouse does not hold in the same text: a read-only
    /// connection cannot re-apply them, and old macros would give old answers.</summary>
    public static IReadOnlyList<string> StaleModels(DuckDBConnection connection)
    {
        var applied = connection.Query<(string Name, string Checksum)>("select name, checksum from meta.model_version")
            .ToDictionary(m => m.Name, m => m.Checksum);
        return ModelFiles()
            .Where(m => !applied.TryGetValue(m.Name, out var checksum) || checksum != Sha256(m.Sql))
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static int LatestVersion => VersionedMigrations().Select(m => m.Version).DefaultIfEmpty(0).Max();

    private static IReadOnlyList<(int Version, string Name, string Sql)> VersionedMigrations() =>
        SqlFiles.Under("sql/migrations/")
            .Select(n =>
            {
                var file = Path.GetFileNameWithoutExtension(n);
                var version = int.Parse(file.Split('_')[0], System.Globalization.CultureInfo.InvariantCulture);
                return (version, file, SqlFiles.Read(n));
            })
            .OrderBy(m => m.version)
            .ToList();

    /// <summary>Model files in dependency order: layer first (staging, marts, metrics), then by "-- reads:" edges.</summary>
    internal static IReadOnlyList<(string Name, string Sql)> ModelFiles()
    {
        string[] layers = ["sql/staging/", "sql/marts/", "sql/metrics/"];
        var files = layers.SelectMany(SqlFiles.Under).ToDictionary(n => n, SqlFiles.Read);
        var provides = new Dictionary<string, string>(); // object name -> file
        foreach (var (name, sql) in files)
            foreach (var obj in HeaderList(sql, "-- defines:")) provides[obj] = name;

        var ordered = new List<string>();
        var state = new Dictionary<string, int>();
        void Visit(string n)
        {
            if (state.TryGetValue(n, out var s))
            {
                if (s == 1) throw new InvalidOperationException($"SQL models read each other in a cycle at {n}");
                return;
            }
            state[n] = 1;
            foreach (var dep in HeaderList(files[n], "-- reads:"))
                if (provides.TryGetValue(dep, out var f) && f != n) Visit(f);
            state[n] = 2;
            ordered.Add(n);
        }
        foreach (var n in files.Keys.OrderBy(n => Array.FindIndex(layers, l => n.StartsWith(l, StringComparison.Ordinal))).ThenBy(n => n, StringComparer.Ordinal))
            Visit(n);
        return ordered.Select(n => (n, files[n])).ToList();
    }

    private static IEnumerable<string> HeaderList(string sql, string prefix) =>
        sql.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .SelectMany(l => l[prefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    internal static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}

public sealed record MigrationResult(int SchemaVersion, IReadOnlyList<string> AppliedMigrations, IReadOnlyList<string> RefreshedModels);
