using System.Globalization;
using System.Text.Json;

namespace Analytics.Metrics.Tests;

/// <summary>
/// Every line of /work/shared/acceptance/expected.tsv (hand-computed for the example province 98),
/// with the examples filled into raw.* by SQL and the warehouse reopened read-only.
/// </summary>
public sealed class AcceptanceTests : IClassFixture<AcceptanceTests.Examples>
{
    public sealed class Examples : IDisposable
    {
        public TestWarehouse Warehouse { get; } = new();
        private readonly Dictionary<(string, DateOnly), IReadOnlyList<MetricValue>> _cache = [];

        public Examples()
        {
            Warehouse.AcceptanceExamples();
            Warehouse.ReopenReadOnly();
        }

        public IReadOnlyList<MetricValue> Values(string unit, DateOnly asOf)
        {
            lock (_cache)
            {
                if (!_cache.TryGetValue((unit, asOf), out var values))
                    _cache[(unit, asOf)] = values = Warehouse.Metrics.Compute(unit, asOf);
                return values;
            }
        }

        public void Dispose() => Warehouse.Dispose();
    }

    private readonly Examples _examples;

    public AcceptanceTests(Examples examples) => _examples = examples;

    public static TheoryData<string, string, string, string, string> ExpectedLines()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var line in File.ReadLines(RepoPaths.Acceptance("expected.tsv")))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2], f[3], f[4]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ExpectedLines))]
    public void Expected_value_holds(string unit, string asOf, string id, string dimsJson, string expected)
    {
        var dims = JsonSerializer.Deserialize<Dictionary<string, string>>(dimsJson)!;
        var values = _examples.Values(unit, DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var row = Assert.Single(values, v => v.Id == id && v.Dims.Count == dims.Count && dims.All(d => v.Dims.GetValueOrDefault(d.Key) == d.Value));
        if (expected.StartsWith("status:", StringComparison.Ordinal))
            Assert.Equal(expected[7..], row.Status?.Code());
        else if (expected == "null")
            Assert.Null(row.Value);
        else
            Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), row.Value!.Value, 5);
    }

    [Theory]
    [InlineData("tasks.")]
    [InlineData("t")]
    [InlineData("s")]            // staffing.* and sipas.*
    [InlineData("staffing.short")]
    [InlineData("p")]            // par_index.* and pci.*
    [InlineData("revenue.")]
    [InlineData("grdp")]
    [InlineData("")]
    public void An_id_prefix_gives_exactly_the_matching_rows(string prefix)
    {
        // areas a prefix rules out are skipped in SQL; that must never drop a matching row
        var d = new DateOnly(2026, 3, 31);
        var all = _examples.Values("98", d).Where(v => v.Id.StartsWith(prefix, StringComparison.Ordinal));
        var some = _examples.Warehouse.Metrics.Compute("98", d, prefix);
        Assert.NotEmpty(some);
        Assert.Equal(Render(all), Render(some));
    }

    private static string Render(IEnumerable<MetricValue> values) =>
        string.Join("\n", values.Select(v => $"{v.Id} {string.Join(",", v.Dims)} {v.Value} {v.Status}"));

    [Fact]
    public void Example_province_lists_and_sources()
    {
        var m = _examples.Warehouse.Metrics;
        var d = new DateOnly(2026, 3, 31);
        // E3 (09801, due 03-15) is the only overdue task: 16 days
        Assert.Equal([("E3", 16)], m.OverdueTasks("98", d).Select(t => (t.TaskId, t.DaysOverdue)));
        // 09801 has E2 late and E3 overdue
        Assert.Equal(["09801"], m.LaggingUnits("98", d).Select(l => l.UnitCode));
        // the transfers close exactly the rebalance potential (2): Bắc → Nam in cluster 1 (đất đai), Tây → Bắc across (CNTT)
        var transfers = m.Transfers("98", d);
        Assert.Equal(2, transfers.Sum(t => t.People));
        Assert.Equal([("09803", "09801", "cntt", false), ("09801", "09802", "dat_dai", true)],
            transfers.Select(t => (t.FromUnit, t.ToUnit, t.Specialty, t.SameCluster)));
        Assert.Equal(["units.csv", "examples"], m.Sources().Select(s => s.FileName));
        Assert.Equal(16, m.MonthEnds().Count);   // 2025-01 .. 2026-04
        Assert.Equal(new DateOnly(2026, 4, 30), m.LatestMonthEnd());
        Assert.Equal(["09801", "09802", "09803", "98S01"], m.Children("98").Select(u => u.Code));
        Assert.Equal(new UnitInfo("09801", "Phường Bắc", "phuong", "98", "Cụm 1"), m.Unit("09801"));
        Assert.Null(m.Unit("99"));
    }
}
