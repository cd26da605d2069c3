namespace Analytics.Metrics.Tests;

/// <summary>
/// Published indices and GRDP: the unit's own rows only, as known at D.
/// PAR INDEX   P: 2023 TOTAL 80 (rank 3); 2024 TOTAL 84 (rank 2) with components C1 8/10, C2 6/10, C3 9/12;
///             2025 TOTAL 88 (rank 1). Q: 2024 TOTAL 90 (rank 1), a child commune K of P has its own 2024 row.
/// SIPAS       P: 2024 TOTAL 70 (rank 5), no 2023 and no rank-1 row in 2024.
/// PCI         none.
/// </summary>
public sealed class IndexAndGrdpTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public IndexAndGrdpTests()
    {
        _w.Unit("P", "Tỉnh P", "tinh").Unit("Q", "Tỉnh Q", "tinh").Unit("K", "Xã K", "xa", "P");
        _w.Index(2023, "PAR_INDEX", "P", "TOTAL", 80, 100, 3)
          .Index(2024, "PAR_INDEX", "P", "TOTAL", 84, 100, 2)
          .Index(2024, "PAR_INDEX", "P", "C1", 8, 10)
          .Index(2024, "PAR_INDEX", "P", "C2", 6, 10)
          .Index(2024, "PAR_INDEX", "P", "C3", 9, 12)
          .Index(2025, "PAR_INDEX", "P", "TOTAL", 88, 100, 1)
          .Index(2024, "PAR_INDEX", "Q", "TOTAL", 90, 100, 1)
          .Index(2024, "PAR_INDEX", "K", "TOTAL", 50, 100, 9)
          .Index(2024, "SIPAS", "P", "TOTAL", 70, 100, 5);
        _w.Grdp("2025", "P", "year", "2025-01-01", "2025-12-31", 7.2)
          .Grdp("2025-9M", "P", "nine_months", "2025-01-01", "2025-09-30", 6.8)
          .Grdp("2025-Q3", "P", "quarter", "2025-07-01", "2025-09-30", 7.5)
          .Grdp("2025-H1", "P", "half", "2025-01-01", "2025-06-30", 6.0)
          .Grdp("2025-Q2", "P", "quarter", "2025-04-01", "2025-06-30", 6.5)
          .Grdp("2026-Q1", "P", "quarter", "2026-01-01", "2026-03-31", 6.9)
          .Grdp("2025", "K", "year", "2025-01-01", "2025-12-31", 9.9);
    }

    public void Dispose() => _w.Dispose();

    private double? Value(string unit, DateOnly d, string id, string? component = null) =>
        _w.Metrics.Compute(unit, d)
            .Single(v => v.Id == id && (component is null ? v.Dims.Count == 0 : v.Dims.GetValueOrDefault("component") == component))
            .Value;

    [Fact]
    public void Year_is_the_latest_with_a_total_row_not_after_d()
    {
        var d = new DateOnly(2024, 12, 31);   // the 2025 edition is not visible yet
        Assert.Equal(84.0, Value("P", d, "par_index.score"));
        Assert.Equal(2.0, Value("P", d, "par_index.rank"));
        Assert.Equal(4.0, Value("P", d, "par_index.score_change"));    // 84 − 80
        Assert.Equal(1.0, Value("P", d, "par_index.rank_change"));     // 3 − 2: moved up one
        Assert.Equal(6.0, Value("P", d, "par_index.gap_to_top"));      // Q (rank 1) 90 − 84
        Assert.Equal(80.0, Value("P", d, "par_index.component_pct", "C1"));
        Assert.Equal(75.0, Value("P", d, "par_index.component_pct", "C3"));   // 9 / 12
        var weakest = _w.Metrics.Compute("P", d, "par_index.weakest_component").Single();
        Assert.Equal(("C2", 60.0), (weakest.Dims["component"], weakest.Value!.Value));

        var later = new DateOnly(2025, 6, 30);
        Assert.Equal(88.0, Value("P", later, "par_index.score"));
        Assert.Equal(0.0, Value("P", later, "par_index.gap_to_top"));  // P is rank 1 itself
        Assert.DoesNotContain(_w.Metrics.Compute("P", later), v => v.Id == "par_index.component_pct");
    }

    [Fact]
    public void Missing_basis_is_null_and_nothing_rolls_up()
    {
        var d = new DateOnly(2025, 6, 30);
        Assert.Equal(70.0, Value("P", d, "sipas.score"));
        Assert.Null(Value("P", d, "sipas.score_change"));   // no 2023 edition
        Assert.Null(Value("P", d, "sipas.rank_change"));
        Assert.Null(Value("P", d, "sipas.gap_to_top"));     // no rank-1 row in 2024
        Assert.Null(Value("P", d, "pci.score"));            // never published
        Assert.Null(Value("P", new DateOnly(2022, 12, 31), "par_index.score"));
        Assert.Equal(50.0, Value("K", d, "par_index.score"));   // K's own row, P's are not K's
        Assert.Equal(9.9, Value("K", new DateOnly(2026, 1, 31), "grdp.growth"));   // K's own 2025 figure, not P's
    }

    [Theory]
    [InlineData("2025-09-30", 6.8)]   // 9M and Q3 end then: the longer wins
    [InlineData("2025-08-15", 6.0)]   // H1 and Q2 end 06-30: H1
    [InlineData("2026-03-30", 7.2)]   // 2026-Q1 ends after D: the 2025 year
    [InlineData("2026-03-31", 6.9)]   // Q1 2026 ends on D
    [InlineData("2025-12-31", 7.2)]
    public void Grdp_growth_latest_period_longest_first(string asOf, double expected) =>
        Assert.Equal(expected, Value("P", DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), "grdp.growth"));

    [Fact]
    public void Series_over_years_and_periods()
    {
        DateOnly[] dates = [new(2022, 12, 31), new(2023, 12, 31), new(2024, 12, 31), new(2025, 6, 30), new(2025, 9, 30)];
        Assert.Equal([null, 80.0, 84.0, 88.0, 88.0], _w.Metrics.Series("par_index.score", "P", new Dictionary<string, string>(), dates).Select(p => p.Value));
        Assert.Equal([null, null, 75.0, null, null],
            _w.Metrics.Series("par_index.component_pct", "P", new Dictionary<string, string> { ["component"] = "C3" }, dates).Select(p => p.Value));
        Assert.Equal([null, null, null, 6.0, 6.8], _w.Metrics.Series("grdp.growth", "P", new Dictionary<string, string>(), dates).Select(p => p.Value));
    }

    [Fact]
    public void Grdp_before_any_period_is_null() =>
        Assert.Null(Value("P", new DateOnly(2025, 3, 1), "grdp.growth"));

    [Fact]
    public void A_later_edition_does_not_change_a_past_date()
    {
        var d = new DateOnly(2025, 6, 30);
        var before = string.Join("\n", _w.Metrics.Compute("P", d).Select(v => $"{v.Id} {string.Join(",", v.Dims)} {v.Value}"));
        _w.Index(2026, "PAR_INDEX", "P", "TOTAL", 91, 100, 1).Grdp("2025-Q3b", "P", "quarter", "2025-07-01", "2025-09-30", 1.0);
        var after = string.Join("\n", _w.Metrics.Compute("P", d).Select(v => $"{v.Id} {string.Join(",", v.Dims)} {v.Value}"));
        Assert.Equal(before, after);
    }
}
