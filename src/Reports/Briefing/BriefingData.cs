using Analytics.Metrics;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Briefing;

// The numbers a briefing says, as plain records: BriefingBuilder fills them from the metrics layer,
// tests fill them by hand. Values are unrounded; null means "no basis" and is said as such.

public sealed record BriefingData(
    string UnitCode,
    string UnitName,
    DateOnly AsOf,
    RevenueFacts Revenue,
    IndexFacts Indices,
    StaffingFacts Staffing,
    TaskFacts Tasks,
    IReadOnlyList<DataSource> Sources,
    UnitStandardFacts? UnitStandards = null)
{
    /// <summary>The unit standards of the roll-up's communes; none when not gathered or none loaded.</summary>
    public UnitStandardFacts Standards => UnitStandards ?? UnitStandardFacts.None;
}

public sealed record RevenueFacts(
    double? TotalYtd,
    double? PctOfEstimate,
    double? PctOfPlan,
    double? YoyRatio,
    double? YoyGrowth,
    double? DomesticShare,
    KpiStatus? Status,
    IReadOnlyList<RevenueAgainstTarget> ByCategory,
    CumulativeRevenue? Cumulative,
    IReadOnlyList<GrowthPeriod> Grdp,
    IReadOnlyList<string> Gaps)
{
    public static RevenueFacts None { get; } = new(null, null, null, null, null, null, null, [], null, [], []);
}

/// <summary>One published index in its latest year ≤ the as-of year.</summary>
public sealed record IndexFact(string Index, int? Year, double? Score, double? Rank, double? RankChange, double? ScoreChange,
    string? WeakestComponent, double? WeakestPct, KpiStatus? Status);

public sealed record IndexFacts(IReadOnlyList<IndexFact> Latest, IReadOnlyList<IndexRank> Ranks, IReadOnlyList<ComponentScore> Components)
{
    public static IndexFacts None { get; } = new([], [], []);
}

public sealed record StaffingFacts(
    double? Quota,
    double? Actual,
    double? Shortage,
    double? Surplus,
    double? FillRate,
    double? UnitsWithShortage,
    double? RebalancePotential,
    double? FromOldDistrictShare,
    double? ActualChange,
    KpiStatus? Status,
    IReadOnlyList<SpecialtyGap> BySpecialty,
    IReadOnlyList<CommuneShortage> Communes)
{
    public static StaffingFacts None { get; } = new(null, null, null, null, null, null, null, null, null, null, [], []);
}

public sealed record TaskFacts(
    double? Total,
    double? CompletedOnTime,
    double? CompletedLate,
    double? Overdue,
    double? OnTrack,
    double? NoDeadline,
    double? OnTimeRate,
    double? CompletionRate,
    double? OverdueRate,
    double? OverdueDaysAvg,
    double? DueNext30,
    KpiStatus? OnTimeStatus,
    IReadOnlyList<TaskStatusByUnit> ByLeadUnit,
    IReadOnlyList<LaggingUnit> Lagging,
    IReadOnlyList<OverdueTask> OverdueTasks)
{
    public static TaskFacts None { get; } = new(null, null, null, null, null, null, null, null, null, null, null, null, [], [], []);
}

// LaggingUnit, OverdueTask and DataSource are the metrics layer's own records (Analytics.Metrics).

/// <summary>What varies between issuers: the Party-format heading, the signature, the recipients.</summary>
public sealed record BriefingOptions
{
    /// <summary>Top-left first line; default "ĐẢNG BỘ " + the unit's name.</summary>
    public string? SuperiorBody { get; init; }
    /// <summary>Top-left second line (bold); default "THÀNH ỦY" for a city, "TỈNH ỦY" for a province.</summary>
    public string? IssuingBody { get; init; }
    public string Number { get; init; } = "Số 27-BC/TU";
    /// <summary>Place in the date line; default the unit's name without "Thành phố"/"Tỉnh".</summary>
    public string? Place { get; init; }
    /// <summary>Date of the document; default the as-of date.</summary>
    public DateOnly? Date { get; init; }
    public string OnBehalfOf { get; init; } = "T/M BAN THƯỜNG VỤ";
    public string SignerTitle { get; init; } = "BÍ THƯ";
    public string SignerName { get; init; } = "";
    public string Author { get; init; } = "Ban Tổ chức Thành ủy";
    public IReadOnlyList<string>? Recipients { get; init; }

    public static IReadOnlyList<string> DefaultRecipients { get; } =
    [
        "Ban Bí thư (để báo cáo),",
        "Ban Tổ chức Trung ương (để báo cáo),",
        "Văn phòng Trung ương Đảng (để báo cáo),",
        "Các đồng chí Thành ủy viên,",
        "Các đảng bộ trực thuộc Thành ủy,",
        "Lưu Văn phòng Thành ủy.",
    ];
}
