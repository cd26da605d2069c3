using Analytics.Warehouse;
using Analytics.Metrics;

namespace Analytics.Dashboard.Tests.Snapshots;

/// <summary>
/// Issue 14 item 5: views at several as_of dates at once gave HTTP 500 (ArgumentException from
/// Math.Clamp in SnapshotValues.CatalogueDatesThatFit, min 0 > max). The state: a catalogue date being
/// computed is in the held store before its computation ends (so concurrent first callers share it),
/// and the oldest date is dropped only after it ends; while one is in flight beside maxDates held
/// dates the store holds maxDates + 1, and "maxDates - held" is negative. Here that interleaving is
/// forced: a computation is held open on another thread while a page's prefetch runs.
/// </summary>
public sealed class CatalogueDatesInFlightTests : IDisposable
{
    private readonly LoadedWarehouse _w = new();
    public void Dispose() => _w.Dispose();

    private static readonly DateOnly[] Dates = [new(2025, 9, 30), new(2025, 10, 31), new(2025, 11, 30), new(2025, 12, 31), new(2026, 1, 31)];

    private static string Show(MetricValue v) => $"{v.Id}|{v.UnitCode}|{v.Value}|{v.Status}";

    [Fact]
    public async Task A_prefetch_while_a_date_is_in_flight_beside_a_full_store_computes_nothing_more_and_throws_nothing()
    {
        using var connection = WarehouseFile.Open(_w.DbPath, readOnly: true);
        var values = new SnapshotValues(maxDates: 2);
        var metrics = new SnapshotMetricsService(connection, values);
        Assert.NotEmpty(metrics.Compute("98", Dates[0]));
        Assert.NotEmpty(metrics.Compute("98", Dates[1]));
        Assert.Equal(2, values.CatalogueDates); // full

        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        // another request's first view at a third date, its query still running
        var inFlight = Task.Factory.StartNew(() => values.Catalogue(Dates[2], _ =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return new Dictionary<string, MetricValue[]>();
        }), TaskCreationOptions.LongRunning);
        try
        {
            Assert.True(entered.Wait(TimeSpan.FromSeconds(30)), "the third date's computation did not start");
            Assert.Equal(3, values.CatalogueDates); // maxDates + 1: the state that made min > max

            // fails without the Math.Max(0, …) in CatalogueDatesThatFit: ArgumentException "'0' cannot be greater than -1"
            Assert.Equal(0, values.CatalogueDatesThatFit(1));
            // the page's path: a prefetch of two more dates (what a view at another as_of does first)
            metrics.Prefetch([Dates[3], Dates[4]]);
        }
        finally
        {
            release.Set();
            await inFlight.WaitAsync(TimeSpan.FromSeconds(30));
        }
        Assert.True(values.CatalogueDates <= 2, $"{values.CatalogueDates} dates held");
        // the view still gets its numbers, the same as computed without held values
        var direct = new MetricsService(connection);
        Assert.Equal(direct.Compute("98", Dates[3]).Select(Show), metrics.Compute("98", Dates[3]).Select(Show));
    }
}
