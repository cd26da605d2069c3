using Analytics.Dashboard.Snapshots;
using Analytics.Dashboard.Sql;
using Analytics.Dashboard.Tests.Web;
using Analytics.Warehouse;
using Dapper;

namespace Analytics.Dashboard.Tests.Snapshots;

/// <summary>How the dashboard and loads coexist: the server serves copies and never holds the warehouse file.</summary>
public sealed class SnapshotStoreTests : IDisposable
{
    private readonly LoadedWarehouse _w = new();
    public void Dispose() => _w.Dispose();

    private static long Count(SnapshotLease lease, string table)
    {
        using var c = lease.OpenConnection();
        return c.ExecuteScalar<long>($"select count(*) from {table}");
    }

    private void AddLoad(string name)
    {
        using var c = WarehouseFile.Open(_w.DbPath);
        c.Execute("insert into meta.loads (file_name, sha256, dataset, started_at, outcome) values ($name, 'x', 'units', now(), 'loaded')", new { name });
    }

    private static bool WaitFor(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) return false;
            Thread.Sleep(20);
        }
        return true;
    }

    [Fact]
    public async Task The_server_never_holds_the_warehouse_file_open()
    {
        await using var s = await RunningServer.Start(new DashboardOptions(_w.DbPath));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await s.Http.GetAsync("/tasks?as_of=2026-03-31")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await s.Http.PostAsync("/sql", new FormUrlEncodedContent([new("q", "select count(*) from raw.tasks")]))).StatusCode);
        var open = Directory.EnumerateFiles("/proc/self/fd").Select(fd =>
        {
            try { return new FileInfo(fd).LinkTarget; } catch (IOException) { return null; }
        }).Where(t => t is not null).ToList();
        Assert.DoesNotContain(open, t => t == _w.DbPath || t == _w.DbPath + ".wal");
        Assert.Contains(open, t => t!.StartsWith(_w.DbPath + ".snapshots/", StringComparison.Ordinal));
        // and so a writer can open it while the server runs
        using var writer = WarehouseFile.Open(_w.DbPath);
        Assert.True(writer.ExecuteScalar<long>("select count(*) from raw.tasks") > 0);
    }

    [Fact]
    public void A_new_snapshot_starts_with_its_default_views_computed_and_requests_on_the_old_one_never_see_them()
    {
        var cache = new Pages.MetricsCache();
        using var store = new SnapshotStore(_w.DbPath, new SqlLimits(), TimeSpan.Zero, cache.Prepare);
        using var before = store.Acquire();
        var first = cache.Values(before.Snapshot.Number);
        Assert.True(first.CatalogueDates >= 3, $"prepared {first.CatalogueDates} dates"); // latest month end, previous, trend months

        AddLoad("second.csv");
        Assert.True(store.Refresh()); // as the background check does after a load
        using var after = store.Acquire();
        Assert.NotEqual(before.Snapshot.Number, after.Snapshot.Number);
        var second = cache.Values(after.Snapshot.Number);
        Assert.NotSame(first, second);
        Assert.True(second.CatalogueDates >= 3); // computed before the switch, not by the first request
        Assert.NotSame(second, cache.Values(before.Snapshot.Number)); // the old snapshot's requests get values of their own
    }

    [Fact]
    public void A_load_publishes_a_new_snapshot_and_a_request_keeps_the_one_it_started_with()
    {
        using var store = new SnapshotStore(_w.DbPath, new SqlLimits(), TimeSpan.Zero);
        using var before = store.Acquire();
        var loads = Count(before, "meta.loads");
        var oldPath = before.Snapshot.Path;

        AddLoad("second.csv");
        using (store.Acquire()) { } // a request notices the change; the copy is taken in the background, no request waits for it
        Assert.True(WaitFor(() => store.CurrentNumber != before.Snapshot.Number), "the new snapshot was not published within 30 s");
        using (var after = store.Acquire())
        {
            Assert.NotEqual(before.Snapshot.Number, after.Snapshot.Number);
            Assert.Equal(loads + 1, Count(after, "meta.loads"));
            Assert.True(after.Snapshot.LatestLoadId > before.Snapshot.LatestLoadId);
        }
        // the request that started before the load still reads its own complete snapshot
        Assert.Equal(loads, Count(before, "meta.loads"));
        Assert.True(File.Exists(oldPath));
        before.Dispose();
        Assert.False(File.Exists(oldPath)); // retired and released: deleted
    }

    [Fact]
    public void No_copy_is_taken_while_a_writer_is_mid_transaction()
    {
        using var store = new SnapshotStore(_w.DbPath, new SqlLimits(), TimeSpan.Zero);
        var first = store.CurrentNumber;
        AddLoad("x.csv");
        File.WriteAllText(_w.DbPath + ".wal", "in progress");
        Assert.False(store.TryRefresh(out var reason));
        Assert.Contains("WAL", reason);
        Assert.Equal(first, store.CurrentNumber);
        using (var lease = store.Acquire()) Assert.Equal(first, lease.Snapshot.Number); // keeps serving the old one
        File.Delete(_w.DbPath + ".wal");
        Assert.True(store.TryRefresh(out _));
        Assert.NotEqual(first, store.CurrentNumber);
    }

    [Fact]
    public async Task A_warehouse_written_by_an_older_build_still_serves_and_is_not_written()
    {
        using (var c = WarehouseFile.Open(_w.DbPath))
        {
            // as if the metrics models were older: the newest macro is missing and no longer recorded
            c.Execute("drop macro table metrics.indicator_values_for; delete from meta.model_version");
        }
        var before = File.GetLastWriteTimeUtc(_w.DbPath);
        await using var s = await RunningServer.Start(new DashboardOptions(_w.DbPath));
        var r = await s.Http.GetAsync("/tasks?as_of=2026-03-31");
        Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("50,0%", await r.Content.ReadAsStringAsync());
        Assert.Equal(before, File.GetLastWriteTimeUtc(_w.DbPath));
        using var check = WarehouseFile.Open(_w.DbPath, readOnly: true);
        Assert.Equal(0L, check.ExecuteScalar<long>("select count(*) from meta.model_version"));
    }

    [Fact]
    public void Snapshots_are_sandboxed_like_the_console()
    {
        using var store = new SnapshotStore(_w.DbPath, new SqlLimits(), TimeSpan.Zero);
        using var lease = store.Acquire();
        using var c = lease.OpenConnection();
        var e = Assert.ThrowsAny<Exception>(() => c.ExecuteScalar<long>("select count(*) from read_csv('/etc/passwd')"));
        Assert.Contains("disabled by configuration", e.Message);
    }

    [Fact]
    public async Task Loads_in_a_loop_while_clients_read_never_fail_a_request_or_show_half_a_load()
    {
        // four console readers at once: four query slots, so none is told "busy"
        await using var s = await RunningServer.Start(new DashboardOptions(_w.DbPath) { SnapshotCheckInterval = TimeSpan.Zero, MaxConcurrentQueries = 4 });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        // each "load" writes two rows in one transaction: a snapshot shows both or neither
        var writer = Task.Run(() =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                using var c = WarehouseFile.Open(_w.DbPath);
                using var tx = c.BeginTransaction();
                c.Execute("insert into meta.loads (file_name, sha256, dataset, started_at, outcome) values ('a', 'x', 'units', now(), 'loaded'), ('b', 'x', 'units', now(), 'loaded')", transaction: tx);
                tx.Commit();
                n++;
            }
            return n;
        });
        var failures = 0;
        var requests = 0;
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var r = await s.Http.PostAsync("/sql", new FormUrlEncodedContent([new("q", "select count(*) as n from meta.loads")]));
                Interlocked.Increment(ref requests);
                var body = await r.Content.ReadAsStringAsync();
                var m = System.Text.RegularExpressions.Regex.Match(body, "<td class=\"num\">([0-9.]+)</td>");
                // 9 acceptance loads, then pairs: always odd
                if (r.StatusCode != System.Net.HttpStatusCode.OK || !m.Success || long.Parse(m.Groups[1].Value.Replace(".", "")) % 2 != 1)
                    Interlocked.Increment(ref failures);
            }
        })).ToList();
        await Task.WhenAll(readers);
        var loads = await writer;
        Assert.True(loads > 0 && requests > 0);
        Assert.Equal(0, failures);
    }
}
