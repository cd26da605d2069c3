using Analytics.Metrics.Catalogue;

namespace Analytics.Reports.Briefing;

/// <summary>The briefing's names for codes; every label comes from the indicator catalogue (Catalogue/indicators.json), the one home of code labels.</summary>
public static class Labels
{
    /// <summary>Indicator id prefix → the name readers know.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Name)> Indices =
        [("par_index", "PAR INDEX"), ("sipas", "SIPAS"), ("pci", "PCI")];

    /// <summary>A revenue category as the catalogue names it ("thu_noi_dia" → "Thu nội địa").</summary>
    public static string RevenueCategory(string code) => IndicatorCatalogue.DimensionValueVi("category", code) ?? code;

    /// <summary>A staffing specialty as the catalogue names it ("dat_dai" → "Đất đai").</summary>
    public static string Specialty(string code) => IndicatorCatalogue.DimensionValueVi("specialty", code) ?? code;
}
