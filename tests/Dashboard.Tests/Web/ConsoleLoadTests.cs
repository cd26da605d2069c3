using System.Diagnostics;
using System.Globalization;
using System.Net;
using Analytics.Dashboard.Sql;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Analytics.Dashboard.Tests.Web;

/// <summary>
/// Issue 14 item 4, the console queue under load: slow queries that keep their cores busy for seconds.
/// In the "soak" collection, which runs alone, so their load never starves another test's server or browser.
/// </summary>
[Collection("soak")]
[Trait("speed", "slow")]
public sealed class ConsoleLoadTests(ITestOutputHelper output) : IDisposable
{
    private readonly LoadedWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => AttackTests.Form(fields);

    /// <summary>Runs until the time limit: about 1e11 rows, one CPU-bound pipeline.</summary>
    private const string SlowQuery = "select count(*) from range(100000000000) t(i) where i % 7 = 3";

    [Fact]
    public async Task Console_queries_beyond_the_slots_are_told_busy_at_once_and_the_time_limit_stops_them()
    {
        // the defaults (max(1, cores/2) slots, one DuckDB thread each) but an 8 s limit
        var options = new DashboardOptions(_w.DbPath) { SqlLimits = new DashboardOptions(_w.DbPath).SqlLimits with { Timeout = TimeSpan.FromSeconds(8) } };
        Assert.Equal(1, options.SqlLimits.Threads);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), options.MaxConcurrentQueries);
        await using var s = await RunningServer.Start(options);
        s.Http.Timeout = TimeSpan.FromSeconds(60);
        var queue = s.App.Services.GetRequiredService<SqlConsoleQueue>();
        var watch = Stopwatch.StartNew();
        var slow = Enumerable.Range(0, queue.Slots).Select(_ => s.Http.PostAsync("/sql", Form(("q", SlowQuery)))).ToList();
        for (var i = 0; i < 600 && queue.Running < queue.Slots; i++) await Task.Delay(50); // every slot taken
        Assert.Equal(queue.Slots, queue.Running);
        // fails without the queue: the extra query would run (and wait its 8 s) instead of being told busy
        var extra = await s.Http.PostAsync("/sql", Form(("q", SlowQuery)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, extra.StatusCode);
        Assert.Contains("hãy thử lại", await extra.Content.ReadAsStringAsync());
        Assert.True(extra.Headers.Contains("Retry-After"));
        Assert.False(slow.Any(t => t.IsCompleted), "the busy answer came only after the running queries ended");
        var busyDownload = await s.Http.PostAsync("/sql/download", Form(("q", SlowQuery), ("format", "csv")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busyDownload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Http.GetAsync("/")).StatusCode);
        // the time limit fires on one DuckDB thread too: each slow query ends with the timeout message,
        // and DuckDB really stops (the slot is freed only when the query has ended)
        foreach (var r in await Task.WhenAll(slow))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
            Assert.Contains("giới hạn thời gian", await r.Content.ReadAsStringAsync());
        }
        var answeredAt = watch.Elapsed;
        for (var i = 0; i < 600 && queue.Running > 0; i++) await Task.Delay(50);
        Assert.Equal(0, queue.Running);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{queue.Slots} slot(s), 8 s limit: timeouts answered after {answeredAt.TotalSeconds:F1} s, slots free after {watch.Elapsed.TotalSeconds:F1} s; load average {LoadAverage()}"));
        var after = await s.Http.PostAsync("/sql", Form(("q", "select 42 as answer")));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>
    /// The load of the issue, measured against a baseline of the same server in the same run: first `/`
    /// and `/healthz` are probed with no console query (baseline), then while 200 clients keep console
    /// queries in flight (each posts a slow query again as soon as it is answered, a second after a
    /// "busy"). Only probes sent while every console slot was running count as loaded. Prints p50/p95 of
    /// both phases, their ratio and the load average (on a shared machine the absolute figure means little).
    /// Asserts that every probe was answered 200 (without the queue they were not answered for minutes),
    /// that the slots really were busy, and that the time limit ended queries under this load; the
    /// figures are printed, not asserted (no wall-clock asserts in tests). The second case is the earlier
    /// setting (two queries of two DuckDB threads on 2 cores), for comparison in the same run.
    /// Run: dotnet test tests/Dashboard.Tests -c Release --filter "FullyQualifiedName~ConsoleLoadTests.Pages_answer" --logger "console;verbosity=detailed"
    /// </summary>
    [Theory]
    [InlineData(0, 0)] // the defaults: max(1, cores / 2) console queries, one DuckDB thread each
    [InlineData(2, 2)] // the earlier setting: two queries of two threads
    public async Task Pages_answer_while_200_console_queries_are_in_flight(int slots, int threads)
    {
        var defaults = new DashboardOptions(_w.DbPath);
        var options = defaults with
        {
            MaxConcurrentQueries = slots == 0 ? defaults.MaxConcurrentQueries : slots,
            SqlLimits = defaults.SqlLimits with { Threads = threads == 0 ? defaults.SqlLimits.Threads : threads },
        };
        await using var s = await RunningServer.Start(options);
        var queue = s.App.Services.GetRequiredService<SqlConsoleQueue>();
        using var load = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 200 }) { BaseAddress = new Uri(s.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        using var probe = new HttpClient { BaseAddress = new Uri(s.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        foreach (var path in new[] { "/", "/healthz" }) Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(path)).StatusCode); // first renders are not measured

        var loadBefore = LoadAverage();
        var baseline = await Probe(probe, TimeSpan.FromSeconds(10), null);

        using var stop = new CancellationTokenSource();
        var answered = new int[600];
        var workers = Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var r = await load.PostAsync("/sql", Form(("q", SlowQuery)), stop.Token);
                    Interlocked.Increment(ref answered[(int)r.StatusCode]);
                    if (r.StatusCode == HttpStatusCode.ServiceUnavailable) await Task.Delay(1000, stop.Token); // as Retry-After asks, sooner
                }
                catch (OperationCanceledException) { }
            }
        })).ToList();
        for (var i = 0; i < 200 && queue.Running < queue.Slots; i++) await Task.Delay(50);
        // 30 s with a 20 s limit: every slot's first query is ended by the time limit under this load
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var loaded = await Probe(probe, TimeSpan.FromSeconds(30), queue);
        var coresUsed = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore) / wall.Elapsed;
        var loadAfter = LoadAverage();
        stop.Cancel();
        await Task.WhenAll(workers);

        var busy = loaded.Where(p => p.AllSlotsBusy).Select(p => p.Ms).ToList();
        var (b50, b95) = (Percentile(baseline.Select(p => p.Ms), 0.50), Percentile(baseline.Select(p => p.Ms), 0.95));
        var (l50, l95) = (Percentile(busy, 0.50), Percentile(busy, 0.95));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {queue.Slots} console queries at once, {options.SqlLimits.Threads} DuckDB thread(s) each, 200 clients in flight (same process), 20 s limit; load average {loadBefore} before, {loadAfter} after"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"baseline (no console query): {baseline.Count} probes of / and /healthz, p50 {b50:F1} ms, p95 {b95:F1} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loaded (every slot running): {busy.Count} of {loaded.Count} probes, p50 {l50:F1} ms, p95 {l95:F1} ms, max {busy.DefaultIfEmpty().Max():F1} ms; p95 ratio loaded/baseline {l95 / b95:F1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"console queries answered: 503 busy {answered[503]}, 422 time limit {answered[422]}, 200 {answered[200]}; this process (server and clients) used {coresUsed:F2} cores while loaded"));
        Assert.True(busy.Count >= loaded.Count * 9 / 10, $"only {busy.Count} of {loaded.Count} probes saw every slot running");
        Assert.True(answered[503] > 0);
        Assert.True(answered[422] >= queue.Slots, $"{answered[422]} queries ended by the time limit");
    }

    private sealed record ProbeTime(double Ms, bool AllSlotsBusy);

    /// <summary>/ and /healthz in turn, one at a time, 50 ms apart, for the given time; each must answer 200.</summary>
    private static async Task<List<ProbeTime>> Probe(HttpClient probe, TimeSpan duration, SqlConsoleQueue? queue)
    {
        var times = new List<ProbeTime>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            foreach (var path in new[] { "/", "/healthz" })
            {
                var busyBefore = queue is not null && queue.Running == queue.Slots;
                var watch = Stopwatch.StartNew();
                var r = await probe.GetAsync(path);
                var ms = watch.Elapsed.TotalMilliseconds;
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                times.Add(new ProbeTime(ms, busyBefore && queue!.Running == queue.Slots));
            }
            await Task.Delay(50);
        }
        return times;
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * p) - 1)];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
