using Xunit.Abstractions;
using System.Diagnostics;

namespace Analytics.Cli.Tests.Reliability;

/// <summary>
/// Issue 6 item 1: a load killed with SIGKILL at any point leaves the warehouse exactly as before
/// that file (row counts and content checksum of every raw table, no success in the journal), and
/// the same load then succeeds. The protection is the loader's single transaction around journal
/// row and merge (src/Etl/Loading/FileLoader.cs) and DuckDB's write-ahead log.
/// </summary>
[Trait("speed", "slow")]
public class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Communes = 1500;
    private const int Dates = 5; // 1500 × 56 × 5 = 420.000 rows

    [Fact]
    public async Task A_load_killed_at_any_point_leaves_the_warehouse_as_it_was_and_then_loads()
    {
        using var s = new CliScratch();
        var units = LargeStaffing.Units(s.Dir, Communes);
        var small = LargeStaffing.Staffing(s.Dir, "staffing_q1.csv", 40, 1, firstYear: 2024);
        Assert.Equal(0, s.Run("load", "--db", s.Db, units, small).Exit);
        var big = LargeStaffing.Staffing(s.Dir, "staffing_large.csv", Communes, Dates);
        var before = WarehouseState.Of(s.Db);

        // Calibrate on a copy: how long a whole load takes, and what a completed load looks like.
        var copy = s.Path_("copy.duckdb");
        File.Copy(s.Db, copy);
        var clock = Stopwatch.StartNew();
        using (var full = new ChildAnalytics("load", "--db", copy, big))
            Assert.Equal(0, full.Wait(TimeSpan.FromMinutes(3)));
        var whole = clock.Elapsed;
        var after = WarehouseState.Of(copy);
        output.WriteLine($"whole load of {Communes * 56 * Dates} rows in a child process: {whole.TotalSeconds:F1} s");
        Assert.False(after.SameAs(before));

        var kills = new List<(string When, Func<ChildAnalytics, Task> Until)>
        {
            ("0,3 s", _ => Task.Delay(300)),
            ("1 s", _ => Task.Delay(1000)),
            ("2 s", _ => Task.Delay(2000)),
            ("after reading (set checks)", ReadFinished),
            ("1 s after reading (checks, merge)", async c => { await ReadFinished(c); await Task.Delay(1000); }),
            ("3 s after reading (merge, commit)", async c => { await ReadFinished(c); await Task.Delay(3000); }),
        };
        var killedMidway = 0;
        var finished = false;
        var log = new List<string>();
        foreach (var (when, until) in kills)
        {
            using var child = new ChildAnalytics("load", "--db", s.Db, big);
            clock.Restart();
            await until(child).WaitAsync(TimeSpan.FromMinutes(2));
            var killed = child.Kill();
            var state = WarehouseState.Of(s.Db);
            if (killed)
            {
                killedMidway++;
                Assert.True(state.SameAs(before), $"killed at {when}: the warehouse changed.\nbefore: {before}\nnow:    {state}");
                log.Add($"{when}: killed, unchanged");
                output.WriteLine($"{when}: killed after {clock.Elapsed.TotalSeconds:F1} s, warehouse unchanged");
            }
            else
            {
                // It finished before the kill: then it must be whole; later kills would prove nothing more.
                Assert.True(state.Tables.SequenceEqual(after.Tables), $"finished at {when} but not whole: {state}");
                log.Add($"{when}: had finished, whole");
                output.WriteLine($"{when}: the load had finished before the kill; the warehouse holds it whole");
                finished = true;
                break;
            }
        }
        Assert.True(killedMidway >= 4, string.Join("; ", log));

        using (var again = new ChildAnalytics("load", "--db", s.Db, big))
        {
            Assert.Equal(0, again.Wait(TimeSpan.FromMinutes(3)));
            Assert.Contains(finished ? "không đổi / unchanged" : "đã nạp / loaded", again.Out);
        }
        var reloaded = WarehouseState.Of(s.Db);
        Assert.Equal(after.Tables, reloaded.Tables);
        Assert.Contains("staffing_large.csv loaded", reloaded.Successes);
        var (doctor, report, _) = s.Run("doctor", "--db", s.Db);
        Assert.True(doctor == 0, report);
    }

    /// <summary>Completes when the child reports the file's last row read (the loader then checks, merges and commits).</summary>
    private static Task ReadFinished(ChildAnalytics child)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var total = (Communes * 56 * Dates).ToString("N0", new System.Globalization.CultureInfo("vi-VN"));
        child.ErrorLine += line => { if (line.Contains(total)) done.TrySetResult(); };
        if (child.Err.Contains(total)) done.TrySetResult();
        return done.Task;
    }
}
