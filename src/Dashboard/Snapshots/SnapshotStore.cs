using Analytics.Warehouse;
using System.Diagnostics;
using Analytics.Dashboard.Sql;
using DuckDB.NET.Data;

namespace Analytics.Dashboard.Snapshots;

/// <summary>
/// How the dashboard and `analytics load` share a warehouse (docs/DASHBOARD.md). DuckDB allows one
/// writing process or many reading ones, never both, so the server never keeps the warehouse file
/// open: it serves from a private read-only copy, <c>&lt;db&gt;.snapshots/&lt;pid&gt;-&lt;store&gt;-&lt;n&gt;.duckdb</c>,
/// and switches to a fresh copy when the warehouse changes. A copy is taken only while nobody writes:
/// no WAL file, and the same size and modification time before and after the copy; the copy must
/// then open and read. Otherwise the current snapshot stays and the copy is retried on the next check.
/// Each request leases one snapshot for its whole life, so it always sees one complete load;
/// a retired snapshot is deleted when its last lease ends.
/// </summary>
public sealed class SnapshotStore : IDisposable
{
    private readonly string _warehouse;
    private readonly string _dir;
    private readonly SqlLimits _limits;
    private readonly object _gate = new();
    private readonly TimeSpan _minInterval;
    private Snapshot? _current;
    // Two stores in one process (tests, or two servers) must never share a snapshot file.
    private readonly string _storeId = Guid.NewGuid().ToString("N")[..8];
    private long _nextNumber;
    private long _lastCheckTicks;
    private int _checking;
    private bool _disposed;

    private readonly Action<Snapshot>? _prepare;

    /// <param name="prepare">Run on a new snapshot before it becomes current (requests meanwhile stay on the
    /// old one): the dashboard computes its default views there, so the first requests after a load
    /// do not all compute them at once. A failure only skips the preparation.</param>
    public SnapshotStore(string warehousePath, SqlLimits limits, TimeSpan? minCheckInterval = null, Action<Snapshot>? prepare = null)
    {
        _prepare = prepare;
        _warehouse = Path.GetFullPath(warehousePath);
        _dir = _warehouse + ".snapshots";
        _limits = limits;
        _minInterval = minCheckInterval ?? TimeSpan.FromSeconds(1);
        if (!File.Exists(_warehouse))
            throw new FileNotFoundException($"Không tìm thấy kho dữ liệu / warehouse not found: {_warehouse}", _warehouse);
        Directory.CreateDirectory(_dir);
        RemoveOrphans();
        if (!TryRefresh(out var reason))
            throw new IOException($"Không lấy được bản chụp nhất quán của kho dữ liệu / could not take a consistent copy of {_warehouse}: {reason}");
    }

    public string WarehousePath => _warehouse;

    /// <summary>The snapshot a request uses from start to end. Checks (at most once per interval) for a newer warehouse first.</summary>
    public SnapshotLease Acquire()
    {
        var now = Stopwatch.GetTimestamp();
        // One check at a time, and a changed warehouse is copied and prepared in the background: no
        // request waits for it (the requests meanwhile are served the current snapshot).
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastCheckTicks), now) >= _minInterval
            && Interlocked.CompareExchange(ref _checking, 1, 0) == 0)
        {
            Interlocked.Exchange(ref _lastCheckTicks, now);
            bool current;
            lock (_gate) current = _current is not null && _current.Stamp == FileStamp.Of(_warehouse);
            if (current) Interlocked.Exchange(ref _checking, 0);
            else
                _ = Task.Run(() =>
                {
                    try { Refresh(); }
                    catch (IOException) { /* keep serving the current snapshot */ }
                    catch (ObjectDisposedException) { /* the server stopped meanwhile */ }
                    finally { Interlocked.Exchange(ref _checking, 0); }
                });
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _current!.Lease();
        }
    }

    /// <summary>Takes a new snapshot if the warehouse changed since the current one. True when the current snapshot is up to date.</summary>
    public bool Refresh() => TryRefresh(out _);

    /// <summary>As <see cref="Refresh"/>, saying why a copy was not taken.</summary>
    public bool TryRefresh(out string? reason)
    {
        reason = null;
        var stamp = FileStamp.Of(_warehouse);
        lock (_gate)
        {
            if (_current is not null && _current.Stamp == stamp) return true;
        }
        // Copy outside the lock: requests keep being served from the current snapshot meanwhile.
        lock (_copyGate)
        {
            lock (_gate) if (_current is not null && _current.Stamp == stamp) return true;
            if (File.Exists(_warehouse + ".wal"))
            {
                reason = "a writer is mid-transaction (WAL file present)";
                return false;
            }
            var number = Interlocked.Increment(ref _nextNumber);
            var path = Path.Combine(_dir, $"{Environment.ProcessId}-{_storeId}-{number}.duckdb");
            File.Copy(_warehouse, path, overwrite: true);
            var after = FileStamp.Of(_warehouse);
            if (after != stamp || File.Exists(_warehouse + ".wal"))
            {
                File.Delete(path);
                reason = "the warehouse changed while it was copied";
                return false;
            }
            Snapshot fresh;
            try
            {
                // The copy is private, so it can be brought up to this build's schema and metrics
                // models (a warehouse written by an older build still serves), without the server
                // ever writing the warehouse itself.
                using (var c = WarehouseFile.Open(path)) WarehouseFile.Migrate(c);
                fresh = new Snapshot(path, stamp, number, _limits);
            }
            catch (Exception e) when (e is DuckDBException or IOException or InvalidOperationException)
            {
                TryDelete(path);
                reason = "the copy did not open: " + e.Message.Split('\n')[0];
                return false;
            }
            try { _prepare?.Invoke(fresh); }
            catch (Exception e) when (e is DuckDBException or IOException or InvalidOperationException) { /* served unprepared: computed on first view */ }
            Snapshot? old;
            lock (_gate)
            {
                if (_disposed)
                {
                    fresh.Retire(); // a background refresh that finished after the server stopped
                    return false;
                }
                old = _current;
                _current = fresh;
            }
            old?.Retire();
            return true;
        }
    }

    private readonly object _copyGate = new();

    public long CurrentNumber { get { lock (_gate) return _current?.Number ?? 0; } }

    /// <summary>Snapshot files from server processes that no longer run.</summary>
    private void RemoveOrphans()
    {
        foreach (var f in Directory.EnumerateFiles(_dir, "*.duckdb*"))
        {
            var name = Path.GetFileName(f);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name[..dash], out var pid)) continue;
            if (pid == Environment.ProcessId || ProcessRuns(pid)) continue;
            TryDelete(f);
        }
    }

    private static bool ProcessRuns(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    internal static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        try { File.Delete(path + ".wal"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public void Dispose()
    {
        Snapshot? current;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            current = _current;
            _current = null;
        }
        current?.Retire();
        try { if (!Directory.EnumerateFileSystemEntries(_dir).Any()) Directory.Delete(_dir); } catch (IOException) { }
    }
}

/// <summary>Size and modification time of a file: what says "the warehouse changed".</summary>
public readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        info.Refresh();
        return new FileStamp(info.Length, info.LastWriteTimeUtc);
    }
}

/// <summary>
/// One read-only copy of the warehouse. A keeper connection holds its DuckDB instance open and
/// sandboxed (the analysts' limits apply to the whole instance; see AnalystSqlSession), so every
/// connection a request opens on it shares the same locked configuration.
/// </summary>
public sealed class Snapshot
{
    private readonly DuckDBConnection _keeper;
    private int _leases;
    private bool _retired;
    private readonly object _gate = new();

    internal Snapshot(string path, FileStamp stamp, long number, SqlLimits limits)
    {
        Path = path;
        Stamp = stamp;
        Number = number;
        Limits = limits;
        _keeper = AnalystSqlSession.OpenHardened(path, limits);
        if (Journal.Latest(_keeper) is { } latest)
        {
            LatestLoadId = latest.LoadId;
            LatestLoadedAt = latest.FinishedAt;
        }
    }

    public string Path { get; }
    public FileStamp Stamp { get; }
    public long Number { get; }
    public SqlLimits Limits { get; }
    /// <summary>The newest load journal entry in this copy, shown on the pages as the data's version.</summary>
    public long LatestLoadId { get; }
    /// <summary>When that load finished (the warehouse's clock), shown in the footer.</summary>
    public DateTime? LatestLoadedAt { get; }

    internal SnapshotLease Lease()
    {
        lock (_gate)
        {
            _leases++;
            return new SnapshotLease(this);
        }
    }

    internal void Release()
    {
        lock (_gate)
        {
            _leases--;
            if (_retired && _leases == 0) Close();
        }
    }

    internal void Retire()
    {
        lock (_gate)
        {
            _retired = true;
            if (_leases == 0) Close();
        }
    }

    private void Close()
    {
        _keeper.Dispose();
        SnapshotStore.TryDelete(Path);
    }
}

/// <summary>A request's hold on one snapshot; connections opened from it read that snapshot only.</summary>
public sealed class SnapshotLease : IDisposable
{
    private readonly Snapshot _snapshot;
    private bool _released;

    internal SnapshotLease(Snapshot snapshot) => _snapshot = snapshot;

    public Snapshot Snapshot => _snapshot;

    /// <summary>A new read-only, sandboxed connection on this snapshot's instance (cheap: the instance is already open).</summary>
    public DuckDBConnection OpenConnection() => AnalystSqlSession.OpenHardened(_snapshot.Path, _snapshot.Limits);

    /// <summary>An analysts' SQL session on this snapshot.</summary>
    public AnalystSqlSession OpenSqlSession() => AnalystSqlSession.Open(_snapshot.Path, _snapshot.Limits);

    public void Dispose()
    {
        if (_released) return;
        _released = true;
        _snapshot.Release();
    }
}
