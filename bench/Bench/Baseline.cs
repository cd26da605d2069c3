using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Bench;

/// <summary>The baseline: DuckDB's own read_csv of the same files, each into a table, in a fresh file.</summary>
public static class Baseline
{
    public static int ReadCsv(string db, string[] files)
    {
        foreach (var f in new[] { db, db + ".wal" }) File.Delete(f);
        using var c = new DuckDBConnection($"Data Source={db}");
        c.Open();
        var i = 0;
        foreach (var file in files)
            c.Execute($"create table t{i++} as select * from read_csv('{file.Replace("'", "''")}', header = true)");
        return 0;
    }
}
