using System.Diagnostics;
using System.Globalization;
using System.Net;
using Analytics.Warehouse;
using Analytics.Metrics;

namespace Analytics.Bench;

/// <summary>`analytics serve` as a child process on loopback, and a bounded load from this process.</summary>
public sealed class DashboardServer : IDisposable
{
    private readonly Process process;
    private readonly int port;

    private DashboardServer(Process process, int port) => (this.process, this.port) = (process, port);

    public string Url(string path, string unit, DateOnly asOf) =>
        $"http://127.0.0.1:{port}{path}?unit={unit}&as_of={asOf:yyyy-MM-dd}";

    public static DashboardServer Start(BenchOptions o, string db, int port)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { o.Cli, "serve", "--db", db, "--urls", $"http://127.0.0.1:{port}" }) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.WriteLine("   serve: " + e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var server = new DashboardServer(p, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (p.HasExited) throw new InvalidOperationException($"analytics serve exited {p.ExitCode}");
            try
            {
                if (http.GetAsync($"http://127.0.0.1:{port}/").Result.StatusCode == HttpStatusCode.OK) break;
            }
            catch (AggregateException) { }
            if (deadline.Elapsed > TimeSpan.FromMinutes(10)) { server.Dispose(); throw new TimeoutException("analytics serve did not answer within 10 minutes"); }
            Thread.Sleep(500);
        }
        Console.WriteLine($"   serve ready on {port} after {deadline.Elapsed.TotalSeconds:F1} s");
        return server;
    }

    /// <summary>Peak resident memory of the server so far (VmHWM).</summary>
    public double PeakMb() =>
        File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            ?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] is { } kb ? double.Parse(kb, CultureInfo.InvariantCulture) / 1024 : double.NaN;

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }
}

public static class DashboardBench
{
    private const int Clients = 16;
    private const int RequestsPerClient = 40;
    private static readonly TimeSpan RoundLimit = TimeSpan.FromSeconds(90);

    public static void Run(BenchOptions o, Results results)
    {
        var db = LoadBench.ScaleDb(o);
        string province, commune;
        DateOnly asOf;
        using (var c = WarehouseFile.Open(db, readOnly: true))
        {
            var m = new MetricsService(c);
            asOf = m.LatestMonthEnd()!.Value;
            var units = m.Units();
            province = units.Where(u => u.ParentCode is null)
                .OrderByDescending(p => p.Code == "31" && units.Any(u => u.ParentCode == p.Code)).ThenByDescending(p => units.Count(u => u.ParentCode == p.Code)).First().Code;
            commune = units.First(u => u.ParentCode == province && u.Type is "xa" or "phuong" or "dac_khu").Code;
        }
        using var server = DashboardServer.Start(o, db, 5182);
        string[] areas = ["/tasks", "/staffing", "/indices", "/revenue"];
        var urls = new List<(string Group, string Url)>();
        foreach (var unit in new[] { province, commune })
        {
            urls.Add(("overview", server.Url("/", unit, asOf)));
            urls.AddRange(areas.Select(a => ("area", server.Url(a, unit, asOf))));
        }
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var (_, url) in urls) Fetch(http, url); // warm: each page once

        var overviewP95 = new List<double>();
        var areaP95 = new List<double>();
        var rps = new List<double>();
        var counts = new List<int>();
        for (var round = 0; round < o.Runs; round++)
        {
            var samples = new System.Collections.Concurrent.ConcurrentBag<(string Group, double Ms)>();
            var clock = Stopwatch.StartNew();
            var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(() =>
            {
                for (var i = 0; i < RequestsPerClient && clock.Elapsed < RoundLimit; i++)
                {
                    var (group, url) = urls[(client + i) % urls.Count];
                    samples.Add((group, Fetch(http, url)));
                }
            })).ToArray();
            Task.WaitAll(clients);
            var seconds = clock.Elapsed.TotalSeconds;
            overviewP95.Add(P95(samples.Where(s => s.Group == "overview").Select(s => s.Ms)));
            areaP95.Add(P95(samples.Where(s => s.Group == "area").Select(s => s.Ms)));
            rps.Add(samples.Count / seconds);
            counts.Add(samples.Count);
            Console.WriteLine($"   round {round + 1}: {samples.Count} requests in {seconds:F1} s; p95 overview {overviewP95[^1]:F1} ms, area {areaP95[^1]:F1} ms");
        }
        var note = $"{Clients} clients × ≤ {RequestsPerClient} requests (≤ {RoundLimit.TotalSeconds:F0} s) per round; units {province} and {commune}; {o.Scale} warehouse";
        results.Add(new Figure("dashboard overview `/`: p95 latency", "ms", overviewP95, null, "", "< 100 ms", Results.Median(overviewP95) < 100, note));
        results.Add(new Figure("dashboard area pages (`/tasks`, `/staffing`, `/indices`, `/revenue`): p95 latency", "ms", areaP95, null, "", "< 100 ms", Results.Median(areaP95) < 100, note));
        results.Add(new Figure("dashboard throughput (requests/s, all pages)", "req/s", rps, null, "", "(none)", null, $"requests per round: {string.Join(", ", counts)}"));
        results.Size("dashboard server peak memory (VmHWM)", $"{server.PeakMb():F0} MB");
        results.Command($"dotnet {o.Cli} serve --db {db} --urls http://127.0.0.1:5182   # then {Clients} HttpClient loops in the bench process over {urls.Count} URLs");
    }

    private static double Fetch(HttpClient http, string url)
    {
        var w = Stopwatch.StartNew();
        using var response = http.GetAsync(url).Result;
        var body = response.Content.ReadAsByteArrayAsync().Result;
        if (response.StatusCode != HttpStatusCode.OK || body.Length < 500)
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} with {body.Length} bytes");
        return w.Elapsed.TotalMilliseconds;
    }

    private static double P95(IEnumerable<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count == 0 ? double.NaN : s[Math.Min(s.Count - 1, (int)Math.Ceiling(0.95 * s.Count) - 1)];
    }
}
