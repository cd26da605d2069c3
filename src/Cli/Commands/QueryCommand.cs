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
                        [--max-rows N] [--timeout SECONDS] [--memory-limit SIZE]

        Chạy một câu truy vấn SELECT trên kho dữ liệu, chỉ đọc, trong hộp cát của DuckDB:
        không truy cập tệp hay mạng (read_csv, COPY … TO, ATTACH, INSTALL/LOAD bị từ chối),
        không đổi cấu hình (SET/PRAGMA), không ghi (DDL/DML).
        Runs one SELECT query on the warehouse, read-only, in DuckDB's sandbox: no file or network
        access, no configuration changes, no writes.

          --format        table (mặc định/default), csv, json, parquet (cần/needs --out)
          --out FILE      ghi kết quả vào tệp / write the result to FILE
          --max-rows N    số dòng tối đa trả về / most rows returned (default 1000000); says so when cut
          --timeout S     giới hạn thời gian / time limit in seconds (default 60); the query is cancelled
          --memory-limit  giới hạn bộ nhớ của DuckDB / DuckDB memory limit (default 2GB)

        Ví dụ / example:
          analytics query --db kho.duckdb "select unit_code, unit_name from raw.units" --format csv
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        string[] valued = ["--db", "--format", "--out", "--max-rows", "--timeout", "--memory-limit"];
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
        var positionals = args.Positionals(valued);
        if (positionals.Count != 1)
            throw new UsageException("cần đúng một câu SQL (đặt trong dấu nháy) / needs exactly one SQL argument (quoted)");
        if (!File.Exists(db))
        {
            stderr.WriteLine($"Không tìm thấy kho dữ liệu / warehouse not found: {db}");
            return ExitCode.Failure;
        }

        var limits = new SqlLimits(MemoryLimit: args.Option("--memory-limit") ?? "2GB", Timeout: TimeSpan.FromSeconds(timeout), MaxRows: maxRows);
        QueryResult result;
        try
        {
            using var session = AnalystSqlSession.Open(db, limits);
            result = session.Run(positionals[0]);
        }
        catch (SqlRefusedException e)
        {
            stderr.WriteLine($"Từ chối / refused: {e.Message}");
            return ExitCode.Refused;
        }
        catch (SqlTimeoutException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCode.Failure;
        }
        catch (SqlQueryException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCode.Failure;
        }

        if (format == "parquet")
            ResultWriters.WriteParquet(result, outPath!);
        else if (outPath is not null)
        {
            using var file = File.Create(outPath);
            Write(result, format, file);
        }
        else if (format == "json")
        {
            using var ms = new MemoryStream();
            ResultWriters.WriteJson(result, ms);
            stdout.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
        }
        else if (format == "csv") ResultWriters.WriteCsv(result, stdout);
        else ResultWriters.WriteTable(result, stdout);

        if (outPath is not null)
            stderr.WriteLine($"Đã ghi {result.Rows.Count} dòng vào / wrote {result.Rows.Count} rows to {outPath}");
        if (ResultWriters.TruncationNote(result) is { } note && format != "table") stderr.WriteLine(note);
        return ExitCode.Ok;
    }

    private static void Write(QueryResult result, string format, Stream file)
    {
        if (format == "json") { ResultWriters.WriteJson(result, file); return; }
        using var w = new StreamWriter(file, new UTF8Encoding(false));
        if (format == "csv") ResultWriters.WriteCsv(result, w);
        else ResultWriters.WriteTable(result, w);
    }

    private static int? PositiveInt(string? value, string name)
    {
        if (value is null) return null;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            throw new UsageException($"{name} phải là số nguyên dương / must be a positive whole number (got {value})");
        return n;
    }
}
