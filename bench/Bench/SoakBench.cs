using Analytics.Soak;

namespace Analytics.Bench;

/// <summary>
/// `--steps soak`: issue 6's soak (DashboardSoak, the same code as the CI test
/// tests/Dashboard.Tests/Snapshots/DashboardSoakTests.cs): 60 s of 16 clients against `analytics serve`
/// while `analytics load` loads two versions of Hải Phòng's revenue in turn, on the data-samples warehouse.
/// </summary>
public static class SoakBench
{
    public static void Run(BenchOptions o, Results results)
    {
        var work = Path.Combine(o.Work, "soak");
        var setup = DashboardSoak.PrepareSamples(o.Cli, o.Repo, work, line => Console.WriteLine("   " + line));
        var r = DashboardSoak.Run(setup, line => Console.WriteLine("   " + line)).GetAwaiter().GetResult();
        var during = r.LatencyDuringLoadsMs;
        var all = r.LatencyMs;
        var conditions = $"{setup.Clients} clients, {setup.Duration.TotalSeconds:F0} s, data-samples warehouse; load average {r.LoadAverageStart} → {r.LoadAverageEnd}";
        results.Add(new Figure("soak: requests served", "count", [r.Requests], null, "", "(none)", null, conditions));
        results.Add(new Figure("soak: failed requests (non-2xx, errors, > 30 s, or a page that is not one whole version)", "count",
            [r.Failures.Count], null, "", "0", r.Failures.Count == 0, r.Failures.Count == 0 ? "" : r.FailureKinds() + "; first: " + r.Failures[0].Replace('|', '/')));
        results.Add(new Figure("soak: `analytics load` runs completed during the soak", "count", [r.Loads.Count], null, "", "all succeed",
            r.FailedLoads == 0, $"{r.FailedLoads} failed; pages saw {r.SnapshotsSeen} snapshots, {r.VersionChangesSeen} changes of version"));
        results.Add(new Figure("soak: latency during loads, p50", "ms", [SoakResult.Percentile(during, .5)], null, "", "(none)", null, $"{during.Count} requests overlapping a load"));
        results.Add(new Figure("soak: latency during loads, p95", "ms", [SoakResult.Percentile(during, .95)], null, "", "(none)", null, $"{during.Count} requests overlapping a load"));
        results.Add(new Figure("soak: latency during loads, max", "ms", [SoakResult.Percentile(during, 1)], null, "", "(none)", null, $"{during.Count} requests overlapping a load"));
        results.Add(new Figure("soak: latency over the whole soak, p95", "ms", [SoakResult.Percentile(all, .95)], null, "", "(none)", null, $"{all.Count} requests; p50 {SoakResult.Percentile(all, .5):F0} ms, max {SoakResult.Percentile(all, 1):F0} ms"));
        results.Command($"dotnet {o.Cli} serve --db {setup.Db}   # soak: {setup.Clients} HttpClient loops over {setup.Paths.Count} pages for {setup.Duration.TotalSeconds:F0} s, while `dotnet {o.Cli} load --db {setup.Db} {Path.GetFileName(setup.VersionB)}|{Path.GetFileName(setup.VersionA)}` runs in turn, {setup.PauseBetweenLoads.TotalSeconds:F0} s apart");
    }
}
