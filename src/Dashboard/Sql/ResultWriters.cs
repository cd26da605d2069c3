using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Analytics.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Dashboard.Sql;

/// <summary>Writes a query result as CSV, JSON, Parquet or an aligned text table.</summary>
public static class ResultWriters
{
    /// <summary>The canonical text of one value: invariant numbers, ISO dates, JSON for lists and structs.</summary>
    public static string? Canonical(object? v) => v switch
    {
        null or DBNull => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        IFormattable f and not IEnumerable => f.ToString(null, CultureInfo.InvariantCulture),
        byte[] b => BlobText(b),
        IEnumerable => JsonText(v),
        _ => v.ToString(),
    };

    /// <summary>A list, map or struct as JSON; a member JSON cannot write falls back to its own text.</summary>
    private static string JsonText(object v)
    {
        try { return JsonSerializer.Serialize(v); }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException) { return v.ToString() ?? ""; }
    }

    /// <summary>A BLOB as DuckDB writes it: printable ASCII as is, other bytes as \xNN.</summary>
    private static string BlobText(byte[] bytes)
    {
        var sb = new StringBuilder();
        foreach (var b in bytes)
            sb.Append(b is >= 32 and < 127 && b != '\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        return sb.ToString();
    }

    /// <summary>The value for a person: Vietnamese number and date form.</summary>
    public static string Display(object? v) => v switch
    {
        null or DBNull => "NULL",
        double d => Math.Abs(d % 1) < 1e-9 ? VietnameseFormat.Number(d) : VietnameseFormat.Number(d, 4).TrimEnd('0').TrimEnd(','),
        float f => Display((double)f),
        decimal m => Display((double)m),
        sbyte or byte or short or ushort or int or uint or long or ulong => VietnameseFormat.Number(Convert.ToDouble(v, CultureInfo.InvariantCulture)),
        BigInteger b => b.ToString("N0", VietnameseFormat.Culture),
        DateOnly d => VietnameseFormat.Date(d),
        _ => Canonical(v) ?? "",
    };

    /// <summary>
    /// A CSV cell safe to open in a spreadsheet: text starting with = + - @ tab or CR gets a leading
    /// apostrophe so it is never run as a formula (OWASP CSV injection). Numbers are written as numbers.
    /// </summary>
    public static string CsvCell(object? v)
    {
        var text = Canonical(v);
        if (text is null) return "";
        if (v is string && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        return CsvQuote(text);
    }

    public static string CsvQuote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    public static void WriteCsv(QueryResult r, TextWriter w) => WriteCsv(r.Columns, r.Rows, w);

    /// <summary>CSV row by row as the rows come (a download streams them; nothing is held).</summary>
    public static void WriteCsv(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, TextWriter w)
    {
        w.Write(string.Join(",", columns.Select(c => CsvQuote(SafeHeader(c)))));
        w.Write("\r\n");
        foreach (var row in rows)
        {
            w.Write(string.Join(",", row.Select(CsvCell)));
            w.Write("\r\n");
        }
    }

    /// <summary>
    /// CSV (with a BOM if asked: spreadsheet programs then read UTF-8) or JSON of a running query,
    /// written to output as the rows come: at most maxRows rows (true when more existed) and maxBytes
    /// bytes (past it, <see cref="ResultTooLargeException"/>). Memory stays one row.
    /// </summary>
    public static bool WriteStreamed(StreamedRows rows, string format, Stream output, int maxRows, long maxBytes, bool bom = false)
    {
        var cut = new RowCap(maxRows);
        var capped = new CappedStream(output, maxBytes);
        if (format == "json")
            WriteJson(rows.Columns, cut.Apply(rows.Rows), capped);
        else
        {
            if (bom) capped.Write(Encoding.UTF8.GetPreamble());
            using var w = new StreamWriter(capped, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            WriteCsv(rows.Columns, cut.Apply(rows.Rows), w);
        }
        capped.Flush();
        return cut.Truncated;
    }

    /// <summary>Parquet of a running query at path, at most maxRows rows (true when more existed) and maxBytes of values.</summary>
    public static bool WriteParquetStreamed(StreamedRows rows, string path, int maxRows, long maxBytes)
    {
        var cut = new RowCap(maxRows);
        WriteParquet(rows.Columns, rows.Types, cut.Apply(rows.Rows), path, maxBytes);
        return cut.Truncated;
    }

    private sealed class RowCap(int maxRows)
    {
        public bool Truncated { get; private set; }

        public IEnumerable<object?[]> Apply(IEnumerable<object?[]> rows)
        {
            var n = 0;
            foreach (var row in rows)
            {
                if (n++ >= maxRows) { Truncated = true; yield break; }
                yield return row;
            }
        }
    }

    private static string SafeHeader(string c) => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + c : c;

    public static void WriteJson(QueryResult r, Stream s) => WriteJson(r.Columns, r.Rows, s);

    /// <summary>A JSON array of objects, row by row as the rows come (flushed every row, so nothing is held).</summary>
    public static void WriteJson(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, Stream s)
    {
        using var j = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = false });
        j.WriteStartArray();
        foreach (var row in rows)
        {
            j.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                j.WritePropertyName(columns[i]);
                WriteJsonValue(j, row[i]);
            }
            j.WriteEndObject();
            if (j.BytesPending > 64 * 1024) j.Flush();
        }
        j.WriteEndArray();
    }

    private static void WriteJsonValue(Utf8JsonWriter j, object? v)
    {
        switch (v)
        {
            case null or DBNull: j.WriteNullValue(); break;
            case bool b: j.WriteBooleanValue(b); break;
            case double d when double.IsFinite(d): j.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): j.WriteNumberValue(f); break;
            case decimal m: j.WriteNumberValue(m); break;
            case sbyte or byte or short or ushort or int or uint or long: j.WriteNumberValue(Convert.ToInt64(v, CultureInfo.InvariantCulture)); break;
            case ulong u: j.WriteNumberValue(u); break;
            case BigInteger b: j.WriteRawValue(b.ToString(CultureInfo.InvariantCulture)); break;
            case byte[]: j.WriteStringValue(Canonical(v)); break;
            case IDictionary d:
                j.WriteStartObject();
                foreach (DictionaryEntry e in d) { j.WritePropertyName(e.Key.ToString()!); WriteJsonValue(j, e.Value); }
                j.WriteEndObject();
                break;
            case IEnumerable e and not string:
                j.WriteStartArray();
                foreach (var x in e) WriteJsonValue(j, x);
                j.WriteEndArray();
                break;
            default: j.WriteStringValue(Canonical(v)); break;
        }
    }

    /// <summary>An aligned text table for a terminal, numbers right-aligned, with a closing row count.</summary>
    public static void WriteTable(QueryResult r, TextWriter w)
    {
        var cells = r.Rows.Select(row => row.Select(Display).ToArray()).ToList();
        var widths = r.Columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(row => row[i].Length))).ToArray();
        var numeric = r.Rows.Count == 0 ? new bool[r.Columns.Count]
            : Enumerable.Range(0, r.Columns.Count).Select(i => r.Rows.All(row => row[i] is null || IsNumber(row[i]))).ToArray();
        string Line(IReadOnlyList<string> vals) => string.Join(" | ", vals.Select((v, i) => numeric[i] ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))).TrimEnd();
        w.WriteLine(Line(r.Columns));
        w.WriteLine(string.Join("-+-", widths.Select(x => new string('-', x))));
        foreach (var row in cells) w.WriteLine(Line(row));
        w.WriteLine(TruncationNote(r) ?? $"({VietnameseFormat.Number(r.Rows.Count)} dòng / rows)");
    }

    /// <summary>Says so when the row cap cut the result; null when it did not.</summary>
    public static string? TruncationNote(QueryResult r) => r.Truncated
        ? $"(chỉ hiển thị {VietnameseFormat.Number(r.MaxRows)} dòng đầu; kết quả còn nhiều hơn / showing the first {r.MaxRows} rows only; the result has more)"
        : null;

    private static bool IsNumber(object? v) => v is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or BigInteger;

    /// <summary>
    /// Writes Parquet through a second, separate in-memory DuckDB instance that never sees analyst
    /// SQL: the sandboxed instance cannot write files (external access is off, which is the point),
    /// so the rows already fetched under its limits are appended here into a typed table and this
    /// instance COPYs them to the path we chose. The analyst controls neither the SQL run here nor
    /// the path written, so turning file access on for this instance opens nothing to them.
    /// </summary>
    public static void WriteParquet(QueryResult r, string path) => WriteParquet(r.Columns, r.Types, r.Rows, path, long.MaxValue);

    /// <summary>
    /// As above, row by row as the rows come, refusing (<see cref="ResultTooLargeException"/>) once the
    /// rows' text passes maxBytes: the rows wait in the writer's in-memory DuckDB until the COPY, so
    /// the cap bounds that memory. Decimals wait as text and get the widest scale seen at the COPY.
    /// </summary>
    public static void WriteParquet(IReadOnlyList<string> columns, IReadOnlyList<string> duckTypes, IEnumerable<object?[]> rows, string path, long maxBytes)
    {
        // A plain in-memory database: each connection to ":memory:" gets its own, shared with nobody
        // (a name after ":memory:" would be taken as a file path and leave a file behind).
        using var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        var types = duckTypes.Select(ParquetType).ToList();
        var names = UniqueNames(columns);
        var ddl = "CREATE TABLE result (" + string.Join(", ", names.Select((col, i) => $"{QuoteIdent(col, i)} {(types[i] == "DECIMAL" ? "VARCHAR" : types[i])}")) + ")";
        Exec(c, ddl);
        var scales = new int[columns.Count];
        long bytes = 0;
        using (var appender = c.CreateAppender("result"))
        {
            foreach (var row in rows)
            {
                foreach (var v in row) bytes += v is string text ? Encoding.UTF8.GetByteCount(text) : 16;
                if (bytes > maxBytes) throw new ResultTooLargeException(maxBytes);
                var a = appender.CreateRow();
                for (var i = 0; i < row.Length; i++)
                {
                    var v = row[i];
                    if (v is null) { a.AppendNullValue(); continue; }
                    switch (types[i])
                    {
                        case "BOOLEAN": a.AppendValue((bool)v); break;
                        case "BIGINT": a.AppendValue(Convert.ToInt64(v, CultureInfo.InvariantCulture)); break;
                        case "UBIGINT": a.AppendValue(Convert.ToUInt64(v, CultureInfo.InvariantCulture)); break;
                        case "HUGEINT": a.AppendValue((BigInteger)v); break;
                        case "DOUBLE": a.AppendValue(Convert.ToDouble(v, CultureInfo.InvariantCulture)); break;
                        case "DATE": a.AppendValue((DateOnly)v); break;
                        case "TIMESTAMP": a.AppendValue((DateTime)v); break;
                        case "DECIMAL":
                            scales[i] = Math.Max(scales[i], ((decimal)v).Scale);
                            a.AppendValue(Canonical(v));
                            break;
                        default: a.AppendValue(Canonical(v)); break;
                    }
                }
                a.EndRow();
            }
        }
        var escaped = Path.GetFullPath(path).Replace("'", "''");
        var select = string.Join(", ", names.Select((col, i) => types[i] == "DECIMAL"
            ? $"cast({QuoteIdent(col, i)} as DECIMAL(38,{Math.Min(scales[i], 37)})) as {QuoteIdent(col, i)}" : QuoteIdent(col, i)));
        Exec(c, $"COPY (SELECT {select} FROM result) TO '{escaped}' (FORMAT parquet)");
    }

    private static string ParquetType(string duckType) => duckType switch
    {
        "Boolean" => "BOOLEAN",
        "TinyInt" or "SmallInt" or "Integer" or "BigInt" or "UTinyInt" or "USmallInt" or "UnsignedInteger" or "UInteger" => "BIGINT",
        "UnsignedBigInt" or "UBigInt" => "UBIGINT",
        "HugeInt" => "HUGEINT",
        "Float" or "Double" => "DOUBLE",
        "Decimal" => "DECIMAL",
        "Date" => "DATE",
        "Timestamp" or "TimestampTz" or "TimestampMs" or "TimestampNs" or "TimestampS" => "TIMESTAMP",
        _ => "VARCHAR",
    };

    /// <summary>Parquet needs distinct column names; "select 1, 1" gives two columns named "1".</summary>
    private static List<string> UniqueNames(IReadOnlyList<string> columns)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var c in columns)
        {
            var name = c;
            for (var n = 2; !seen.Add(name); n++) name = $"{c}_{n}";
            names.Add(name);
        }
        return names;
    }

    private static string QuoteIdent(string name, int i) =>
        "\"" + (string.IsNullOrEmpty(name) ? $"col{i + 1}" : name).Replace("\"", "\"\"") + "\"";

    private static void Exec(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
