using System.Globalization;
using System.Text;
using Analytics.Dashboard.Sql;

namespace Analytics.Cli.Commands;

public sealed class QueryCommand : ICommand
{
    public string Name => "query";
    public string Summary => "SQL chỉ đọc cho chuyên viên phân tích / read-only SQL for analysts";
    public string Help => """
        analytics query --db FILE SQL [--format table|csv|json|parquet] [--out FILE]
                        [--max-rows N] [--max-mb N] [--timeout SECONDS] [--memory-limit SIZE]

        Chạy một câu truy vấn SELECT trên kho dữ liệu, chỉ đọc, trong hộp cát của DuckDB:
        không truy cập tệp hay mạng (read_csv, COPY … TO, ATTACH, INSTALL/LOAD bị từ chối),
        không đổi cấu hình (SET/PRAGMA), không ghi (DDL/DML).
        Runs one SELECT query on the warehouse, read-only, in DuckDB's sandbox: no file or network
        access, no configuration changes, no writes.

          --format        table (mặc định/default), csv, json, parquet (cần/needs --out)
          --out FILE      ghi kết quả vào tệp / write the result to FILE
          --max-rows N    số dòng tối đa trả về / most rows returned (default 1000000); says so when cut
          --max-mb N      dung lượng kết quả tối đa / most megabytes of output (default 1024); past it the
                          query stops with exit 3 and --out FILE is not written
          --timeout S     giới hạn thời gian / time limit in seconds (default 60); the query is cancelled,
                          and the command ends at the limit even if DuckDB is slow to stop
          --memory-limit  giới hạn bộ nhớ của DuckDB / DuckDB memory limit (default 2GB)

        Ví dụ / example:
          analytics query --db kho.duckdb "select unit_code, unit_name from raw.units" --format csv
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        string[] valued = ["--db", "--format", "--out", "--max-rows", "--max-mb", "--timeout", "--memory-limit"];
        args.AllowOnly(valued);
        var db = args.Required("--db");
        var format = args.Option("--format") ?? "table";
        if (format is not ("table" or "csv" or "json" or "parquet"))
            throw new UsageException($"--format phải là table, csv, json hoặc parquet / must be table, csv, json or parquet (got {format})");
        var outPath = args.Option("--out");
        if (format == "parquet" && outPath is null)
            throw new UsageException("--format parquet cần --out FILE / needs --out FILE");
        var maxRows = PositiveInt(args.Option("--max-rows"), "--max-rows") ?? 1_000_000;
        var timeout = PositiveInt(args.Option("--timeout"), "--timeout") ?? 60;
        var maxBytes = (PositiveInt(args.Option("--max-mb"), "--max-mb") ?? 1024) * 1024L * 1024;
        var positionals = args.Positionals(valued);
        if (positionals.Count != 1)
            throw new UsageException("cần đúng một câu SQL (đặt trong dấu nháy) / needs exactly one SQL argument (quoted)");
        if (!File.Exists(db))
        {
            stderr.WriteLine($"Không tìm thấy kho dữ liệu / warehouse not found: {db}");
            return ExitCode.Failure;
        }

        var limits = new SqlLimits(MemoryLimit: args.Option("--memory-limit") ?? "2GB", Timeout: TimeSpan.FromSeconds(timeout), MaxRows: maxRows);
        // The query runs on a thread of its own and the command answers at the time limit: DuckDB
        // cannot interrupt every function (repeat('x', 1e9) ran 33 s past a 10 s limit).
        int? code = null;
        Exception? failure = null;
        var work = new Thread(() =>
        {
            try { code = Execute(db, limits, positionals[0], format, outPath, maxRows, maxBytes, stdout, stderr); }
            catch (Exception e) { failure = e; }
        }) { IsBackground = true, Name = "analytics query" };
        work.Start();
        if (!work.Join(limits.TimeLimit + TimeSpan.FromSeconds(2)))
        {
            stderr.WriteLine(new SqlTimeoutException(limits.TimeLimit).Message);
            if (outPath is not null) TryDelete(outPath);
            return ExitCode.Failure;
        }
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return code!.Value;
    }

    private static int Execute(string db, SqlLimits limits, string sql, string format, string? outPath, int maxRows, long maxBytes, TextWriter stdout, TextWriter stderr)
    {
        bool truncated;
        long rowCount = 0;
        try
        {
            using var session = AnalystSqlSession.Open(db, limits);
            truncated = session.Stream(sql, rows =>
            {
                if (format == "parquet") return ResultWriters.WriteParquetStreamed(rows, outPath!, maxRows, maxBytes);
                if (format == "table")
                {
                    var result = Collect(rows, maxRows, maxBytes);
                    rowCount = result.Rows.Count;
                    if (outPath is null) ResultWriters.WriteTable(result, stdout);
                    else
                    {
                        using var w = new StreamWriter(File.Create(outPath), new UTF8Encoding(false));
                        ResultWriters.WriteTable(result, w);
                    }
                    return result.Truncated;
                }
                // csv and json stream out as DuckDB produces the rows
                using Stream output = outPath is null ? new TextOutput(stdout) : File.Create(outPath);
                var cut = ResultWriters.WriteStreamed(rows, format, output, maxRows, maxBytes);
                if (outPath is null && format == "json") stdout.WriteLine();
                return cut;
            });
        }
        catch (SqlRefusedException e)
        {
            stderr.WriteLine($"Từ chối / refused: {e.Message}");
            return ExitCode.Refused;
        }
        catch (Exception e) when (e is SqlTimeoutException or SqlQueryException or ResultTooLargeException)
        {
            if (outPath is not null) TryDelete(outPath);
            stderr.WriteLine(e.Message);
            return ExitCode.Failure;
        }

        if (outPath is not null)
            stderr.WriteLine(format == "table"
                ? $"Đã ghi {rowCount} dòng vào / wrote {rowCount} rows to {outPath}"
                : $"Đã ghi kết quả vào / wrote the result to {outPath}");
        if (truncated && format != "table")
            stderr.WriteLine($"(chỉ ghi {VietnameseFormatRows(maxRows)} dòng đầu; kết quả còn nhiều hơn / only the first {maxRows} rows were written; the result has more)");
        return ExitCode.Ok;
    }

    private static string VietnameseFormatRows(int n) => Analytics.Metrics.VietnameseFormat.Number(n);

    /// <summary>The rows a terminal table shows (it needs them all for its column widths), within the byte cap.</summary>
    private static QueryResult Collect(StreamedRows rows, int maxRows, long maxBytes)
    {
        var kept = new List<object?[]>();
        var truncated = false;
        long bytes = 0;
        foreach (var row in rows.Rows)
        {
            if (kept.Count >= maxRows) { truncated = true; break; }
            foreach (var v in row) bytes += (ResultWriters.Canonical(v)?.Length ?? 0) + 3;
            if (bytes > maxBytes) throw new ResultTooLargeException(maxBytes);
            kept.Add(row);
        }
        return new QueryResult(rows.Columns, rows.Types, kept, truncated, maxRows, rows.Elapsed);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Bytes written to a TextWriter (stdout) as UTF-8 text, a character split across writes kept whole.</summary>
    private sealed class TextOutput(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
            var n = _decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars, 0, n);
        }

        public override void Flush() => writer.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static int? PositiveInt(string? value, string name)
    {
        if (value is null) return null;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            throw new UsageException($"{name} phải là số nguyên dương / must be a positive whole number (got {value})");
        return n;
    }
}
