using Analytics.Etl.Datasets;
using Analytics.Metrics.Catalogue;
using Dapper;

namespace Analytics.Metrics.Tests;

/// <summary>
/// Each fact has one home (issue 12 item 7): code labels and dataset names in the catalogue, the revenue
/// tree in sql/staging/revenue_categories.sql, decimals in the catalogue. These tests fail when a second
/// statement of a fact drifts from the first.
/// </summary>
public sealed class OneHomeTests
{
    [Fact]
    public void The_revenue_tree_names_each_category_as_the_catalogue_does()
    {
        using var w = new TestWarehouse();
        var tree = w.Connection.Query<(string Category, string Name)>("select category, category_name from staging.revenue_categories").ToList();
        Assert.Equal(8, tree.Count);
        Assert.All(tree, c => Assert.Equal(c.Name, IndicatorCatalogue.DimensionValueVi("category", c.Category)));
        // and the contract accepts exactly the tree's codes
        var contract = DatasetCatalog.Revenue.Column("category").Values;
        Assert.Equal(tree.Select(c => c.Category).Order(StringComparer.Ordinal), contract.Select(v => v.Code).Order(StringComparer.Ordinal));
        // the official name a clerk may write is the same name, whatever its case
        Assert.All(contract, v => Assert.Equal(IndicatorCatalogue.DimensionValueVi("category", v.Code), v.Labels[0], StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_dataset_of_the_contracts_has_its_one_Vietnamese_name()
    {
        Assert.Equal(DatasetCatalog.All.Select(d => d.Name), IndicatorCatalogue.Datasets.Select(d => d.Dataset));
        Assert.Equal("Biên chế, đội ngũ cán bộ", IndicatorCatalogue.DatasetNameVi("staffing"));
        Assert.Equal("Tiêu chuẩn đơn vị hành chính", IndicatorCatalogue.DatasetNameVi("unit_standards"));
    }

    [Fact]
    public void A_unit_reads_with_one_number_of_decimals_so_every_output_rounds_alike()
    {
        // the dashboard formats some numbers by unit alone; that equals the indicator's own rule only
        // while all indicators of a unit share their decimals
        Assert.All(IndicatorCatalogue.All.GroupBy(d => d.Unit), g => Assert.Single(g.Select(d => d.Decimals).Distinct()));
        var par = IndicatorCatalogue.Get("par_index.score")!;
        Assert.Equal("85,23", MetricDisplay.Number(par, 85.2345));
        Assert.Equal(MetricDisplay.Number(par, 85.2345), MetricDisplay.Number(85.2345, "score"));
        Assert.Equal("134,2%", MetricDisplay.Number(134.16, "%"));
        Assert.Equal("197.810", MetricDisplay.Number(197_810.4, "bn VND"));
        Assert.Equal("+1,5 điểm %", MetricDisplay.Change(80.0, 78.5, "%"));
        Assert.Equal("–", MetricDisplay.Change(null, 78.5, "%"));
    }
}
