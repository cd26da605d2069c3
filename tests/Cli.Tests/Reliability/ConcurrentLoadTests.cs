namespace Analytics.Cli.Tests.Reliability;

/// <summary>
/// Issue 6 item 2: a second `analytics load` on a warehouse another process is writing is refused
/// with a clear message and exit 3 (WarehouseBusyException in src/Warehouse/WarehouseFile.cs);
/// the first load completes whole, the refused one leaves no trace and succeeds when run again.
/// </summary>
[Trait("speed", "slow")]
public class ConcurrentLoadTests
{
    [Fact]
    public async Task A_second_load_while_one_is_writing_is_refused_clearly_and_nothing_is_half_applied()
    {
        using var s = new CliScratch();
        var units = LargeStaffing.Units(s.Dir, 800);
        Assert.Equal(0, s.Run("load", "--db", s.Db, units).Exit);
        var big = LargeStaffing.Staffing(s.Dir, "staffing_large.csv", 800, 5);
        var other = LargeStaffing.Staffing(s.Dir, "staffing_other.csv", 30, 1, firstYear: 2030);

        using var first = new ChildAnalytics("load", "--db", s.Db, big);
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.ErrorLine += line => { if (line.Contains("staffing_large.csv")) writing.TrySetResult(); };
        if (first.Err.Contains("staffing_large.csv")) writing.TrySetResult();
        await writing.Task.WaitAsync(TimeSpan.FromMinutes(2));

        using var second = new ChildAnalytics("load", "--db", s.Db, other);
        var exit = second.Wait(TimeSpan.FromMinutes(1));
        Assert.False(first.HasExited, "the first load finished before the second started; the test proves nothing");
        Assert.Equal(3, exit);
        Assert.Contains("kho dữ liệu đang được một tiến trình khác ghi", second.Err);
        Assert.Contains("the warehouse is being written by another process", second.Err);

        Assert.Equal(0, first.Wait(TimeSpan.FromMinutes(3)));
        var state = WarehouseState.Of(s.Db);
        Assert.StartsWith($"{800 * 56 * 5} rows", state.Tables["staffing"]);
        Assert.DoesNotContain(state.Successes, l => l.StartsWith("staffing_other.csv"));

        var (again, stdout, _) = s.Run("load", "--db", s.Db, other);
        Assert.Equal(0, again);
        Assert.Contains("đã nạp / loaded", stdout);
        Assert.StartsWith($"{800 * 56 * 5 + 30 * 56} rows", WarehouseState.Of(s.Db).Tables["staffing"]);
    }
}
