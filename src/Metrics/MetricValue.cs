namespace Analytics.Metrics;

/// <summary>Which way is better for an indicator (the catalogue's "better" column).</summary>
public enum Direction { None, Higher, Lower }

/// <summary>KPI status against kpi_targets: đạt (green), cần cố gắng (amber), chưa đạt (red).</summary>
public enum KpiStatus { Dat, CanCoGang, ChuaDat }

/// <summary>One indicator of the catalogue, as data (INDICATORS.md).</summary>
/// <param name="Id">stable id, e.g. "tasks.on_time_rate"</param>
/// <param name="Area">tasks | staffing | indices | revenue</param>
/// <param name="NameVi">Vietnamese name, e.g. "Tỷ lệ hoàn thành đúng hạn"</param>
/// <param name="Unit">count | % | days | people | score | rank | ranks | bn VND</param>
/// <param name="Definition">the exact definition text</param>
/// <param name="Dimensions">the breakdown dimensions it supports, e.g. ["lead_unit"]</param>
public sealed record IndicatorDefinition(
    string Id,
    string Area,
    string NameVi,
    string NameEn,
    string Unit,
    Direction Better,
    string Definition,
    IReadOnlyList<string> Dimensions)
{
    /// <summary>The breakdowns it is computed for, each a set of dims, e.g. [["category"], ["category", "target_kind"]].</summary>
    public IReadOnlyList<IReadOnlyList<string>> Breakdowns { get; init; } = [];

    /// <summary>Whether a total row (empty dims) exists; revenue by category and index components exist only with dims.</summary>
    public bool HasTotal { get; init; } = true;

    /// <summary>Decimals shown to people (values stay unrounded): 0 for counts, 1 for rates, 2 for index scores.</summary>
    public int Decimals { get; init; }

    /// <summary>A change or growth, shown with its sign (+29,6%).</summary>
    public bool Signed { get; init; }
}

/// <summary>One computed value: an indicator for a unit at an as-of date, with its breakdown dims.</summary>
/// <param name="Dims">empty for the total, else e.g. {"specialty": "dat_dai"}</param>
/// <param name="Value">unrounded; null when there is no basis (never 0 in its place)</param>
public sealed record MetricValue(
    string Id,
    string UnitCode,
    DateOnly AsOf,
    IReadOnlyDictionary<string, string> Dims,
    double? Value,
    string Unit,
    KpiStatus? Status)
{
    /// <summary>What the status is (or would be) judged against; null when no kpi_targets row covers the indicator.</summary>
    public KpiTarget? Target { get; init; }

    /// <summary>Why a value with a target has no status (no basis, no period plan, annual target before December).</summary>
    public StatusNote? StatusNote { get; init; }
}

public static class KpiStatusCodes
{
    /// <summary>The canonical code of CLI.md: dat | can_co_gang | chua_dat.</summary>
    public static string Code(this KpiStatus status) => status switch
    {
        KpiStatus.Dat => "dat",
        KpiStatus.CanCoGang => "can_co_gang",
        _ => "chua_dat",
    };

    /// <summary>The Vietnamese label: Đạt / Cần cố gắng / Chưa đạt.</summary>
    public static string LabelVi(this KpiStatus status) => status switch
    {
        KpiStatus.Dat => "Đạt",
        KpiStatus.CanCoGang => "Cần cố gắng",
        _ => "Chưa đạt",
    };

    public static KpiStatus? Parse(string? code) => code switch
    {
        null => null,
        "dat" => KpiStatus.Dat,
        "can_co_gang" => KpiStatus.CanCoGang,
        "chua_dat" => KpiStatus.ChuaDat,
        _ => throw new ArgumentException($"unknown KPI status code {code}"),
    };
}
