using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Bench;

/// <summary>The baseline: DuckDB's own read_csv of the same files, each into a table (types detected from the whole file), in a fresh file.</summary>
public static class Baseline
{
    public static int ReadCsv(string db, string[] files)
    {
        foreach (var f in new[] { db, db + ".wal" }) File.Delete(f);
        using var c = new DuckDBConnection($"Data Source={db}");
        c.Open();
        var i = 0;
        foreach (var file in files)
            // types detected from the whole file: on the national files the default 20,480-row sample
            // types a column that a later row does not fit (staffing_11.csv), and the read fails
            c.Execute($"create table t{i++} as select * from read_csv('{file.Replace("'", "''")}', header = true, sample_size = -1)");
        return 0;
    }
}
