using System.Text.RegularExpressions;
using Analytics.Metrics.Catalogue;
using Dapper;

namespace Analytics.Metrics.Tests;

public sealed class CatalogueTests
{
    [Fact]
    public void Holds_every_id_of_the_specification_and_nothing_else()
    {
        // ids are the first cell of the indicator tables in INDICATORS.md; X.* stands for par_index, sipas, pci
        var spec = File.ReadAllLines(RepoPaths.Spec("INDICATORS.md"))
            .Select(l => Regex.Match(l, @"^\| ([a-zX_]+\.[a-z_0-9]+) \|"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .SelectMany(id => id.StartsWith("X.", StringComparison.Ordinal)
                ? new[] { "par_index", "sipas", "pci" }.Select(p => p + id[1..])
                : [id])
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(52, spec.Count);
        // issue 19 adds the unit-standard indicators beyond the specification
        string[] unitStandards = ["units.below_standard", "units.pct_of_standard", "units.standard_unassessed"];
        Assert.Equal(spec.Concat(unitStandards).Order(StringComparer.Ordinal), IndicatorCatalogue.All.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Definitions_are_complete()
    {
        Assert.All(IndicatorCatalogue.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.NameVi));
            Assert.False(string.IsNullOrWhiteSpace(d.NameEn));
            Assert.False(string.IsNullOrWhiteSpace(d.Definition));
            Assert.Contains(d.Unit, new[] { "count", "%", "days", "people", "score", "rank", "ranks", "bn VND" });
        });
        var rate = IndicatorCatalogue.Get("tasks.on_time_rate")!;
        Assert.Equal(("Tỷ lệ hoàn thành đúng hạn", "%", Direction.Higher), (rate.NameVi, rate.Unit, rate.Better));
        Assert.Equal(["lead_unit"], rate.Dimensions);
        Assert.Equal(Direction.Lower, IndicatorCatalogue.Get("pci.rank")!.Better);
        Assert.Equal([["category", "target_kind"]], IndicatorCatalogue.Get("revenue.pct_of_annual_target")!.Breakdowns);
        Assert.False(IndicatorCatalogue.Get("revenue.ytd")!.HasTotal);
        Assert.Null(IndicatorCatalogue.Get("tasks.nonexistent"));
    }

    [Fact]
    public void Sql_catalogue_mirrors_the_product_catalogue()
    {
        using var w = new TestWarehouse();
        var sql = w.Connection.Query<(string id, string area, string nameVi, string nameEn, string unit, string direction, bool hasTotal)>(
            "select indicator_id, area, name_vi, name_en, unit, direction, has_total from metrics.indicator_catalogue order by indicator_id").ToList();
        var product = IndicatorCatalogue.All
            .Select(d => (d.Id, d.Area, d.NameVi, d.NameEn, d.Unit, d.Better.ToString().ToLowerInvariant(), d.HasTotal))
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(product, sql);
    }
}
