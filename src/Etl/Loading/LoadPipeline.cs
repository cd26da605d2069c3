using Analytics.Warehouse;
using Analytics.Etl.Datasets;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// Loads input files (contracts/INPUTS.md) into the warehouse, or validates them without writing.
/// Each file loads whole or not at all in one transaction (with Partial: its valid rows), is
/// journalled in meta.loads, and is reported file by file. Folders load in dependency order:
/// units, then tasks, then task updates, then the rest.
/// </summary>
public static class LoadPipeline
{
    /// <summary>Loads into an open warehouse connection (migrating it first).</summary>
    public static LoadReport Load(DuckDBConnection warehouse, IEnumerable<string> paths, LoadOptions options)
    {
        WarehouseFile.Migrate(warehouse);
        var loader = new FileLoader(warehouse, options, writes: true, knownDatasets: null);
        var report = new LoadReport();
        foreach (var (path, spec) in Plan(paths, options.Dataset, report.NotRead))
            report.Files.Add(loader.Load(path, spec));
        return report;
    }

    /// <summary>
    /// Runs every check of Load without touching any warehouse: files are staged into an in-memory
    /// database. With warehousePath, references (units, tasks) and replaced/unchanged counts are
    /// checked against a read-only copy of that warehouse's rows; without it, only against the files
    /// of this run (a reference to a dataset not in the run is not checked, with a warning).
    /// </summary>
    public static LoadReport Validate(IEnumerable<string> paths, LoadOptions options, string? warehousePath = null)
    {
        var notRead = new List<NotReadFile>();
        var plan = Plan(paths, options.Dataset, notRead);
        using var memory = OpenScratch();
        if (warehousePath is not null)
        {
            if (!File.Exists(warehousePath)) throw new FileNotFoundException($"warehouse {warehousePath} does not exist", warehousePath);
            memory.Execute($"attach '{warehousePath.Replace("'", "''")}' as wh (read_only)");
            var tables = plan.Where(p => p.Dataset is not null).Select(p => p.Dataset!.Table).Append("units").Append("tasks").Distinct();
            foreach (var table in tables)
                memory.Execute($"insert into raw.{table} by name select * from wh.raw.{table}");
            memory.Execute("detach wh");
        }
        return ValidatePlan(memory, plan, options, warehouseKnown: warehousePath is not null, notRead);
    }

    /// <summary>
    /// Validate against a warehouse this process already has open (the dashboard's upload page):
    /// its units and tasks are copied into the in-memory database for the reference checks; the
    /// warehouse is only read. Replaced/unchanged counts are computed for units and tasks only.
    /// </summary>
    public static LoadReport Validate(DuckDBConnection warehouse, IEnumerable<string> paths, LoadOptions options)
    {
        var notRead = new List<NotReadFile>();
        var plan = Plan(paths, options.Dataset, notRead);
        using var memory = OpenScratch();
        foreach (var table in new[] { "units", "tasks" })
        {
            using var read = warehouse.CreateCommand();
            read.CommandText = $"select * from raw.{table}";
            using var rows = read.ExecuteReader();
            using var appender = memory.CreateAppender("raw", table);
            while (rows.Read())
            {
                var row = appender.CreateRow();
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    switch (rows.IsDBNull(i) ? null : rows.GetValue(i))
                    {
                        case null: row.AppendNullValue(); break;
                        case string v: row.AppendValue(v); break;
                        case long v: row.AppendValue(v); break;
                        case int v: row.AppendValue(v); break;
                        case double v: row.AppendValue(v); break;
                        case bool v: row.AppendValue(v); break;
                        case DateOnly v: row.AppendValue(v); break;
                        case DateTime v: row.AppendValue(DateOnly.FromDateTime(v)); break;
                        case var v: throw new InvalidOperationException($"raw.{table} column {rows.GetName(i)} has an unexpected type {v.GetType().Name}");
                    }
                }
                row.EndRow();
            }
        }
        return ValidatePlan(memory, plan, options, warehouseKnown: true, notRead);
    }

    private static DuckDBConnection OpenScratch()
    {
        var memory = new DuckDBConnection("Data Source=:memory:");
        memory.Open();
        WarehouseFile.Migrate(memory);
        return memory;
    }

    private static LoadReport ValidatePlan(DuckDBConnection memory, IReadOnlyList<(string Path, DatasetSpec? Dataset)> plan, LoadOptions options, bool warehouseKnown,
        List<NotReadFile> notRead)
    {
        var loader = new FileLoader(memory, options with { Partial = false }, writes: false, knownDatasets: warehouseKnown ? null : []);
        var report = new LoadReport();
        report.NotRead.AddRange(notRead);
        foreach (var (path, spec) in plan)
            report.Files.Add(loader.Load(path, spec));
        return report;
    }

    /// <summary>
    /// The files a run reads, in load order: folders expand to their .csv and .xlsx files (not
    /// rejects files or Excel lock files); the dataset comes from the option or the file name.
    /// Every other file of a folder goes to notRead with why: a table in a format the loader cannot
    /// read (.xls, .ods, .txt, …) blocks the run, anything else (a README, a PDF) does not.
    /// </summary>
    public static IReadOnlyList<(string Path, DatasetSpec? Dataset)> Plan(IEnumerable<string> paths, string? dataset, List<NotReadFile>? notRead = null)
    {
        var explicitSpec = dataset is null ? null
            : DatasetCatalog.ByName(dataset) ?? throw new ArgumentException(
                $"bộ dữ liệu không tồn tại / unknown dataset '{dataset}' (one of {string.Join(", ", DatasetCatalog.All.Select(d => d.Name))})");
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                foreach (var f in Directory.EnumerateFiles(p).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(f);
                    var extension = Path.GetExtension(f).ToLowerInvariant();
                    if (name.StartsWith("~$", StringComparison.Ordinal))
                        notRead?.Add(new NotReadFile(f, false, "tệp khóa tạm của Excel (tệp đang mở); không đọc", "Excel's lock file of an open workbook; not read"));
                    else if (f.EndsWith(".rejects.csv", StringComparison.OrdinalIgnoreCase))
                        notRead?.Add(new NotReadFile(f, false, "tệp các dòng bị loại của lần nạp trước; không đọc", "rejected rows of an earlier load; not read"));
                    else if (extension is ".csv" or ".xlsx") files.Add(f);
                    else if (TableSource.UnreadableTableExtensions.Contains(extension))
                        notRead?.Add(new NotReadFile(f, true,
                            $"định dạng {extension} không đọc được; hãy lưu lại tệp dạng .xlsx hoặc .csv (UTF-8) trong thư mục",
                            $"the {extension} format cannot be read; save the file as .xlsx or .csv (UTF-8) in the folder"));
                    else
                        notRead?.Add(new NotReadFile(f, false, "không phải tệp số liệu (.csv, .xlsx); không đọc", "not a data file (.csv, .xlsx); not read"));
                }
            }
            else if (File.Exists(p)) files.Add(p);
            else throw new FileNotFoundException($"không tìm thấy tệp hay thư mục / no such file or folder: {p}", p);
        }
        return files
            .Select(f => (Path: f, Dataset: explicitSpec ?? DatasetCatalog.FromFileName(f)))
            .OrderBy(x => x.Dataset?.Order ?? -1)
            .ThenBy(x => x.Path, StringComparer.Ordinal)
            .ToList();
    }
}
