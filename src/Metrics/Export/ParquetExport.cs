using Analytics.Warehouse;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Metrics.Export;

/// <summary>One exported table or view: its folder in the lake, the rows written and the Parquet files.</summary>
public sealed record ExportedObject(string Name, long Rows, int Files, long Bytes);

/// <summary>
/// Writes the warehouse's staging tables, marts and metrics as a Parquet lake, Hive-partitioned by
/// province and year (`tasks/province=31/year=2025/data_0.parquet`), so DuckDB, Trino or Spark read
/// it with hive partitioning. The statements are the files of sql/export (run in name order);
/// the lake is written beside the target and moved into place only when every file succeeded.
/// </summary>
public static class ParquetExport
{
    private const string Prefix = "sql/export/";

    public static IReadOnlyList<ExportedObject> Write(DuckDBConnection connection, string outDir)
    {
        var target = Path.GetFullPath(outDir);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new IOException($"thư mục đích không trống / the output folder is not empty: {target}");
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Environment.ProcessId}");
        if (Directory.Exists(staging)) Directory.Delete(staging, true);
        Directory.CreateDirectory(staging);
        try
        {
            var written = new List<ExportedObject>();
            foreach (var (name, sql) in Statements())
            {
                var text = sql.Replace("{lake}", staging.Replace("'", "''"), StringComparison.Ordinal);
                if (!text.Contains("copy", StringComparison.OrdinalIgnoreCase))
                {
                    connection.Execute(text); // session helpers (temp macros)
                    continue;
                }
                // an unpartitioned COPY writes one file, whose folder must exist
                if (!text.Contains("partition_by", StringComparison.OrdinalIgnoreCase)) Directory.CreateDirectory(Path.Combine(staging, name));
                var rows = connection.Execute(text);
                var files = Directory.GetFiles(Path.Combine(staging, name), "*.parquet", SearchOption.AllDirectories);
                written.Add(new ExportedObject(name, rows, files.Length, files.Sum(f => new FileInfo(f).Length)));
            }
            if (Directory.Exists(target)) Directory.Delete(target);
            Directory.Move(staging, target);
            return written;
        }
        catch
        {
            Directory.Delete(staging, true);
            throw;
        }
    }

    /// <summary>The export statements in run order: file name without extension, SQL text.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Statements() =>
        SqlFiles.Under(Prefix)
            .Select(n => (Path.GetFileNameWithoutExtension(n[Prefix.Length..]), SqlFiles.Read(n)))
            .ToList();
}
