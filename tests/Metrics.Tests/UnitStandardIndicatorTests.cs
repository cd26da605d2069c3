using Dapper;

namespace Analytics.Metrics.Tests;

/// <summary>
/// Unit standards of province P, hand-computed. Standards: xã everywhere population 16.000 and area
/// 30 km² ("NQ chung"); xã in mien_nui population 4.000 ("NQ miền núi"); phường population 24.000 and
/// area 5,5; no row for đặc khu. Communes of P:
///   A xã mien_nui   5.000 people, 120 km²   population against mien_nui 4.000 → 125 % (the every-region
///                                            row would give 31,25 %, below); area against 30 → 400 %
///   B xã (no region) 20.000, 25 km²         125 %; 83,33 % (below on area)
///   C xã dong_bang  15.000, no area          93,75 % (below: no dong_bang row, the every-region row holds);
///                                            area NULL, not assessed
///   W phường        30.000, 4 km²            125 %; 72,73 % (below on area)
///   Z đặc khu       1.000, 10 km²            no standard: not judged
///   S sở (co_quan)                           not a commune
/// Province Q has commune R (xã, 100 people, 50 km²): below on population, outside P's roll-up.
/// Province V has commune X (xã) with neither figure: nothing to compare.
/// </summary>
public sealed class UnitStandardIndicatorTests : IDisposable
{
    private static readonly DateOnly D = new(2026, 3, 31);
    private readonly TestWarehouse _w = new();

    public UnitStandardIndicatorTests()
    {
        _w.Unit("P", "Tỉnh P", "tinh").Unit("Q", "Tỉnh Q", "tinh").Unit("V", "Tỉnh V", "tinh").Unit("S", "Sở Nội vụ", "co_quan", "P");
        Commune("A", "Xã A", "xa", "P", "mien_nui", 5_000, 120);
        Commune("B", "Xã B", "xa", "P", null, 20_000, 25);
        Commune("C", "Xã C", "xa", "P", "dong_bang", 15_000, null);
        Commune("W", "Phường W", "phuong", "P", null, 30_000, 4);
        Commune("Z", "Đặc khu Z", "dac_khu", "P", null, 1_000, 10);
        Commune("R", "Xã R", "xa", "Q", null, 100, 50);
        Commune("X", "Xã X", "xa", "V", null, null, null);
        Standard("xa", "*", "population", 16_000, "NQ chung");
        Standard("xa", "*", "area_km2", 30, "NQ chung");
        Standard("xa", "mien_nui", "population", 4_000, "NQ miền núi");
        Standard("phuong", "*", "population", 24_000, "NQ chung");
        Standard("phuong", "*", "area_km2", 5.5, "NQ chung");
    }

    public void Dispose() => _w.Dispose();

    private void Commune(string code, string name, string type, string parent, string? region, long? population, double? area) =>
        _w.Connection.Execute("insert into raw.units (unit_code, unit_name, unit_type, parent_code, region, population, area_km2, row_hash, load_id) values ($code, $name, $type, $parent, $region, $population, $area, 'h', 1)",
            new { code, name, type, parent, region, population, area });

    private void Standard(string type, string region, string criterion, double minimum, string source) =>
        _w.Connection.Execute("insert into raw.unit_standards (unit_type, region, criterion, minimum, source, row_hash, load_id) values ($type, $region, $criterion, $minimum, $source, 'h', 1)",
            new { type, region, criterion, minimum, source });

    private MetricValue? Row(string unit, string id, string? criterion = null) =>
        _w.Metrics.Compute(unit, D, "units.")
            .SingleOrDefault(v => v.Id == id && (criterion is null ? v.Dims.Count == 0 : v.Dims.GetValueOrDefault("criterion") == criterion));

    [Theory]
    [InlineData("P", null, 3.0)]            // B, C, W
    [InlineData("P", "population", 1.0)]    // C (A is judged by the mien_nui row)
    [InlineData("P", "area_km2", 2.0)]      // B, W
    [InlineData("Q", null, 1.0)]            // R only: P's communes are not Q's
    [InlineData("A", null, 0.0)]            // judged, and meets both: a true 0
    [InlineData("W", null, 1.0)]
    public void Below_standard_counts_the_communes_of_the_roll_up(string unit, string? criterion, double expected) =>
        Assert.Equal(expected, Row(unit, "units.below_standard", criterion)!.Value);

    [Theory]
    [InlineData("P", null, 1.0)]            // C has no area
    [InlineData("P", "area_km2", 1.0)]
    [InlineData("P", "population", 0.0)]
    [InlineData("V", null, 1.0)]            // X has neither figure
    public void Unassessed_counts_the_communes_lacking_a_figure(string unit, string? criterion, double expected) =>
        Assert.Equal(expected, Row(unit, "units.standard_unassessed", criterion)!.Value);

    [Theory]
    [InlineData("V")]   // its only commune has no figure: nothing compared, so no count (not 0)
    [InlineData("S")]   // a department: no commune below it
    [InlineData("Z")]   // no standard for đặc khu
    public void Below_standard_is_null_without_a_basis(string unit)
    {
        var row = Row(unit, "units.below_standard");
        Assert.NotNull(row);
        Assert.Null(row.Value);
    }

    [Theory]
    [InlineData("A", "population", 125.0)]          // 5.000 ÷ 4.000 (mien_nui row wins)
    [InlineData("A", "area_km2", 400.0)]            // 120 ÷ 30 (no mien_nui area row: every-region row)
    [InlineData("B", "area_km2", 25.0 / 30 * 100)]
    [InlineData("C", "population", 93.75)]          // dong_bang has no row: every-region row
    [InlineData("W", "area_km2", 4 / 5.5 * 100)]
    public void Pct_of_standard_is_the_figure_over_the_minimum_that_applies(string unit, string criterion, double expected) =>
        Assert.Equal(expected, Row(unit, "units.pct_of_standard", criterion)!.Value!.Value, 8);

    [Fact]
    public void Pct_of_standard_is_null_where_the_figure_is_missing_and_absent_where_no_standard_applies()
    {
        var missing = Row("C", "units.pct_of_standard", "area_km2");
        Assert.NotNull(missing);
        Assert.Null(missing.Value);
        Assert.Null(Row("Z", "units.pct_of_standard", "population"));   // đặc khu: no standard
        Assert.Empty(_w.Metrics.Compute("P", D, "units.pct_of_standard"));   // a province is not judged itself
    }

    [Fact]
    public void The_list_names_each_shortfall_with_its_standard_and_source_furthest_below_first()
    {
        var list = _w.Metrics.BelowStandard("P");
        Assert.Equal(
        [
            ("W", "area_km2", 4.0, 5.5, null, "NQ chung"),
            ("B", "area_km2", 25.0, 30.0, null, "NQ chung"),
            ("C", "population", 15_000.0, 16_000.0, null, "NQ chung"),
        ], list.Select(c => (c.UnitCode, c.Criterion, c.Figure!.Value, c.Minimum, c.StandardRegion, c.Source)));
        Assert.All(list, c => Assert.True(c.IsBelow));
        Assert.Equal(3, list.Select(c => c.UnitCode).Distinct().Count());   // the list agrees with units.below_standard
        Assert.Equal(["R"], _w.Metrics.BelowStandard("Q").Select(c => c.UnitCode));
    }

    [Fact]
    public void A_region_row_wins_over_the_every_region_row_criterion_by_criterion()
    {
        var a = _w.Metrics.StandardChecks("A").ToDictionary(c => c.Criterion);
        Assert.Equal((4_000.0, "mien_nui", "NQ miền núi", false), (a["population"].Minimum, a["population"].StandardRegion, a["population"].Source, a["population"].IsBelow));
        Assert.Equal((30.0, (string?)null, "NQ chung", false), (a["area_km2"].Minimum, a["area_km2"].StandardRegion, a["area_km2"].Source, a["area_km2"].IsBelow));

        // without the mien_nui row, A is judged by the every-region row and falls below it
        _w.Connection.Execute("delete from raw.unit_standards where region = 'mien_nui'");
        Assert.Equal(4.0, Row("P", "units.below_standard")!.Value);
        Assert.Equal(5_000.0 / 16_000 * 100, Row("A", "units.pct_of_standard", "population")!.Value!.Value, 8);
    }

    [Fact]
    public void Without_any_standard_every_unit_has_null_not_zero()
    {
        _w.Connection.Execute("delete from raw.unit_standards");
        var values = _w.Metrics.ComputeMany(["P", "Q", "A"], D, "units.");
        Assert.Equal(6, values.Count);   // below_standard and standard_unassessed totals of each unit
        Assert.All(values, v => Assert.Null(v.Value));
        Assert.Empty(_w.Metrics.BelowStandard("P"));
    }

    [Fact]
    public void Every_numeric_column_of_units_is_a_criterion_the_sql_compares()
    {
        var criteria = Analytics.Etl.Datasets.DatasetCatalog.UnitStandards.Column("criterion").Values.Select(v => v.Code).Order();
        Assert.Equal(criteria, _w.Connection.Query<string>("select distinct criterion from marts.unit_standard_checks where unit_code = 'B' order by 1"));
    }

    [Fact]
    public void The_same_values_over_the_analysts_view_and_every_date()
    {
        var rows = _w.Connection.Query<(string, double?)>(
            "select as_of::varchar, value from metrics.indicator_values_at('P', ['2025-12-31'::date, '2026-03-31'::date]) where indicator_id = 'units.below_standard' and dims::varchar = '{}' order by as_of").ToList();
        Assert.Equal([("2025-12-31", 3.0), ("2026-03-31", 3.0)], rows);
    }
}
