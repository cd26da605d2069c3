using System.Diagnostics;
using DuckDB.NET.Data;

namespace Analytics.Dashboard.Sql;

/// <summary>Limits of the analysts' SQL sandbox. One instance per warehouse database instance.</summary>
public sealed record SqlLimits(string MemoryLimit = "1GB", int Threads = 2, TimeSpan? Timeout = null, int MaxRows = 10_000)
{
    public TimeSpan TimeLimit => Timeout ?? TimeSpan.FromSeconds(30);
}

/// <summary>What a query returned: its columns (with DuckDB type names), at most MaxRows rows, and whether more existed.</summary>
public sealed record QueryResult(
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Types,
    IReadOnlyList<object?[]> Rows,
    bool Truncated,
    int MaxRows,
    TimeSpan Elapsed);

/// <summary>A statement the sandbox does not allow. Messages are for the analyst, in Vietnamese and English.</summary>
public sealed class SqlRefusedException(string vi, string en, string? detail = null)
    : Exception($"{vi} / {en}" + (detail is null ? "" : $" ({detail})"))
{
    public string Vietnamese { get; } = vi;
    public string English { get; } = en;
    public string? Detail { get; } = detail;
}

/// <summary>A query cancelled because it ran past the time limit.</summary>
public sealed class SqlTimeoutException(TimeSpan limit) : Exception(
    $"Truy vấn vượt quá giới hạn thời gian {limit.TotalSeconds:0.#} giây và đã bị hủy / " +
    $"the query ran past the {limit.TotalSeconds:0.#} s time limit and was cancelled")
{
    public TimeSpan Limit { get; } = limit;
}

/// <summary>A result past the byte cap of a download: stopped there, never held whole.</summary>
public sealed class ResultTooLargeException(long maxBytes) : Exception(
    $"Kết quả vượt quá giới hạn {maxBytes / 1024 / 1024} MB của tệp tải về và đã dừng; hãy lọc bớt hoặc dùng LIMIT / " +
    $"the result passed the {maxBytes / 1024 / 1024} MB download limit and was stopped; filter it or add a LIMIT")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>DuckDB.NET could not turn a value (or a column type) into a .NET value.</summary>
internal sealed class UnreadableValueException(Exception inner) : Exception(inner.Message, inner)
{
    internal static bool Covers(Exception e) =>
        e is ArgumentException or InvalidCastException or NotSupportedException or OverflowException
        || (e is InvalidOperationException && e is not ObjectDisposedException);
}

/// <summary>The rows of a running query, read one at a time; a row array is not reused.</summary>
public sealed class StreamedRows
{
    private readonly DuckDBDataReader _reader;
    private readonly Stopwatch _watch;
    private readonly CancellationToken _token;

    internal StreamedRows(DuckDBDataReader reader, Stopwatch watch, CancellationToken token)
    {
        _reader = reader;
        _watch = watch;
        _token = token;
        Columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        Types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToList();
    }

    public IReadOnlyList<string> Columns { get; }
    /// <summary>DuckDB.NET's type names (Integer, Varchar, Decimal …).</summary>
    public IReadOnlyList<string> Types { get; }
    public TimeSpan Elapsed => _watch.Elapsed;

    /// <summary>The rows, as DuckDB produces them; enumerate once.</summary>
    public IEnumerable<object?[]> Rows
    {
        get
        {
            while (_reader.Read())
            {
                _token.ThrowIfCancellationRequested();
                var row = new object?[_reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    try
                    {
                        var value = _reader.IsDBNull(i) ? null : _reader.GetValue(i);
                        // a BLOB comes as a stream over DuckDB's memory of this row: copied out before the next Read
                        if (value is Stream blob)
                        {
                            using var copy = new MemoryStream();
                            blob.CopyTo(copy);
                            value = copy.ToArray();
                        }
                        row[i] = value;
                    }
                    catch (Exception e) when (UnreadableValueException.Covers(e))
                    {
                        throw new UnreadableValueException(e);
                    }
                }
                yield return row;
            }
        }
    }

    /// <summary>At most maxRows rows in memory, saying whether more existed.</summary>
    public QueryResult Collect(int maxRows)
    {
        var rows = new List<object?[]>();
        var truncated = false;
        foreach (var row in Rows)
        {
            if (rows.Count >= maxRows) { truncated = true; break; }
            rows.Add(row);
        }
        return new QueryResult(Columns, Types, rows, truncated, maxRows, Elapsed);
    }
}

/// <summary>Any other error DuckDB reported (syntax, unknown column, out of memory), passed on readably.</summary>
public sealed class SqlQueryException(string message, Exception inner)
    : Exception($"Truy vấn lỗi / query failed: {message}", inner);

/// <summary>
/// Read-only SQL for analysts over the warehouse, without giving them the machine.
/// The guard is DuckDB's own sandbox: the file is opened ACCESS_MODE=READ_ONLY, then external
/// access (files, ATTACH, INSTALL, COPY … TO) is disabled and the configuration locked, with a
/// memory and thread limit, before any analyst SQL runs. <see cref="StatementGuard"/> in front of
/// it only gives a clearer message for statements that are not queries. Each query has a time
/// limit (the command is cancelled, which interrupts DuckDB) and a cap on the rows returned.
/// DuckDB.NET shares one database instance between connections to the same path in a process,
/// so hardening one connection hardens the instance: every connection opened through here on
/// that path (the dashboard's metrics reads included) runs in the same locked sandbox.
/// </summary>
public sealed class AnalystSqlSession : IDisposable
{
    private readonly DuckDBConnection _connection;
    public SqlLimits Limits { get; }

    private AnalystSqlSession(DuckDBConnection connection, SqlLimits limits)
    {
        _connection = connection;
        Limits = limits;
    }

    public static AnalystSqlSession Open(string dbPath, SqlLimits? limits = null)
    {
        limits ??= new SqlLimits();
        if (!File.Exists(dbPath))
            throw new FileNotFoundException($"Không tìm thấy kho dữ liệu / warehouse not found: {dbPath}", dbPath);
        var connection = OpenHardened(dbPath, limits);
        return new AnalystSqlSession(connection, limits);
    }

    /// <summary>Opens a read-only connection whose database instance is sandboxed and locked.</summary>
    public static DuckDBConnection OpenHardened(string dbPath, SqlLimits limits)
    {
        var connection = new DuckDBConnection($"Data Source={dbPath};ACCESS_MODE=READ_ONLY");
        try
        {
            connection.Open();
            Harden(connection, limits);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Disables external access and locks the configuration, unless this instance is already locked
    /// (another connection of the same instance did it). Verifies the outcome either way: a session
    /// never runs analyst SQL on an instance that can reach files.
    /// </summary>
    internal static void Harden(DuckDBConnection connection, SqlLimits limits)
    {
        if (!SettingIsTrue(connection, "lock_configuration"))
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(limits.MemoryLimit, "^[0-9]+(\\.[0-9]+)?\\s*(KB|MB|GB|KiB|MiB|GiB)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
                throw new ArgumentException($"memory limit '{limits.MemoryLimit}' is not like 512MB or 2GB");
            Exec(connection, "SET enable_external_access = false");
            Exec(connection, $"SET memory_limit = '{limits.MemoryLimit}'");
            Exec(connection, $"SET threads = {Math.Max(1, limits.Threads)}");
            Exec(connection, "SET lock_configuration = true");
        }
        if (SettingIsTrue(connection, "enable_external_access") || !SettingIsTrue(connection, "lock_configuration"))
            throw new InvalidOperationException("the analysts' SQL sandbox could not be set up (external access still enabled or configuration unlocked)");
    }

    private static bool SettingIsTrue(DuckDBConnection c, string name)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT current_setting('{name}')::BOOLEAN";
        return cmd.ExecuteScalar() is true;
    }

    private static void Exec(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Checks the statement, runs it with the time limit, returns at most <paramref name="maxRows"/> rows.</summary>
    public QueryResult Run(string sql, int? maxRows = null, CancellationToken cancel = default)
    {
        StatementGuard.EnsureQuery(_connection, sql);
        return RunUnguarded(sql, maxRows ?? Limits.MaxRows, cancel);
    }

    /// <summary>
    /// Checks the statement, runs it with the time limit and hands its rows to <paramref name="consume"/>
    /// one at a time as DuckDB produces them (downloads write them out without holding them). When a
    /// value has a type .NET cannot hold (an interval of months, an infinite date, a union) the query
    /// runs again with every column as DuckDB's own text, and consume is called again from the start.
    /// </summary>
    public T Stream<T>(string sql, Func<StreamedRows, T> consume, CancellationToken cancel = default)
    {
        StatementGuard.EnsureQuery(_connection, sql);
        return StreamUnguarded(sql, consume, cancel);
    }

    /// <summary>Runs SQL without the statement check: the sandbox alone. Tests use it to prove the sandbox holds by itself.</summary>
    internal QueryResult RunUnguarded(string sql, int maxRows, CancellationToken cancel = default) =>
        StreamUnguarded(sql, rows => rows.Collect(maxRows), cancel);

    private T StreamUnguarded<T>(string sql, Func<StreamedRows, T> consume, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(Limits.TimeLimit);
        try
        {
            try
            {
                return Execute(sql, consume, watch, timeout.Token);
            }
            catch (UnreadableValueException)
            {
                return Execute("select columns(*)::varchar from (\n" + sql.TrimEnd().TrimEnd(';') + "\n)", consume, watch, timeout.Token);
            }
        }
        catch (Exception e) when (timeout.IsCancellationRequested && !cancel.IsCancellationRequested && e is not ResultTooLargeException)
        {
            throw new SqlTimeoutException(Limits.TimeLimit);
        }
        catch (DuckDBException e)
        {
            throw Translate(e);
        }
        catch (UnreadableValueException e)
        {
            throw new SqlQueryException($"không đọc được một giá trị, cả dưới dạng văn bản / a value could not be read, not even as text: {e.InnerException!.Message}", e);
        }
    }

    private T Execute<T>(string sql, Func<StreamedRows, T> consume, Stopwatch watch, CancellationToken token)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        // Streaming: rows are produced as read, so the row cap stops the work instead of materialising everything.
        cmd.UseStreamingMode = true;
        // DuckDBCommand.Cancel interrupts the running query inside DuckDB (duckdb_interrupt).
        using var registration = token.Register(() => { try { cmd.Cancel(); } catch (ObjectDisposedException) { } });
        DuckDBDataReader reader;
        try
        {
            reader = cmd.ExecuteReader();
        }
        catch (Exception e) when (UnreadableValueException.Covers(e))
        {
            throw new UnreadableValueException(e); // DuckDB.NET refuses a result column type (union)
        }
        using (reader)
        {
            var result = consume(new StreamedRows(reader, watch, token));
            token.ThrowIfCancellationRequested();
            return result;
        }
    }

    /// <summary>DuckDB's sandbox refusals become the same bilingual refusal as the statement check's.</summary>
    internal static Exception Translate(DuckDBException e)
    {
        var m = e.Message;
        if (m.Contains("Permission Error", StringComparison.Ordinal) || m.Contains("disabled by configuration", StringComparison.Ordinal))
            return new SqlRefusedException(
                "Không được phép truy cập tệp, mạng hay cơ sở dữ liệu khác trong truy vấn phân tích",
                "file, network and other-database access is not allowed in analyst SQL", FirstLine(m));
        if (m.Contains("configuration has been locked", StringComparison.Ordinal))
            return new SqlRefusedException(
                "Không được phép thay đổi cấu hình", "configuration changes are not allowed", FirstLine(m));
        if (m.Contains("read-only mode", StringComparison.Ordinal))
            return new SqlRefusedException(
                "Kho dữ liệu chỉ đọc: không được ghi, tạo hay xóa dữ liệu", "the warehouse is read-only: no writes, creates or drops", FirstLine(m));
        return new SqlQueryException(FirstLine(m), e);
    }

    private static string FirstLine(string m) => m.Split('\n')[0].Trim();

    public void Dispose() => _connection.Dispose();
}
