using Xunit.Abstractions;

namespace Analytics.Cli.Tests.Reliability;

/// <summary>
/// Issue 6: a load killed exactly at its commit (SIGKILL from the fault points around the loader's
/// transaction commit, src/Etl/Loading/FaultPoint.cs, armed by ANALYTICS_FAULT) leaves the warehouse
/// exactly as before the file or exactly with the whole file and its journal row, and it reopens.
///
/// What fails if a protection is removed: the journal row and the merge out of one transaction
/// (src/Etl/Loading/FileLoader.cs) leave a journal success or some rows after a kill before the commit
/// (the "before" state check); a commit that is not durable (the WAL) loses the file after a kill
/// right after it (the "after" state check).
/// </summary>
[Trait("speed", "slow")]
public class CommitFaultTests(ITestOutputHelper output)
{
    private const int Communes = 300;

    [Theory]
    [InlineData("before-commit")]
    [InlineData("after-commit")]
    public void A_load_killed_at_its_commit_leaves_exactly_the_old_or_exactly_the_new_warehouse(string point)
    {
        using var s = new CliScratch();
        var units = LargeStaffing.Units(s.Dir, Communes);
        var first = LargeStaffing.Staffing(s.Dir, "staffing_q1.csv", Communes, 1, firstYear: 2024);
        Assert.Equal(0, s.Run("load", "--db", s.Db, units, first).Exit);
        var file = LargeStaffing.Staffing(s.Dir, "staffing_new.csv", Communes, 2);
        var before = WarehouseState.Of(s.Db);

        // what the whole load gives, on a copy
        var copy = s.Path_("copy.duckdb");
        File.Copy(s.Db, copy);
        Assert.Equal(0, s.Run("load", "--db", copy, file).Exit);
        var after = WarehouseState.Of(copy);
        Assert.False(after.SameAs(before));

        using (var child = new ChildAnalytics(new Dictionary<string, string> { ["ANALYTICS_FAULT"] = point }, "load", "--db", s.Db, file))
        {
            var exit = child.Wait(TimeSpan.FromMinutes(3));
            // 128 + SIGKILL: it died at the fault point, not at the end of a normal run
            Assert.True(exit == 137, $"exit {exit}; stderr: {child.Err}");
        }
        var wal = File.Exists(s.Db + ".wal");
        output.WriteLine($"killed at {point}; WAL left: {wal}");
        if (point == "after-commit")
            Assert.True(wal, "no WAL after a kill right after the commit: the test would not exercise the recovery from the log");

        var state = WarehouseState.Of(s.Db); // reopening replays (or discards) the log
        if (point == "before-commit")
            Assert.True(state.SameAs(before), $"killed before the commit: the warehouse changed.\nbefore: {before}\nnow:    {state}");
        else
        {
            Assert.True(state.SameAs(after), $"killed after the commit: the warehouse is not the whole load.\nexpected: {after}\nnow:      {state}");
            Assert.Contains("staffing_new.csv loaded", state.Successes);
        }
        var (doctor, report, _) = s.Run("doctor", "--db", s.Db);
        Assert.True(doctor == 0, report);

        // and the warehouse takes the same file again: whole, or unchanged when it already holds it
        var (again, stdout, _) = s.Run("load", "--db", s.Db, file);
        Assert.Equal(0, again);
        Assert.Contains(point == "before-commit" ? "đã nạp / loaded" : "không đổi / unchanged", stdout);
        Assert.Equal(after.Tables, WarehouseState.Of(s.Db).Tables);
    }
}
