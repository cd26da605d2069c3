using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.Etl.Datasets;
using Analytics.Etl.Input;
using Dapper;
using DuckDB.NET.Data;
using Analytics.Warehouse;

namespace Analytics.Etl.Loading;

/// <summary>
/// Loads one file: streams its records through the column parsers and row rules into a temporary
/// staging table (DuckDB appender), runs the set-based checks of sql/load over it, then in one
/// transaction journals the file and merges the new and corrected rows into the raw table.
/// </summary>
internal sealed class FileLoader(DuckDBConnection connection, LoadOptions options, bool writes, HashSet<string>? knownDatasets)
{
    public FileReport Load(string path, DatasetSpec? spec)
    {
        var started = DateTime.UtcNow;
        var report = new FileReport(path, spec?.Name ?? "unknown") { MaxListed = options.MaxErrorsListed };
        // a CSV the SQL read path may take is hashed in the same pass that checks it can
        var scan = spec is not null && options.SqlCsvPath && SqlCsvStage.Covers(spec) && CsvDelimiter(path) is { } delimiter
            ? CsvFileScan.Of(path, delimiter) : null;
        report.Sha256 = scan?.Sha256 ?? Sha256Of(path);
        report.PhaseSeconds["scan"] = (DateTime.UtcNow - started).TotalSeconds;
        var rejected = new RejectedRows(keepReasons: options.Partial && writes);
        string? sheet = null;
        int? sheetIndex = null;
        var readable = false;
        try
        {
            if (spec is null)
            {
                report.AddError(new LoadIssue(null, null, null, Path.GetFileName(path),
                    $"không xác định được bộ dữ liệu từ tên tệp; tên tệp phải bắt đầu bằng {string.Join(", ", DatasetCatalog.All.Select(d => d.Name))}, hoặc dùng --dataset",
                    $"cannot tell the dataset from the file name; it must start with {string.Join(", ", DatasetCatalog.All.Select(d => d.Name))}, or use --dataset"));
            }
            else if (scan is not null && StageBySql(path, spec, scan, report))
            {
                var clock = Stopwatch.StartNew();
                RunSetChecks(spec, report, null, rejected);
                report.PhaseSeconds["checks"] = clock.Elapsed.TotalSeconds;
                readable = true;
            }
            else
            {
                using var source = TableSource.Open(path, spec, report);
                if (source is not null)
                {
                    report.ReadPath ??= "records";
                    sheet = source.Sheet;
                    sheetIndex = source.IsCsv ? null : source.SheetIndex;
                    var clock = Stopwatch.StartNew();
                    Stage(spec, source, report, rejected);
                    report.PhaseSeconds["read"] = clock.Elapsed.TotalSeconds;
                    clock.Restart();
                    RunSetChecks(spec, report, sheet, rejected);
                    report.PhaseSeconds["checks"] = clock.Elapsed.TotalSeconds;
                    readable = true;
                }
            }
        }
        catch (InputFormatException e)
        {
            report.AddFileError(new LoadIssue(e.Line, e.Sheet, null, e.Value, e.ReasonVi, e.ReasonEn));
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException)
        {
            // a damaged workbook part or zip entry, met while streaming its rows
            report.AddError(new LoadIssue(null, sheet, null, null,
                $"bảng tính bị hỏng, không đọc được: {e.Message}", $"the workbook is damaged and cannot be read: {e.Message}"));
        }

        report.Rejected = rejected.Count;
        var refuse = !readable || (rejected.Count > 0 && !options.Partial);
        if (refuse)
        {
            connection.Execute("drop table if exists temp.main.stage");
            report.Outcome = LoadOutcome.Refused;
            if (writes) Journal(report, started, sheet, null);
            return report;
        }

        var mergeClock = Stopwatch.StartNew();
        var counts = ClassifyChanges(spec!);
        report.PhaseSeconds["classify"] = mergeClock.Elapsed.TotalSeconds;
        report.Inserted = counts.GetValueOrDefault("inserted");
        report.Replaced = counts.GetValueOrDefault("replaced");
        report.Unchanged = counts.GetValueOrDefault("unchanged");
        report.Outcome = !writes ? LoadOutcome.Valid
            : rejected.Count > 0 ? LoadOutcome.Partial
            : report.RowsRead > 0 && report.Inserted + report.Replaced == 0 ? LoadOutcome.Unchanged
            : LoadOutcome.Loaded;

        // validate keeps (in its in-memory copy) only what later files of the run look up
        if (writes || spec!.Name is "units" or "tasks")
        {
            using var tx = connection.BeginTransaction();
            var loadId = writes ? Journal(report, started, sheet, tx) : 0;
            connection.Execute(Template("sql/load/merge.sql", spec!).Replace("{{or_replace}}", report.Replaced > 0 ? "or replace" : ""),
                new { load_id = loadId, sheet }, tx);
            FaultPoint.Reach("before-commit");
            tx.Commit();
            FaultPoint.Reach("after-commit");
            if (writes) report.LoadId = loadId;
        }
        report.PhaseSeconds["merge"] = mergeClock.Elapsed.TotalSeconds;
        knownDatasets?.Add(spec!.Name);
        connection.Execute("drop table if exists temp.main.staged; drop table if exists temp.main.stage");

        if (writes && rejected.Count > 0)
            report.RejectsFile = WriteRejects(path, spec!, sheetIndex, rejected);
        return report;
    }

    // ---- staging ----

    private bool StageBySql(string path, DatasetSpec spec, CsvFileScan scan, FileReport report)
    {
        var clock = Stopwatch.StartNew();
        connection.Execute(Template("sql/load/stage_create.sql", spec));
        var sql = new SqlCsvStage(connection, options);
        if (!sql.TryStage(path, spec, scan, report))
        {
            report.ReadPath = $"records ({sql.FallbackReason})";
            return false;
        }
        report.ReadPath = "sql";
        report.PhaseSeconds["read"] = clock.Elapsed.TotalSeconds;
        if (options.Progress is not null && report.RowsRead >= Math.Max(1, options.ProgressEvery)) options.Progress(report.File, report.RowsRead);
        return true;
    }

    /// <summary>The delimiter of a CSV file's header, or null when it is a workbook or has no readable header.</summary>
    private static char? CsvDelimiter(string path)
    {
        if (TableSource.IsWorkbook(path)) return null;
        try
        {
            using var csv = CsvTableReader.Open(path);
            return csv.Header is null ? null : csv.Delimiter;
        }
        catch (Exception e) when (e is InputFormatException or IOException) { return null; }
    }

    private void Stage(DatasetSpec spec, TableSource source, FileReport report, RejectedRows rejected)
    {
        connection.Execute(Template("sql/load/stage_create.sql", spec));
        var stageColumns = connection.Query<(string Name, string Type)>(
            "select column_name, data_type from duckdb_columns() where database_name = 'temp' and table_name = 'stage' order by column_index").ToList();

        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in spec.Columns) slots[c.Name] = slots.Count;
        foreach (var d in spec.DerivedColumns) slots[d] = slots.Count;
        var writers = stageColumns.Take(stageColumns.Count - 1)
            .Select(c => (Slot: slots.TryGetValue(c.Name, out var s) ? s : throw new InvalidOperationException($"raw.{spec.Table}.{c.Name} has no column or derived value in dataset {spec.Name}"),
                          Append: ValueAppender(c.Type)))
            .ToArray();

        var map = source.Map;
        var context = new RowContext(slots, spec.Columns.Length);
        var totals = new TotalRows(spec, options.Locale);
        var dotted = new DottedNumbers(spec, options.Locale);
        var progressEvery = Math.Max(1, options.ProgressEvery);
        using (var appender = connection.CreateAppender("temp", "main", "stage"))
        {
            foreach (var record in source.Records())
            {
                if (record.Role == RowRole.GroupStart) { totals.StartGroup(record.Line); continue; }
                if (record.Role == RowRole.Total)
                {
                    totals.Check(record, map, report, rejected);
                    continue;
                }
                report.RowsRead++;
                totals.Track(record.Line);
                if (options.Progress is not null && report.RowsRead % progressEvery == 0) options.Progress(report.File, report.RowsRead);
                if (!ReadRow(source, record, report, rejected)) { totals.Spoilt(); continue; }
                context.Reset();
                for (var i = 0; i < spec.Columns.Length; i++)
                {
                    var f = map.FileColumn[i];
                    if (f >= 0 && f < record.Cells.Length) context.Cells[i] = record.Cells[f];
                }
                for (var i = 0; i < spec.Columns.Length; i++)
                {
                    var column = spec.Columns[i];
                    var cell = context.Cells[i];
                    if (cell.IsEmpty)
                    {
                        if (column.Required)
                            context.Error(column.Name, "cột bắt buộc, không được để trống", "required, must not be empty");
                        continue;
                    }
                    if (cell.Text.Contains('\0'))
                    {
                        // DuckDB's appender ends a string at a NUL byte: refuse rather than store a cut value
                        var at = cell.Text.IndexOf('\0');
                        context.Error(column.Name, $"ô chứa ký tự NUL (byte 0) ở vị trí {at + 1}; tệp hỏng hoặc không phải văn bản",
                            $"the cell holds a NUL character (byte 0) at position {at + 1}; the file is damaged or not text");
                        continue;
                    }
                    context.Values[i] = ValueParser.Parse(column, cell, options.Locale, out var problem);
                    if (problem is { } p) context.Error(column.Name, p.ReasonVi, p.ReasonEn);
                    else if (column.Type == ColumnType.Decimal) dotted.See(i, record, cell);
                }
                spec.RowRule?.Invoke(context);
                foreach (var (column, value, vi, en, isError) in context.Problems)
                {
                    var issue = new LoadIssue(record.Line, record.Sheet, column, value, vi, en);
                    if (isError) { report.AddError(issue); Reject(rejected, record.Line, issue); }
                    else report.AddWarning(issue);
                }
                if (context.HasErrors) { totals.Spoilt(); continue; }
                totals.Add(context.Values);
                var row = appender.CreateRow();
                foreach (var (slot, append) in writers) append(row, context.Values[slot]);
                row.AppendValue(record.Line);
                row.EndRow();
            }
        }
        if (options.Progress is not null && report.RowsRead >= progressEvery) options.Progress(report.File, report.RowsRead);
        var vietnameseFile = source.Delimiter == ';' || source.Header.Any(h => h.Any(c => c > 127 && char.IsLetter(c)));
        var ambiguous = dotted.Refuse(vietnameseFile, report, rejected);
        if (ambiguous.Count > 0 && options.Partial) RemoveRejected(ambiguous);
    }

    /// <summary>Checks the record's shape: a CSV line must have as many cells as the header.</summary>
    private static bool ReadRow(TableSource source, SourceRecord record, FileReport report, RejectedRows rejected)
    {
        var headerCount = source.Header.Length;
        // XLSX rows simply end at their last non-empty cell; cells beyond the header must be empty.
        if (record.Cells.Length == headerCount || (!source.IsCsv && record.Cells.Length < headerCount)) return true;
        if (record.Cells.Length > headerCount && record.Cells.Skip(headerCount).All(c => c.IsEmpty)) return true;
        var issue = record.Cells.Length > headerCount
            ? new LoadIssue(record.Line, record.Sheet, null, record.Cells[headerCount].Text,
                $"dòng có {record.Cells.Length} ô nhưng tiêu đề chỉ có {headerCount} cột", $"the line has {record.Cells.Length} cells but the header has {headerCount} columns")
            : new LoadIssue(record.Line, record.Sheet, null, null,
                $"dòng chỉ có {record.Cells.Length} ô nhưng tiêu đề có {headerCount} cột", $"the line has {record.Cells.Length} cells but the header has {headerCount} columns");
        report.AddError(issue);
        Reject(rejected, record.Line, issue);
        return false;
    }

    private static void Reject(RejectedRows rejected, int line, LoadIssue issue) => rejected.Add(line, issue);

    internal static Action<IDuckDBAppenderRow, object?> ValueAppender(string duckType) => duckType switch
    {
        "VARCHAR" => (r, v) => r.AppendValue((string?)v),
        "BIGINT" => (r, v) => r.AppendValue(v switch { null => null, long l => l, _ => (long?)Convert.ToInt64(v, CultureInfo.InvariantCulture) }),
        "INTEGER" => (r, v) => r.AppendValue(v switch { null => null, long l => checked((int)l), _ => (int?)Convert.ToInt32(v, CultureInfo.InvariantCulture) }),
        "DOUBLE" => (r, v) => r.AppendValue(v switch { null => null, double d => d, _ => (double?)Convert.ToDouble(v, CultureInfo.InvariantCulture) }),
        "DATE" => (r, v) => r.AppendValue((DateOnly?)v),
        "BOOLEAN" => (r, v) => r.AppendValue((bool?)v),
        _ => throw new InvalidOperationException($"raw column type {duckType} has no appender"),
    };

    // ---- set checks ----

    private void RunSetChecks(DatasetSpec spec, FileReport report, string? sheet, RejectedRows rejected)
    {
        var checks = new List<(string Name, string Sql)> { ("duplicate keys", DuplicateKeySql(spec, sheet is not null, "sql/load/check_duplicate_keys.sql")) };
        if (options.UnitScope is { } scope)
            checks.Add(("unit scope", UnitScopeSql(spec, scope)));
        foreach (var check in spec.SetChecks)
        {
            var missing = check.References.Where(r => knownDatasets is not null && !knownDatasets.Contains(r)).ToList();
            if (missing.Count > 0)
            {
                report.AddWarning(new LoadIssue(null, null, null, null,
                    $"không kiểm tra tham chiếu tới {string.Join(", ", missing)}: không có kho dữ liệu (--db) và không có tệp {string.Join(", ", missing)} trong lần kiểm tra này",
                    $"references to {string.Join(", ", missing)} not checked: no warehouse (--db) and no {string.Join(", ", missing)} file in this run"));
                continue;
            }
            checks.Add((check.SqlFile, SqlFiles.Read(check.SqlFile)));
        }

        // With Partial, refused rows leave the stage and the checks run again, since a row may
        // have depended on one that was refused (a unit whose parent was refused).
        for (var round = 0; round < 10; round++)
        {
            var fresh = new List<(int Line, string? Column, string? Value, string Vi, string En, bool Duplicate)>();
            foreach (var (name, sql) in checks)
                fresh.AddRange(connection.Query<(int, string?, string?, string, string)>(sql).Select(f => (f.Item1, f.Item2, f.Item3, f.Item4, f.Item5, name == "duplicate keys")));
            if (fresh.Count == 0) return;
            var duplicates = new Dictionary<int, LoadIssue>();
            foreach (var f in fresh.OrderBy(f => f.Line))
            {
                var issue = new LoadIssue(f.Line, sheet, f.Column, f.Value, f.Vi, f.En);
                report.AddError(issue);
                Reject(rejected, f.Line, issue);
                if (f.Duplicate) duplicates[f.Line] = issue;
            }
            // a repeated key is one error, on the line that repeats it, but every line of it is refused (one shared reason each)
            if (duplicates.Count > 0)
                foreach (var (line, first) in connection.Query<(int, int)>(DuplicateKeySql(spec, sheet is not null, "sql/load/duplicate_key_lines.sql")))
                    if (line != first && duplicates.TryGetValue(first, out var duplicate))
                        rejected.Add(line, duplicate);
            if (!options.Partial) return;
            RemoveRejected(rejected.Lines);
        }
    }

    private void RemoveRejected(IEnumerable<int> lines)
    {
        connection.Execute("create or replace temp table rejected_lines (line integer)");
        using (var appender = connection.CreateAppender("temp", "main", "rejected_lines"))
            foreach (var line in lines) appender.CreateRow().AppendValue(line).EndRow();
        connection.Execute("delete from stage where source_line in (select line from rejected_lines)");
    }

    /// <summary>Rows a unit-scoped loader may not write: a unit outside its subtree, a task led from outside it, any units row.</summary>
    private static string UnitScopeSql(DatasetSpec spec, string scope) =>
        SqlFiles.Read(spec.Name switch
        {
            "units" => "sql/load/check_scope_units.sql",
            "tasks" => "sql/load/check_scope_tasks.sql",
            "task_updates" => "sql/load/check_scope_task_updates.sql",
            _ => "sql/load/check_scope_unit_code.sql",
        }).Replace("{{scope}}", "'" + scope.Replace("'", "''") + "'");

    private static string DuplicateKeySql(DatasetSpec spec, bool workbook, string file)
    {
        var keyText = $"concat_ws(' / ', {string.Join(", ", spec.Key.Select(k => $"cast({k} as varchar)"))})";
        var label = spec.Name == "revenue" ? "period" : spec.Key[0];
        var names = spec.Name == "revenue" ? "period, unit_code, category" : string.Join(", ", spec.Key);
        return SqlFiles.Read(file)
            .Replace("{{key_text}}", keyText)
            .Replace("{{key_label}}", label)
            .Replace("{{key_names}}", names)
            .Replace("{{line_vi}}", workbook ? "hàng" : "dòng")
            .Replace("{{line_en}}", workbook ? "row" : "line")
            .Replace("{{key}}", string.Join(", ", spec.Key));
    }

    // ---- merge ----

    private Dictionary<string, long> ClassifyChanges(DatasetSpec spec)
    {
        connection.Execute(Template("sql/load/stage_changes.sql", spec));
        return connection.Query<(string Change, long Count)>("select change, count(*) from staged group by change")
            .ToDictionary(r => r.Change, r => r.Count);
    }

    /// <summary>Fills a sql/load template's placeholders from the dataset's table, key and columns.</summary>
    private string Template(string file, DatasetSpec spec)
    {
        var contentColumns = connection.Query<string>(
            "select column_name from duckdb_columns() where schema_name = 'raw' and table_name = $t and column_name not in ('row_hash', 'load_id', 'source_line', 'source_sheet') order by column_index",
            new { t = spec.Table }).ToList();
        var hash = $"md5(concat_ws(chr(31), {string.Join(", ", contentColumns.Select(c => $"coalesce(cast(s.{c} as varchar), chr(30))"))}))";
        return SqlFiles.Read(file)
            .Replace("{{table}}", spec.Table)
            .Replace("{{row_hash}}", hash)
            .Replace("{{key_join}}", string.Join(" and ", spec.Key.Select(k => $"r.{k} = h.{k}")))
            .Replace("{{key}}", string.Join(", ", spec.Key))
            .Replace("{{columns}}", string.Join(", ", contentColumns));
    }

    private long Journal(FileReport report, DateTime started, string? sheet, DuckDBTransaction? tx)
    {
        var message = report.ErrorCount == 0 ? null
            : $"{report.ErrorCount} lỗi / errors; {report.Errors[0].Where(report.File)} {report.Errors[0].Column}: {report.Errors[0].ReasonVi} / {report.Errors[0].ReasonEn}";
        return connection.ExecuteScalar<long>(SqlFiles.Read("sql/load/journal_insert.sql"), new
        {
            file_name = report.File,
            file_path = Path.GetFullPath(report.Path),
            sha256 = report.Sha256,
            dataset = report.Dataset,
            started_at = started,
            rows_read = (int)report.RowsRead,
            inserted = (int)report.Inserted,
            replaced = (int)report.Replaced,
            unchanged = (int)report.Unchanged,
            rejected = (int)report.Rejected,
            outcome = report.Outcome,
            message,
        }, tx);
    }

    // ---- rejects ----

    /// <summary>Writes the refused rows with their original cells, line and reasons, as UTF-8 CSV.</summary>
    private string WriteRejects(string path, DatasetSpec spec, int? sheetIndex, RejectedRows rejected)
    {
        var dir = options.RejectsDirectory ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var target = Path.Combine(dir, Path.GetFileNameWithoutExtension(path) + ".rejects.csv");
        var scratch = new FileReport(path, spec.Name);
        using var source = TableSource.Open(path, spec, scratch, sheetIndex)
            ?? throw new InvalidOperationException($"{path} could not be read again for its rejects file");
        using var writer = new StreamWriter(target, false, new UTF8Encoding(true));
        writer.WriteLine(string.Join(",", source.Header.Append(sheetIndex is null ? "line" : "row").Append("reason").Select(Quote)));
        foreach (var record in source.Records())
        {
            if (record.Role == RowRole.GroupStart || rejected.Reasons(record.Line) is not { } reasons) continue;
            var cells = Enumerable.Range(0, source.Header.Length).Select(i => i < record.Cells.Length ? record.Cells[i].Text : "");
            writer.WriteLine(string.Join(",", cells.Append(record.Line.ToString(CultureInfo.InvariantCulture)).Append(string.Join(" | ", reasons)).Select(Quote)));
        }
        return target;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r', ';', '\t']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}
