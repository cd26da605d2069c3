using Analytics.Warehouse;
using Analytics.Metrics;
using Analytics.Metrics.Export;

namespace Analytics.Cli.Commands;

public sealed class ExportCommand : ICommand
{
    public string Name => "export";
    public string Summary => "xuất kho dữ liệu ra Parquet phân vùng / export the warehouse as partitioned Parquet";
    public string Help => """
        analytics export --db FILE --format parquet --out DIR

        Xuất các bảng staging, marts và các chỉ tiêu (metrics.indicator_values) ra Parquet, phân vùng
        kiểu Hive theo tỉnh và năm (DIR/tasks/province=31/year=2025/…), để DuckDB, Trino hoặc Spark
        đọc được. DIR phải chưa có hoặc trống; chỉ khi xuất xong toàn bộ mới xuất hiện.
        Writes the staging tables, marts and metrics as Parquet partitioned by province and year
        (Hive layout). DIR must be new or empty; it appears only once everything is written.

        Đọc lại / read back: select * from read_parquet('DIR/tasks/**/*.parquet', hive_partitioning = true)
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--db", "--format", "--out");
        var db = args.Required("--db");
        var format = args.Required("--format");
        var outDir = args.Required("--out");
        if (format != "parquet")
            throw new UsageException($"--format chỉ hỗ trợ parquet / only parquet is supported (got \"{format}\")");
        if (!File.Exists(db)) throw new UsageException($"không thấy kho dữ liệu / no warehouse at {db}");
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
            throw new UsageException($"thư mục đích không trống / the output folder is not empty: {outDir}");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<ExportedObject> written;
        using (var connection = WarehouseFile.Open(db, readOnly: true))
            written = ParquetExport.Write(connection, outDir);
        stdout.WriteLine($"{"bảng / table",-22} {"dòng / rows",14} {"tệp / files",12} {"MB",10}");
        foreach (var o in written)
            stdout.WriteLine($"{o.Name,-22} {VietnameseFormat.Number(o.Rows),14} {VietnameseFormat.Number(o.Files),12} {VietnameseFormat.Number(o.Bytes / 1e6, 2),10}");
        stdout.WriteLine($"Đã xuất / exported {written.Count} bảng / tables to {outDir} " +
                         $"({VietnameseFormat.Number(written.Sum(o => o.Bytes) / 1e6, 1)} MB, {VietnameseFormat.Number(clock.Elapsed.TotalSeconds, 1)} s)");
        return ExitCode.Ok;
    }
}
