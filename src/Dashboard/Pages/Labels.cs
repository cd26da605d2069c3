using Analytics.Metrics;
using Analytics.Metrics.Catalogue;

namespace Analytics.Dashboard.Pages;

/// <summary>The dashboard's words for units and statuses; code labels, decimals and status names come from the Metrics catalogue and MetricDisplay, as in every other output.</summary>
public static class Labels
{
    /// <summary>"specialty" → "Lĩnh vực", from the catalogue.</summary>
    public static string Dimension(string dim) => IndicatorCatalogue.DimensionNameVi(dim);

    /// <summary>The unit word shown after a value ("người", "tỷ đồng"); empty for % (the number carries it), counts and ranks.</summary>
    public static string Unit(string unit) => unit == "%" ? "" : MetricDisplay.UnitVi(unit);

    /// <summary>A value as every output shows it (MetricDisplay: the catalogue's decimals for its unit).</summary>
    public static string Value(double? v, string unit, bool signed) =>
        MetricDisplay.Number(v, unit, IndicatorCatalogue.DecimalsOf(unit), signed);

    public static string Value(double? v, string unit) => MetricDisplay.Number(v, unit);

    /// <summary>A change between two values: percentage points for %, else the unit.</summary>
    public static string Change(double? now, double? before, string unit) => MetricDisplay.Change(now, before, unit);

    public static string Status(KpiStatus? s) => MetricDisplay.Status(s);

    /// <summary>The CSS class of a status: its code of CLI.md (dat, can_co_gang, chua_dat).</summary>
    public static string StatusCss(KpiStatus? s) => s?.Code() ?? "";
}
