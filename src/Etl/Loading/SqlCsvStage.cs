using System.Globalization;
using Analytics.Etl.Datasets;
using Analytics.Etl.Input;
using Dapper;
using DuckDB.NET.Data;
using Analytics.Warehouse;

namespace Analytics.Etl.Loading;

/// <summary>
/// The SQL read path of a CSV file: DuckDB's read_csv reads every cell as text into a temp table;
/// each column's distinct texts are parsed once by ValueParser (the record-by-record path's own
/// parser, so a value is the same by construction) and joined back; the dataset's row rule runs in
/// SQL (sql/load/fast/DATASET.sql). It fills the stage table only when it is sure it gives what the
/// record-by-record path gives: one record per physical line, valid UTF-8, RFC 4180 quotes, every
/// cell parsed without a problem, no row rule failing or warning. Otherwise it leaves nothing
/// behind and the caller reads the file record by record, which reports each problem.
/// </summary>
internal sealed class SqlCsvStage(DuckDBConnection connection, LoadOptions options)
{
    /// <summary>Why the file did not take the SQL path (null when it did); for tests and benchmarks.</summary>
    public string? FallbackReason { get; private set; }

    public static bool Covers(DatasetSpec spec) => SqlFiles.Exists(RuleFile(spec));

    private static string RuleFile(DatasetSpec spec) => $"sql/load/fast/{spec.Name}.sql";

    /// <summary>
    /// Stages the file (stage_create.sql must already have made the stage table). True when it did,
    /// with RowsRead set and the header's warnings in the report; false when the caller must read it
    /// record by record (the report then is untouched).
    /// </summary>
    private System.Diagnostics.Stopwatch _clock = new();
    private FileReport? _report;
    private void Mark(string phase) { if (_report is not null) _report.PhaseSeconds[phase] = _clock.Elapsed.TotalSeconds; _clock.Restart(); }

    public bool TryStage(string path, DatasetSpec spec, CsvFileScan scan, FileReport report)
    {
        _report = report; _clock.Restart();
        FallbackReason = Unsure(scan);
        // read_csv takes a path as a glob pattern: a name with pattern characters could read another file
        if (Path.GetFullPath(path).IndexOfAny(['*', '?', '[', ']', '{', '}']) >= 0) FallbackReason = "glob characters in the path";
        if (FallbackReason is not null) return false;
        var header = new FileReport(path, spec.Name) { MaxListed = report.MaxListed };
        HeaderMap map;
        int columns;
        char delimiter;
        using (var source = TableSource.Open(path, spec, header))
        {
            if (source is null || header.ErrorCount > 0) { FallbackReason = "header"; return false; }
            if (source.HeaderLine != 1) { FallbackReason = "blank lines before the header"; return false; }
            if (source.TemplateLayout || source.Map.SequenceColumn >= 0) { FallbackReason = "a template's layout (title block, two-row header, STT)"; return false; }
            map = source.Map;
            columns = source.Header.Length;
            delimiter = source.Delimiter;
        }
        try
        {
            if (!Stage(path, spec, scan, map, columns, delimiter, out var records)) return false;
            report.RowsRead = records;
            foreach (var w in header.Warnings) report.AddWarning(w);
            return true;
        }
        catch (DuckDBException e)
        {
            // read_csv refused the file (a line's cell count, a quote, an encoding): the
            // record-by-record reader finds the same problem and reports it with its line
            FallbackReason = "read_csv: " + e.Message.Split('\n')[0];
            connection.Execute("delete from stage");
            return false;
        }
        finally
        {
            connection.Execute("drop table if exists temp.main.csv_cells");
            foreach (var name in connection.Query<string>("select table_name from duckdb_tables() where database_name = 'temp' and table_name like 'cell_values_%'").ToList())
                connection.Execute($"drop table temp.main.{name}");
        }
    }

    private string? Unsure(CsvFileScan scan) =>
        options.Locale != NumberLocale.Invariant ? "number locale" // 197.810 reads two ways; only ValueParser decides
        : !scan.ValidUtf8 ? "invalid UTF-8"
        : scan.LoneCarriageReturn ? "carriage return without line feed"
        : !scan.CanonicalQuotes ? "quotes not as RFC 4180 writes them"
        : scan.NulByte ? "a NUL byte"
        : scan.Lines < 2 ? "no records"
        : null;

    private bool Stage(string path, DatasetSpec spec, CsvFileScan scan, HeaderMap map, int columns, char delimiter, out long records)
    {
        records = 0;
        var columnStruct = "{" + string.Join(", ", Enumerable.Range(0, columns).Select(i => $"'c{i}': 'VARCHAR'")) + "}";
        connection.Execute(SqlFiles.Read("sql/load/csv_cells.sql")
            .Replace("{{path}}", Literal(Path.GetFullPath(path)))
            .Replace("{{delim}}", Literal(delimiter.ToString()))
            .Replace("{{columns}}", columnStruct));
        Mark("sql_read_csv");
        var shape = connection.QuerySingle<(long Records, long Empty)>(SqlFiles.Read("sql/load/csv_cells_shape.sql"));
        // one record per physical line after the header: no quoted line break, no blank line
        if (shape.Records != scan.Lines - 1) { FallbackReason = "records span lines or lines are blank"; return false; }
        if (shape.Empty > 0) { FallbackReason = "records with no content"; return false; }

        var stageTypes = connection.Query<(string Name, string Type)>(
            "select column_name, data_type from duckdb_columns() where database_name = 'temp' and table_name = 'stage'")
            .ToDictionary(c => c.Name, c => c.Type);
        var values = new List<string>();
        var joins = new List<string>();
        for (var i = 0; i < spec.Columns.Length; i++)
        {
            var column = spec.Columns[i];
            var type = stageTypes.GetValueOrDefault(column.Name) ?? DuckType(column.Type);
            var f = map.FileColumn[i];
            if (f < 0)
            {
                if (column.Required) { FallbackReason = $"{column.Name} missing"; return false; }
                values.Add($"null::{type} as {column.Name}");
                continue;
            }
            if (!ParseDistinct(column, i, f, type)) { FallbackReason = $"a {column.Name} cell does not parse"; return false; }
            values.Add($"v{i}.value as {column.Name}");
            joins.Add($"join cell_values_{i} v{i} on v{i}.raw = coalesce(c.c{f}, '')");
        }
        Mark("sql_distinct_parse");
        var parsed = SqlFiles.Read("sql/load/csv_parsed.sql")
            .Replace("{{values}}", string.Join(",\n       ", values))
            .Replace("{{joins}}", string.Join("\n", joins));
        // rows whose rule surely passes go to the stage; if any other row exists the file goes back
        var staged = connection.Execute("insert into stage by name select * exclude (fast_ok) from (" + SqlFiles.Read(RuleFile(spec)).Replace("{{parsed}}", parsed) + ") where fast_ok");
        if (staged != shape.Records)
        {
            connection.Execute("delete from stage");
            FallbackReason = "a row rule fails or warns";
            return false;
        }
        Mark("sql_insert_stage");
        records = shape.Records;
        return true;
    }

    /// <summary>
    /// Parses each distinct text of file column f exactly as the record-by-record path parses a cell
    /// into cell_values_N (raw text, value). False when any text is empty in a required column, does
    /// not parse, or is longer than CsvTableReader accepts.
    /// </summary>
    private bool ParseDistinct(ColumnSpec column, int index, int f, string type)
    {
        var table = $"cell_values_{index}";
        connection.Execute($"create or replace temp table {table} (raw varchar, value {type})");
        var append = FileLoader.ValueAppender(type);
        var texts = connection.Query<string>($"select distinct coalesce(c{f}, '') from csv_cells").ToList();
        using var appender = connection.CreateAppender("temp", "main", table);
        foreach (var text in texts)
        {
            if (text.Length > CsvTableReader.MaxFieldChars) return false;
            var cell = new Cell(text);
            object? value = null;
            if (cell.IsEmpty)
            {
                if (column.Required) return false;
            }
            else
            {
                // "1.234" in a decimal column: only the whole file says which it is (DottedNumbers)
                if (column.Type == ColumnType.Decimal && ValueParser.LooksLikeDottedThousands(text)) return false;
                value = ValueParser.Parse(column, cell, options.Locale, out var problem);
                if (problem is not null) return false;
            }
            var row = appender.CreateRow();
            row.AppendValue(text);
            append(row, value);
            row.EndRow();
        }
        return true;
    }

    private static string DuckType(ColumnType type) => type switch
    {
        ColumnType.Integer => "BIGINT",
        ColumnType.Decimal => "DOUBLE",
        ColumnType.Date or ColumnType.Month => "DATE",
        ColumnType.Boolean => "BOOLEAN",
        _ => "VARCHAR",
    };

    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";
}
