// Shared by bench/Bench (the `soak` step) and tests/Dashboard.Tests (linked source file), so the
// figures in bench/RESULTS.md and the CI test come from the same code. BCL only, on purpose.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Soak;

/// <summary>What the soak runs against: the CLI, a warehouse already holding version A, the two versions, the pages.</summary>
public sealed record SoakSetup(string Cli, string Db, string VersionA, string VersionB, IReadOnlyList<string> Paths)
{
    /// <summary>
    /// Figures some pages must show at version A and at version B, checked at calibration: the calibration
    /// takes the server's word for what each version looks like, so a server that keeps showing old
    /// figures (a cache outliving its snapshot) would otherwise calibrate both versions to the same page.
    /// </summary>
    public IReadOnlyList<(string Path, string A, string B)> KnownFigures { get; init; } = [];
    public int Clients { get; init; } = 16;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Between two loads, as between two people's uploads; back-to-back loads leave the server no quiet moment to copy.</summary>
    public TimeSpan PauseBetweenLoads { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>One response (or failure) seen by a client.</summary>
public sealed record SoakSample(long StartTicks, long EndTicks, int Path, long? Snapshot, long? LoadId, char Version, string? Failure)
{
    public double Ms => (EndTicks - StartTicks) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>One `analytics load` child process run during the soak.</summary>
public sealed record SoakLoad(long StartTicks, long EndTicks, char Version, int ExitCode, string Output);

public sealed record SoakResult(
    IReadOnlyList<SoakSample> Samples, IReadOnlyList<SoakLoad> Loads, IReadOnlyList<string> Failures,
    int SnapshotsSeen, int VersionChangesSeen, int LoadsSeen, string LoadAverageStart, string LoadAverageEnd,
    IReadOnlyDictionary<string, string> BodyA, IReadOnlyDictionary<string, string> BodyB)
{
    public int Requests => Samples.Count;
    public int FailedLoads => Loads.Count(l => l.ExitCode != 0);
    /// <summary>Every request's time, failed ones included (a timed-out request counts its 30 s, so the tail is not flattered).</summary>
    public IReadOnlyList<double> LatencyMs => Samples.Select(s => s.Ms).ToList();

    /// <summary>Requests whose time overlapped a running `analytics load` (and the copy that follows it), failed ones included.</summary>
    public IReadOnlyList<double> LatencyDuringLoadsMs =>
        Samples.Where(s => Loads.Any(l => s.StartTicks < l.EndTicks && s.EndTicks > l.StartTicks)).Select(s => s.Ms).ToList();

    public static double Percentile(IReadOnlyList<double> xs, double p)
    {
        var s = xs.Order().ToList();
        return s.Count == 0 ? double.NaN : s[Math.Clamp((int)Math.Ceiling(p * s.Count) - 1, 0, s.Count - 1)];
    }

    /// <summary>Failures by kind: timeouts, non-2xx answers, other errors, pages that are neither version, figures and footer of different versions.</summary>
    public string FailureKinds() => Failures.Count == 0 ? "none" : string.Join(", ", Failures
        .GroupBy(f => f.Contains("HttpClient.Timeout", StringComparison.Ordinal) ? "timeout"
            : f.Contains(": HTTP ", StringComparison.Ordinal) ? "non-2xx"
            : f.Contains("neither version", StringComparison.Ordinal) ? "neither version"
            : f.Contains("footer from different", StringComparison.Ordinal) ? "figures and footer disagree"
            : "other error")
        .Select(g => $"{g.Count()} {g.Key}"));

    public string Summary()
    {
        var all = LatencyMs;
        var during = LatencyDuringLoadsMs;
        return $"{Requests} requests, {Failures.Count} failed ({FailureKinds()}); {Loads.Count} loads ({FailedLoads} failed), {LoadsSeen} of them seen by the pages, "
            + $"{SnapshotsSeen} snapshots seen, {VersionChangesSeen} version changes seen; "
            + $"latency all p50 {Percentile(all, .5):F0} / p95 {Percentile(all, .95):F0} / max {Percentile(all, 1):F0} ms; "
            + $"during loads ({during.Count} requests) p50 {Percentile(during, .5):F0} / p95 {Percentile(during, .95):F0} / max {Percentile(during, 1):F0} ms; "
            + $"load average {LoadAverageStart} → {LoadAverageEnd}";
    }
}

/// <summary>
/// The reliability soak of issue 6: `analytics serve` as a child process on a loopback port,
/// <see cref="SoakSetup.Clients"/> HTTP clients reading pages for <see cref="SoakSetup.Duration"/> while
/// `analytics load` child processes load version B and version A of one file in turn into the same
/// warehouse file.
///
/// Each page is first fetched at version A and at version B (calibration). During the soak every
/// response must then be, byte for byte apart from the footer's snapshot line, the page of version A
/// or of version B (anything else is a mixed or half state), and the footer's load number must belong
/// to that version according to the load journal read after the soak (figures and footer from one
/// snapshot). Requests that fail, time out or answer non-2xx are failures too.
/// </summary>
public static partial class DashboardSoak
{
    /// <summary>
    /// The soak's standard files from the repo's data-samples: a warehouse with every sample loaded
    /// (version A of Hải Phòng's revenue is revenue_31.csv itself), and version B adding 1.000 billion
    /// to the other domestic revenue of April and of May 2026 (2.000 billion in all: the 2026 total of
    /// unit 31 at 2026-05-31 is 97.471 in A and 99.471 in B; a load applied by half would show 98.471).
    /// </summary>
    public static SoakSetup PrepareSamples(string cli, string repo, string work, Action<string> log)
    {
        Directory.CreateDirectory(work);
        var db = Path.Combine(work, "warehouse.duckdb");
        foreach (var f in new[] { db, db + ".wal" }) File.Delete(f);
        if (Directory.Exists(db + ".snapshots")) Directory.Delete(db + ".snapshots", recursive: true);
        var samples = Path.Combine(repo, "data-samples");
        var load = RunCli(cli, ["load", "--db", db, samples], TimeSpan.FromMinutes(5));
        if (load.Exit != 0) throw new InvalidOperationException($"loading {samples} exited {load.Exit}: {load.Output}");
        var source = File.ReadAllLines(Path.Combine(samples, "revenue_31.csv"));
        var a = Path.Combine(work, "revenue_soak_a.csv");
        var b = Path.Combine(work, "revenue_soak_b.csv");
        File.WriteAllLines(a, source);
        var changed = 0;
        File.WriteAllLines(b, source.Select(line =>
        {
            var cells = line.Split(',');
            if (cells.Length < 4 || cells[1] != "31" || cells[2] != "thu_noi_dia_khac" || cells[0] is not ("2026-04" or "2026-05")) return line;
            changed++;
            cells[3] = (decimal.Parse(cells[3], CultureInfo.InvariantCulture) + 1000m).ToString(CultureInfo.InvariantCulture);
            return string.Join(',', cells);
        }));
        if (changed != 2) throw new InvalidOperationException($"data-samples/revenue_31.csv no longer has the two rows version B changes ({changed} found)");
        log($"soak warehouse {db} ({new FileInfo(db).Length / 1e6:F1} MB), versions {a} and {b}");
        const string view = "unit=31&as_of=2026-05-31";
        var sql = "/sql?q=" + Uri.EscapeDataString("select (select sum(amount_bn_vnd) from raw.revenue where unit_code = '31' and year = 2026) as revenue_2026, "
            + "(select file_name from meta.loads where file_name like 'revenue_soak%' order by load_id desc limit 1) as latest_version");
        return new SoakSetup(cli, db, a, b,
        [
            $"/?{view}", $"/revenue?{view}", $"/staffing?{view}", $"/tasks?{view}", $"/indices?{view}",
            // figures and the journal's latest version in one query, besides the footer's snapshot line
            sql,
        ])
        {
            KnownFigures = [($"/?{view}", ">97.471", ">99.471"), ($"/revenue?{view}", ">97.471<", ">99.471<"), (sql, ">97.471<", ">99.471<")],
        };
    }

    public static async Task<SoakResult> Run(SoakSetup setup, Action<string> log)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var server = StartServer(setup, baseUrl, log);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = setup.Clients, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        { BaseAddress = new Uri(baseUrl), Timeout = setup.RequestTimeout };
        await WaitReady(http, server, log);

        // Calibration: every page after a load of version B, then after a load of version A. Setting up,
        // not measured: one request at a time, with all the time a cold page may need on a busy machine.
        using var calibration = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        var bodyB = await CalibrateAfterLoading(calibration, setup, setup.VersionB);
        var bodyA = await CalibrateAfterLoading(calibration, setup, setup.VersionA);
        foreach (var (path, a, b) in setup.KnownFigures)
        {
            if (!bodyA[path].Body.Contains(a, StringComparison.Ordinal) || bodyA[path].Body.Contains(b, StringComparison.Ordinal))
                throw new InvalidOperationException($"{path} at version A does not show {a} (or shows version B's {b})");
            if (!bodyB[path].Body.Contains(b, StringComparison.Ordinal) || bodyB[path].Body.Contains(a, StringComparison.Ordinal))
                throw new InvalidOperationException($"{path} at version B does not show {b} (or shows version A's {a})");
        }
        var distinguishing = setup.Paths.Where(p => bodyA[p].Body != bodyB[p].Body).ToList();
        if (distinguishing.Count == 0) throw new InvalidOperationException("no page differs between version A and version B; the soak could not tell them apart");
        log($"calibrated: pages that tell A from B: {string.Join(", ", distinguishing.Select(p => p.Split('?')[0]))}");

        var loadAverageStart = LoadAverage();
        var clock = Stopwatch.StartNew();
        var soakStart = Stopwatch.GetTimestamp();
        var end = setup.Duration;
        var loads = new List<SoakLoad>();
        var loader = Task.Run(async () =>
        {
            var next = 'B'; // the warehouse holds A after the calibration
            while (clock.Elapsed < end)
            {
                await Task.Delay(setup.PauseBetweenLoads);
                if (clock.Elapsed >= end) break;
                var started = Stopwatch.GetTimestamp();
                var r = RunCli(setup.Cli, ["load", "--db", setup.Db, next == 'A' ? setup.VersionA : setup.VersionB], TimeSpan.FromMinutes(5));
                lock (loads) loads.Add(new SoakLoad(started, Stopwatch.GetTimestamp(), next, r.Exit, r.Exit == 0 ? "" : r.Output));
                next = next == 'A' ? 'B' : 'A';
            }
        });
        var samples = new ConcurrentBag<SoakSample>();
        var clients = Enumerable.Range(0, setup.Clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; clock.Elapsed < end; i++)
            {
                var p = (client + i) % setup.Paths.Count;
                samples.Add(await Fetch(http, setup.Paths[p], p, bodyA, bodyB));
            }
        })).ToList();
        await Task.WhenAll(clients);
        await loader;
        var loadAverageEnd = LoadAverage();
        server.Stop();

        // The journal says which version each load number holds: the soak's files alternate, the
        // samples and the calibration loads come before them.
        var journal = RunCli(setup.Cli, ["query", "--db", setup.Db, "select load_id, file_name, outcome from meta.loads order by load_id", "--format", "csv"], TimeSpan.FromMinutes(2));
        if (journal.Exit != 0) throw new InvalidOperationException($"reading the journal exited {journal.Exit}: {journal.Output}");
        var versionAt = new Dictionary<long, char>();
        var current = 'A';
        foreach (var line in journal.Stdout.Split('\n').Skip(1).Where(l => l.Trim().Length > 0))
        {
            var cells = line.Trim().Split(',');
            var id = long.Parse(cells[0], CultureInfo.InvariantCulture);
            if (cells[2] != "refused" && cells[1] == Path.GetFileName(setup.VersionA)) current = 'A';
            if (cells[2] != "refused" && cells[1] == Path.GetFileName(setup.VersionB)) current = 'B';
            versionAt[id] = current;
        }

        var all = samples.OrderBy(s => s.StartTicks).ToList();
        double At(long ticks) => (ticks - soakStart) / (double)Stopwatch.Frequency;
        var failures = new List<string>();
        foreach (var s in all)
        {
            var failure = s.Failure;
            if (failure is null && s.Version != '=' && (!versionAt.TryGetValue(s.LoadId!.Value, out var v) || v != s.Version))
                failure = $"{setup.Paths[s.Path]}: the page shows version {s.Version} under load #{s.LoadId}, which holds version {(versionAt.TryGetValue(s.LoadId.Value, out var w) ? w : '?')} (figures and footer from different states)";
            if (failure is not null) failures.Add($"[{At(s.StartTicks):F1} s into the soak, {s.Ms:F0} ms] {failure}");
        }
        var perSnapshot = all.Where(s => s.Failure is null && s.Snapshot is not null && s.Version != '=')
            .GroupBy(s => s.Snapshot!.Value).OrderBy(g => g.Key).Select(g => g.First().Version).ToList();
        var changes = perSnapshot.Zip(perSnapshot.Skip(1)).Count(x => x.First != x.Second);
        var result = new SoakResult(all, loads, failures,
            all.Where(s => s.Snapshot is not null).Select(s => s.Snapshot).Distinct().Count(), changes,
            all.Where(s => s.LoadId is not null).Select(s => s.LoadId).Distinct().Count(),
            loadAverageStart, loadAverageEnd,
            bodyA.ToDictionary(kv => kv.Key, kv => kv.Value.Body), bodyB.ToDictionary(kv => kv.Key, kv => kv.Value.Body));
        log(result.Summary());
        log("loads (start–end s into the soak): " + string.Join(", ", loads.Select(l => $"{l.Version} {At(l.StartTicks):F1}–{At(l.EndTicks):F1}")));
        log("slowest requests: " + string.Join(", ", all.OrderByDescending(s => s.Ms).Take(8).Select(s => $"{setup.Paths[s.Path].Split('?')[0]} at {At(s.StartTicks):F1} s took {s.Ms:F0} ms")));
        foreach (var f in failures.Take(10)) log("failure: " + f);
        if (failures.Count > 0) log("server output (last 6000 characters): " + server.Output[Math.Max(0, server.Output.Length - 6000)..]);
        foreach (var l in loads.Where(l => l.ExitCode != 0).Take(3)) log($"failed load of {l.Version}, exit {l.ExitCode}: {l.Output}");
        return result;
    }

    private sealed record Page(string Body, long Snapshot, long LoadId);

    /// <summary>The footer's data line (Web/Html.cs DataNote: data-snapshot="N" data-load="L", "Số liệu nạp lúc … · lần nạp L"):
    /// which snapshot and which load served the page; the whole line differs between loads.</summary>
    [GeneratedRegex(@"<p class=""data-note"" data-snapshot=""(\d+)"" data-load=""(\d+)"">[^<]*</p>")]
    private static partial Regex SnapshotLine();

    /// <summary>The SQL console's run time ("1 dòng, 5 ms"): the one other thing that differs between two answers from one snapshot.</summary>
    [GeneratedRegex(@"(\d+ dòng), [\d.,]+ (ms|s)\b")]
    private static partial Regex QueryTime();

    private static Page? Parse(string body)
    {
        var m = SnapshotLine().Match(body);
        if (!m.Success) return null;
        return new Page(QueryTime().Replace(SnapshotLine().Replace(body, "<p class=\"data-note\">_</p>"), "$1, _ ms"),
            long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static async Task<SoakSample> Fetch(HttpClient http, string path, int index,
        IReadOnlyDictionary<string, Page> a, IReadOnlyDictionary<string, Page> b)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            var stop = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode)
                return new SoakSample(start, stop, index, null, null, '?', $"{path}: HTTP {(int)response.StatusCode}: {Head(body)}");
            if (Parse(body) is not { } page)
                return new SoakSample(start, stop, index, null, null, '?', $"{path}: no snapshot line in the page: {Head(body)}");
            var isA = page.Body == a[path].Body;
            var isB = page.Body == b[path].Body;
            var version = isA && isB ? '=' : isA ? 'A' : isB ? 'B' : '?';
            return new SoakSample(start, stop, index, page.Snapshot, page.LoadId, version,
                version == '?' ? $"{path}: snapshot {page.Snapshot} (load #{page.LoadId}) is neither version A nor version B: {FirstDifference(page.Body, a[path].Body)}" : null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new SoakSample(start, Stopwatch.GetTimestamp(), index, null, null, '?', $"{path}: {e.GetType().Name}: {e.Message}{(e.InnerException is { } inner ? $" ({inner.GetType().Name}: {inner.Message})" : "")}");
        }
    }

    private static async Task<Dictionary<string, Page>> CalibrateAfterLoading(HttpClient http, SoakSetup setup, string version)
    {
        var before = (await GetPage(http, setup.Paths[0])).LoadId;
        var load = RunCli(setup.Cli, ["load", "--db", setup.Db, version], TimeSpan.FromMinutes(5));
        if (load.Exit != 0) throw new InvalidOperationException($"calibration load of {version} exited {load.Exit}: {load.Output}");
        await WaitForNewLoad(http, setup.Paths[0], before);
        return await Calibrate(http, setup.Paths);
    }

    private static async Task<Dictionary<string, Page>> Calibrate(HttpClient http, IReadOnlyList<string> paths)
    {
        var pages = new Dictionary<string, Page>();
        foreach (var path in paths)
        {
            var first = await GetPage(http, path);
            var second = await GetPage(http, path);
            if (first.Body != second.Body)
                throw new InvalidOperationException($"{path} differs between two requests of the same snapshot, so a response cannot be matched to a version: {FirstDifference(first.Body, second.Body)}");
            pages[path] = first;
        }
        if (pages.Values.Select(p => p.Snapshot).Distinct().Count() != 1)
            throw new InvalidOperationException("the snapshot changed during calibration");
        return pages;
    }

    private static async Task<Page> GetPage(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: HTTP {(int)response.StatusCode}: {Head(body)}");
        return Parse(body) ?? throw new InvalidOperationException($"{path}: no data line (data-snapshot, data-load) in the footer");
    }

    private static async Task WaitForNewLoad(HttpClient http, string path, long before)
    {
        var clock = Stopwatch.StartNew();
        while ((await GetPage(http, path)).LoadId == before)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException("the server did not switch to the calibration load within a minute");
            await Task.Delay(200);
        }
    }

    private static string FirstDifference(string x, string y)
    {
        var i = 0;
        while (i < x.Length && i < y.Length && x[i] == y[i]) i++;
        var from = Math.Max(0, i - 60);
        return $"at character {i}: «{x[from..Math.Min(x.Length, i + 60)]}» instead of «{y[from..Math.Min(y.Length, i + 60)]}»";
    }

    private static string Head(string s) => s.Length <= 300 ? s : s[..300];

    public static string LoadAverage() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static async Task WaitReady(HttpClient http, ServerProcess server, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (server.HasExited) throw new InvalidOperationException($"analytics serve exited: {server.Output}");
            try
            {
                using var r = await http.GetAsync("/healthz");
                if (r.StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { }
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"analytics serve did not answer within 2 minutes: {server.Output}");
            await Task.Delay(200);
        }
        log($"serve ready after {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static ServerProcess StartServer(SoakSetup setup, string url, Action<string> log)
    {
        log($"$ dotnet {setup.Cli} serve --db {setup.Db} --urls {url}");
        return new ServerProcess(Start(setup.Cli, ["serve", "--db", setup.Db, "--urls", url]));
    }

    private static Process Start(string cli, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(cli);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    public sealed record CliRun(int Exit, string Stdout, string Output);

    /// <summary>`dotnet analytics.dll args` to completion (killed past the bound).</summary>
    public static CliRun RunCli(string cli, IEnumerable<string> args, TimeSpan bound)
    {
        using var p = Start(cli, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(bound))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return new CliRun(-1, stdout.Result, $"timed out after {bound}; {stdout.Result}{stderr.Result}");
        }
        p.WaitForExit();
        return new CliRun(p.ExitCode, stdout.Result, stdout.Result + stderr.Result);
    }

    /// <summary>The server child; its output is collected for error messages.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly Process _p;
        private readonly StringBuilder _out = new();

        public ServerProcess(Process p)
        {
            _p = p;
            _p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_out) _out.AppendLine(e.Data); };
            _p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_out) _out.AppendLine(e.Data); };
            _p.BeginOutputReadLine();
            _p.BeginErrorReadLine();
        }

        public bool HasExited => _p.HasExited;
        public string Output { get { lock (_out) return _out.ToString(); } }

        public void Stop()
        {
            if (!_p.HasExited) _p.Kill(entireProcessTree: true);
            _p.WaitForExit();
        }

        public void Dispose()
        {
            Stop();
            _p.Dispose();
        }
    }
}
