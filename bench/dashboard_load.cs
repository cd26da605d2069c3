#:project ../src/Dashboard/Dashboard.csproj
#:property TreatWarningsAsErrors=true
#:property PublishAot=false
// Dashboard latency under concurrent clients, against a baseline served by the same server in the
// same run (/healthz: routing, headers and the snapshot lease, no metrics).
// Usage: dotnet run bench/dashboard_load.cs -- DB [CLIENTS=16] [SECONDS=20]
// 1. cold: the first visit of every page for the top unit and each unit below it (computes);
// 2. load: CLIENTS clients for SECONDS seconds, each request a random page and unit at the latest
//    month end, closed loop; then the same clients on /healthz. Prints p50/p95/max, failures, ratios.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Analytics.Dashboard;
using Analytics.Metrics;
using DuckDB.NET.Data;

var db = args.Length > 0 ? args[0] : throw new ArgumentException("usage: dotnet run bench/dashboard_load.cs -- DB [CLIENTS] [SECONDS]");
var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;

List<string> units;
using (var c = new DuckDBConnection($"Data Source={db};ACCESS_MODE=READ_ONLY"))
{
    c.Open();
    var m = new MetricsService(c);
    var all = m.Units();
    var children = all.Where(u => u.ParentCode is not null).ToLookup(u => u.ParentCode!);
    int Size(string code) => 1 + children[code].Sum(x => Size(x.Code));
    var top = all.Where(u => u.ParentCode is null).OrderByDescending(u => Size(u.Code)).First();
    units = [top.Code, .. children[top.Code].Select(u => u.Code)];
}

var app = DashboardApp.Build(new DashboardOptions(db) { Urls = "http://127.0.0.1:0" });
await app.StartAsync();
var baseUrl = DashboardApp.ListeningAddress(app);
using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
string[] pages = ["/", "/tasks", "/staffing", "/indices", "/revenue"];

var cold = new List<double>();
foreach (var u in units)
    foreach (var p in pages)
    {
        var sw = Stopwatch.StartNew();
        using var r = await http.GetAsync($"{p}?unit={u}");
        cold.Add(sw.Elapsed.TotalMilliseconds);
        if (!r.IsSuccessStatusCode) Console.Error.WriteLine($"cold {p}?unit={u}: {(int)r.StatusCode}");
    }

async Task<(List<double> Ms, int Failures)> Run(Func<Random, string> next)
{
    var ms = new ConcurrentBag<double>();
    var failures = 0;
    var until = DateTime.UtcNow.AddSeconds(seconds);
    await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
    {
        var rnd = new Random(i);
        while (DateTime.UtcNow < until)
        {
            var sw = Stopwatch.StartNew();
            try
            {
                using var r = await http.GetAsync(next(rnd));
                await r.Content.ReadAsByteArrayAsync();
                if (!r.IsSuccessStatusCode) Interlocked.Increment(ref failures);
            }
            catch (HttpRequestException) { Interlocked.Increment(ref failures); }
            ms.Add(sw.Elapsed.TotalMilliseconds);
        }
    })));
    return (ms.ToList(), failures);
}

var load = await Run(r => $"{pages[r.Next(pages.Length)]}?unit={units[r.Next(units.Count)]}");
var baseline = await Run(_ => "/healthz");
await app.StopAsync();

static double P(List<double> xs, double q) { var s = xs.Order().ToList(); return s.Count == 0 ? double.NaN : s[Math.Min(s.Count - 1, (int)Math.Ceiling(q * s.Count) - 1)]; }
string Row(string name, List<double> xs, int failures) =>
    $"| {name} | {xs.Count} | {failures} | {P(xs, 0.5):0.0} | {P(xs, 0.95):0.0} | {xs.DefaultIfEmpty(0).Max():0.0} |";
Console.WriteLine($"units {units.Count} (top {units[0]} and the units below it), pages {pages.Length}, {clients} clients, {seconds} s, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("| phase | requests | failures | p50 ms | p95 ms | max ms |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine(Row("cold: first visit of each page and unit (1 client)", cold, 0));
Console.WriteLine(Row($"pages, {clients} clients", load.Ms, load.Failures));
Console.WriteLine(Row($"baseline /healthz, {clients} clients", baseline.Ms, baseline.Failures));
Console.WriteLine($"p95 ratio pages / baseline: {P(load.Ms, 0.95) / P(baseline.Ms, 0.95):0.0}x");
