using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Metrics.Catalogue;

/// <summary>
/// The indicator catalogue of INDICATORS.md as data (Catalogue/indicators.json, embedded): what
/// `analytics indicators` prints, the dashboard lists and the PDF labels come from.
/// sql/metrics/indicator_catalogue.sql mirrors it for SQL users; a test keeps them equal.
/// </summary>
public static class IndicatorCatalogue
{
    private static readonly Lazy<IReadOnlyList<IndicatorDefinition>> Definitions = new(Load);
    private static readonly Lazy<IReadOnlyDictionary<string, IndicatorDefinition>> ById =
        new(() => Definitions.Value.ToDictionary(d => d.Id, StringComparer.Ordinal));
    private static readonly Lazy<IReadOnlyDictionary<string, int>> Positions =
        new(() => Definitions.Value.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal));

    /// <summary>Every indicator, in catalogue order (tasks, staffing, indices, revenue).</summary>
    public static IReadOnlyList<IndicatorDefinition> All => Definitions.Value;

    public static IndicatorDefinition? Get(string id) => ById.Value.GetValueOrDefault(id);

    /// <summary>The position of an id in catalogue order (for sorting output); unknown ids last.</summary>
    public static int Position(string id) => Positions.Value.GetValueOrDefault(id, int.MaxValue);

    /// <summary>The Vietnamese name of a breakdown dimension ("specialty" → "Lĩnh vực").</summary>
    public static string DimensionNameVi(string dimension) =>
        CatalogueSource.Value.Dimensions.TryGetValue(dimension, out var d) ? d.NameVi : dimension;

    /// <summary>The Vietnamese label of a coded dimension value ("dat_dai" → "Đất đai"), or null when it has none
    /// (unit codes and index components are named elsewhere).</summary>
    public static string? DimensionValueVi(string dimension, string value) =>
        CatalogueSource.Value.Dimensions.TryGetValue(dimension, out var d) && d.Values.TryGetValue(value, out var label) ? label : null;

    /// <summary>The position of a coded value in its dimension's list (the category tree, the specialty list), for ordering breakdowns; others last.</summary>
    public static int DimensionValuePosition(string dimension, string value) =>
        CatalogueSource.Value.Dimensions.TryGetValue(dimension, out var d)
            ? d.Values.Keys.ToList().IndexOf(value) is var i and >= 0 ? i : int.MaxValue
            : int.MaxValue;

    /// <summary>The decimals the catalogue shows a unit with (the most any indicator of that unit has; 1 for a unit no indicator uses).</summary>
    public static int DecimalsOf(string unit) =>
        All.Where(d => d.Unit == unit).Select(d => d.Decimals).DefaultIfEmpty(1).Max();

    /// <summary>The Vietnamese name of an input dataset ("staffing" → "Biên chế, đội ngũ cán bộ"), as the upload
    /// page, the sources annex and every other place name it; the code itself when it has none.</summary>
    public static string DatasetNameVi(string dataset) =>
        CatalogueSource.Value.Datasets.TryGetValue(dataset, out var name) ? name : dataset;

    /// <summary>The datasets with Vietnamese names, in the catalogue's order (the input contracts' order).</summary>
    public static IReadOnlyList<(string Dataset, string NameVi)> Datasets =>
        CatalogueSource.Value.Datasets.Select(d => (d.Key, d.Value)).ToList();

    private static readonly Lazy<CatalogueFile> CatalogueSource = new(() =>
    {
        using var stream = typeof(IndicatorCatalogue).Assembly.GetManifestResourceStream("Analytics.Metrics.Catalogue.indicators.json")
            ?? throw new InvalidOperationException("the indicator catalogue (Catalogue/indicators.json) is not embedded");
        return JsonSerializer.Deserialize<CatalogueFile>(stream)
            ?? throw new InvalidOperationException("the indicator catalogue is empty");
    });

    private static IReadOnlyList<IndicatorDefinition> Load()
    {
        var file = CatalogueSource.Value;
        return file.Indicators.Select(e => new IndicatorDefinition(
                e.Id, e.Area, e.NameVi, e.NameEn, e.Unit, ParseDirection(e.Better), e.Definition,
                e.Dimensions.SelectMany(d => d).Distinct().ToList())
            {
                Breakdowns = e.Dimensions,
                HasTotal = e.HasTotal,
                Decimals = e.Decimals,
                Signed = e.Signed,
            })
            .ToList();
    }

    private static Direction ParseDirection(string better) => better switch
    {
        "higher" => Direction.Higher,
        "lower" => Direction.Lower,
        "none" => Direction.None,
        _ => throw new InvalidOperationException($"indicator catalogue: unknown direction '{better}'"),
    };

    private sealed record CatalogueFile(
        [property: JsonPropertyName("indicators")] List<CatalogueEntry> Indicators,
        [property: JsonPropertyName("datasets")] Dictionary<string, string> Datasets,
        [property: JsonPropertyName("dimensions")] Dictionary<string, DimensionEntry> Dimensions);

    private sealed record CatalogueEntry(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("area")] string Area,
        [property: JsonPropertyName("name_vi")] string NameVi,
        [property: JsonPropertyName("name_en")] string NameEn,
        [property: JsonPropertyName("unit")] string Unit,
        [property: JsonPropertyName("better")] string Better,
        [property: JsonPropertyName("definition")] string Definition,
        [property: JsonPropertyName("dimensions")] List<List<string>> Dimensions,
        [property: JsonPropertyName("has_total")] bool HasTotal = true,
        [property: JsonPropertyName("decimals")] int Decimals = 0,
        [property: JsonPropertyName("signed")] bool Signed = false);

    private sealed record DimensionEntry(
        [property: JsonPropertyName("name_vi")] string NameVi,
        [property: JsonPropertyName("name_en")] string NameEn,
        [property: JsonPropertyName("values")] Dictionary<string, string> Values);
}
