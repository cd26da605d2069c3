using Analytics.Soak;
using Xunit.Abstractions;

namespace Analytics.Dashboard.Tests.Snapshots;

/// <summary>Runs alone, after the parallel tests: its latency figures and 16 clients should not share the machine with the browser tests.</summary>
[CollectionDefinition("soak", DisableParallelization = true)]
public sealed class SoakCollection;

/// <summary>
/// Issue 6, the soak: 60 s of 16 HTTP clients against `analytics serve` (a child process on a
/// loopback port) while `analytics load` child processes load two versions of Hải Phòng's revenue
/// in turn into the same warehouse file (bench/Bench/DashboardSoak.cs, shared with `bench/run --steps soak`).
///
/// What fails if a protection is removed:
/// - the server opening the live warehouse instead of private copies: DuckDB's file lock then refuses
///   the loads (exit 3, "the warehouse is being written by another process"): `failedLoads` below;
///   or, if the server opened it per request, those requests fail while a load holds it: `Failures`.
/// - copying while a writer is mid-transaction or mid-checkpoint (the WAL check, the size/time check
///   before and after the copy): a torn copy either does not open (requests fail) or serves a state
///   that is neither version (the page is matched byte for byte against both): `Failures`.
/// - a request not holding one lease for its whole life (its queries spread over two snapshots): the
///   figures and the footer's load number disagree with the load journal: `Failures`.
/// - a server that never switches (serving a stale copy forever): `VersionChangesSeen`.
/// </summary>
[Trait("speed", "slow")]
[Collection("soak")]
public sealed class DashboardSoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_minutes_of_16_clients_while_loads_run_never_fail_a_request_and_every_page_is_one_whole_version()
    {
        var work = Path.Combine(Path.GetTempPath(), "analytics-soak-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var cli = Path.Combine(AppContext.BaseDirectory, "analytics.dll");
            // two minutes: a snapshot now takes ~15 s to prepare under the 16 clients (the status targets and
            // unit standards added to every catalogue), so 60 s saw 4 snapshots and, by chance, one change
            var setup = DashboardSoak.PrepareSamples(cli, LoadedWarehouse.RepoRoot, work, output.WriteLine) with { Duration = TimeSpan.FromSeconds(120) };
            var r = await DashboardSoak.Run(setup, output.WriteLine);

            // The two versions differ in a known way: 2026 revenue of Hải Phòng (unit 31) at 2026-05-31 is
            // 97.471 billion in A and 99.471 in B (+1.000 in April and in May); half a load would read 98.471.
            var revenue = setup.Paths.Single(p => p.StartsWith("/revenue", StringComparison.Ordinal));
            Assert.Contains(">97.471<", r.BodyA[revenue]);
            Assert.DoesNotContain("99.471", r.BodyA[revenue]);
            Assert.Contains(">99.471<", r.BodyB[revenue]);
            Assert.DoesNotContain("97.471", r.BodyB[revenue]);

            Assert.True(r.Failures.Count == 0, $"{r.Failures.Count} of {r.Requests} requests failed or showed a state that is not one whole version:\n"
                + string.Join("\n", r.Failures.Take(10)));
            var failedLoads = r.Loads.Where(l => l.ExitCode != 0).ToList();
            Assert.True(failedLoads.Count == 0, string.Join("\n", failedLoads.Select(l => $"load of {l.Version} exited {l.ExitCode}: {l.Output}")));
            // the loads really ran during the soak, and the pages really moved between the versions
            Assert.True(r.Loads.Count >= 6, r.Summary());
            // A→B and B→A both seen by the clients. A new snapshot is published when a copy is taken
            // between two loads and prepared (its tables computed) in the background: under 16 clients
            // on 2 cores that is every 12–16 s, so 120 s see 7–9 snapshots and 3–5 changes of version.
            Assert.True(r.VersionChangesSeen >= 2, r.Summary());
            Assert.True(r.Requests >= 16 * 10, r.Summary());
            Assert.NotEmpty(r.LatencyDuringLoadsMs);
            Assert.Contains(r.Samples, s => s.Version == 'A');
            Assert.Contains(r.Samples, s => s.Version == 'B');
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
