using System.Globalization;
using Analytics.Etl.Loading;
using Analytics.Warehouse;

namespace Analytics.Metrics.Tests;

/// <summary>
/// The snapshot path (every unit's catalogue, series and lists computed once per date, then
/// answered from memory) gives exactly the figures of the per-unit queries: the data-samples
/// warehouse (Hải Phòng and Cần Thơ, real load pipeline), several dates, NULL values included.
/// Values are compared to 1e-12 relative, not bit for bit: DuckDB sums doubles (revenue amounts) in
/// parallel in no fixed order, so even the same direct query run twice can differ in the last bit
/// of a revenue sum (seen here); everything else (ids, dims, NULLs, units, status, order) is exact.
/// </summary>
public sealed class SnapshotValuesTests : IClassFixture<SnapshotValuesTests.Samples>
{
    public sealed class Samples : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "snapshot-values-" + Guid.NewGuid().ToString("N"));

        public Samples()
        {
            Directory.CreateDirectory(_dir);
            using (var writer = WarehouseFile.OpenMigrated(DbPath))
            {
                var report = LoadPipeline.Load(writer, [RepoPaths.DataSamples], new LoadOptions { RejectsDirectory = _dir });
                Assert.All(report.Files, f => Assert.Equal(LoadOutcome.Loaded, f.Outcome));
            }
            Connection = WarehouseFile.Open(DbPath, readOnly: true);
        }

        public string DbPath => Path.Combine(_dir, "w.duckdb");
        public DuckDB.NET.Data.DuckDBConnection Connection { get; }

        public void Dispose()
        {
            Connection.Dispose();
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        }
    }

    private static readonly DateOnly[] Dates = [new(2025, 6, 30), new(2025, 12, 31), new(2026, 2, 14), new(2026, 3, 31)];

    private readonly MetricsService _direct;
    private readonly MetricsService _held;
    private readonly SnapshotValues _values = new();
    private readonly Samples _samples;

    public SnapshotValuesTests(Samples samples)
    {
        _samples = samples;
        _direct = new MetricsService(samples.Connection);
        _held = new SnapshotMetricsService(samples.Connection, _values);
    }

    /// <summary>Everything a value says, the double rounded to 12 significant digits (see above).</summary>
    private static string Show(MetricValue v) =>
        $"{v.UnitCode}|{v.AsOf:yyyy-MM-dd}|{v.Id}|{string.Join(",", v.Dims.Select(d => d.Key + "=" + d.Value))}|" +
        $"{Digits(v.Value)}|{v.Unit}|{v.Status}";

    private static string Digits(double? x) => x is { } d ? d.ToString("G12", CultureInfo.InvariantCulture) : "null";

    private static IEnumerable<string> Show(IEnumerable<SeriesPoint> points) => points.Select(p => $"{p.AsOf:yyyy-MM-dd}|{Digits(p.Value)}");

    [Fact]
    public void Every_unit_at_several_dates_is_the_same_as_the_direct_query_nulls_included()
    {
        var units = _direct.Units().Select(u => u.Code).ToList();
        Assert.True(units.Count > 200, $"data-samples has {units.Count} units");
        foreach (var d in Dates)
        {
            var direct = _direct.ComputeMany(units, d).Select(Show).ToList();
            var held = _held.ComputeMany(units, d).Select(Show).ToList();
            Assert.True(direct.Count > 10_000, $"{d}: only {direct.Count} values");
            Assert.Equal(direct, held);
            Assert.Contains(direct, s => s.Contains("|null|", StringComparison.Ordinal)); // NULL values (no basis) compared too
        }
        Assert.Equal(Dates.Length, _values.CatalogueDates);
    }

    [Fact]
    public void Prefetched_dates_in_one_query_are_the_same_as_each_date_on_its_own()
    {
        var values = new SnapshotValues();
        var prefetched = new SnapshotMetricsService(_samples.Connection, values);
        prefetched.Prefetch([.. Dates, Dates[0]]); // repeated dates computed once
        Assert.Equal(Dates.Length, values.CatalogueDates);
        var units = _direct.Units().Select(u => u.Code).ToList();
        foreach (var d in Dates)
            Assert.Equal(_direct.ComputeMany(units, d).Select(Show).ToList(), prefetched.ComputeMany(units, d).Select(Show).ToList());
        // a date with no data at all (before the first load) is held as empty, as one computed alone
        prefetched.Prefetch([new DateOnly(2019, 1, 31)]);
        Assert.Equal(_direct.Compute("31", new DateOnly(2019, 1, 31)).Select(Show).ToList(), prefetched.Compute("31", new DateOnly(2019, 1, 31)).Select(Show).ToList());
        // without held values there is nothing to fill
        _direct.Prefetch(Dates);
    }

    [Fact]
    public void Prefetch_computes_no_more_dates_than_the_held_values_keep()
    {
        var perDate = _direct.ComputeMany(_direct.Units().Select(u => u.Code), Dates[3]).Count;
        var values = new SnapshotValues(maxDates: 24, maxValues: 2 * (2 * perDate + perDate / 2)); // room for two dates of catalogue
        var prefetched = new SnapshotMetricsService(_samples.Connection, values);
        prefetched.Prefetch(Dates);
        Assert.Equal(2, values.CatalogueDates);
        foreach (var d in Dates) // the dates left out are computed when read, with the same figures
            Assert.Equal(_direct.Compute("92", d).Select(Show).ToList(), prefetched.Compute("92", d).Select(Show).ToList());
    }

    [Theory]
    [InlineData("31", null)]
    [InlineData("92", null)]
    [InlineData("31", "tasks.")]
    [InlineData("92", "revenue")]
    [InlineData("31", "par_index")]
    [InlineData("NO-SUCH-UNIT", null)]
    public void One_unit_is_the_same_as_its_own_query(string unit, string? prefix)
    {
        foreach (var d in Dates)
            Assert.Equal(_direct.Compute(unit, d, prefix).Select(Show).ToList(), _held.Compute(unit, d, prefix).Select(Show).ToList());
    }

    [Fact]
    public void Communes_and_departments_are_the_same_as_their_own_queries()
    {
        var picked = _direct.Children("31").Take(3).Concat(_direct.Children("92").TakeLast(2)).Select(u => u.Code).ToList();
        Assert.Equal(5, picked.Count);
        foreach (var unit in picked)
            Assert.Equal(_direct.Compute(unit, Dates[1]).Select(Show).ToList(), _held.Compute(unit, Dates[1]).Select(Show).ToList());
    }

    [Theory]
    [InlineData("31", "revenue.ytd", "category=tong_thu")]
    [InlineData("92", "revenue.ytd", "category=thu_noi_dia")]
    [InlineData("31", "grdp.growth", "")]
    [InlineData("31", "par_index.rank", "")]
    [InlineData("92", "pci.score", "")]
    [InlineData("31", "staffing.shortage", "")]
    [InlineData("92", "tasks.on_time_rate", "")]
    public void Chart_series_are_the_same_as_the_direct_series(string unit, string id, string dims)
    {
        var d = dims.Length == 0 ? new Dictionary<string, string>() : dims.Split('&').ToDictionary(p => p.Split('=')[0], p => p.Split('=')[1]);
        var dates = Enumerable.Range(0, 18).Select(i => new DateOnly(2024, 12, 31).AddDays(1).AddMonths(i).AddDays(-1)).Append(new DateOnly(2026, 2, 14)).ToList();
        var direct = _direct.Series(id, unit, d, dates);
        var held = _held.Series(id, unit, d, dates);
        Assert.Equal(Show(direct), Show(held));
        Assert.Equal(Show(direct), Show(_held.Series(id, unit, d, dates))); // the second time from memory
        Assert.Contains(direct, p => p.Value is not null);
    }

    [Fact]
    public void Several_series_in_one_query_are_each_the_same_as_its_own_series()
    {
        var none = new Dictionary<string, string>();
        var wanted = new List<(string, IReadOnlyDictionary<string, string>)>
        {
            ("par_index.rank", none), ("par_index.score", none), ("pci.rank", none), ("sipas.score", none),
            ("revenue.ytd", new Dictionary<string, string> { ["category"] = "tong_thu" }), ("grdp.growth", none),
        };
        var dates = Enumerable.Range(2020, 6).Select(y => new DateOnly(y, 12, 31)).Append(new DateOnly(2026, 3, 31)).ToList();
        foreach (var unit in new[] { "31", "92" })
        {
            var many = _direct.SeriesMany(unit, wanted, dates);
            Assert.Equal(wanted.Count, many.Count);
            for (var i = 0; i < wanted.Count; i++)
                Assert.Equal(Show(_direct.Series(wanted[i].Item1, unit, wanted[i].Item2, dates)), Show(many[i]));
            Assert.Contains(many[0], p => p.Value is not null);
        }
    }

    [Fact]
    public void Lists_are_the_same_as_the_direct_lists_for_a_city_a_commune_and_an_unknown_unit()
    {
        var commune = _direct.Children("31").First(u => u.Type is "xa" or "phuong").Code;
        foreach (var unit in new[] { "31", "92", commune, "NO-SUCH-UNIT" })
            foreach (var d in new[] { Dates[1], Dates[3] })
            {
                Assert.Equal(_direct.LaggingUnits(unit, d), _held.LaggingUnits(unit, d));
                Assert.Equal(_direct.OverdueTasks(unit, d), _held.OverdueTasks(unit, d));
                Assert.Equal(_direct.RevenueGaps(unit, d).Select(g => $"{g.UnitCode}|{g.Category}|{g.Year}|{string.Join(",", g.MissingMonths)}"),
                    _held.RevenueGaps(unit, d).Select(g => $"{g.UnitCode}|{g.Category}|{g.Year}|{string.Join(",", g.MissingMonths)}"));
            }
        Assert.NotEmpty(_held.OverdueTasks("31", Dates[1]));
        Assert.NotEmpty(_held.LaggingUnits("31", Dates[1]));
        Assert.Equal(_direct.Units(), _held.Units());
        Assert.Equal(_direct.Unit(commune), _held.Unit(commune));
        Assert.Equal(_direct.MonthEnds(), _held.MonthEnds());
    }

    [Fact]
    public void Keeps_at_most_the_dates_it_was_given()
    {
        var values = new SnapshotValues(maxDates: 2);
        var held = new SnapshotMetricsService(_samples.Connection, values);
        foreach (var d in Dates.Take(3)) held.Compute("31", d);
        Assert.Equal(2, values.CatalogueDates);
        // a dropped date is computed again, to the same figures
        Assert.Equal(_direct.Compute("31", Dates[0]).Select(Show).ToList(), held.Compute("31", Dates[0]).Select(Show).ToList());
    }

    [Fact]
    public void Keeps_at_most_the_values_it_was_given_the_newest_date_always()
    {
        var values = new SnapshotValues(maxDates: 24, maxValues: 2);
        var held = new SnapshotMetricsService(_samples.Connection, values);
        foreach (var d in Dates.Take(3)) Assert.NotEmpty(held.Compute("31", d));
        Assert.Equal(1, values.CatalogueDates);
        Assert.Equal(_direct.Compute("92", Dates[2]).Select(Show).ToList(), held.Compute("92", Dates[2]).Select(Show).ToList());
    }
}
