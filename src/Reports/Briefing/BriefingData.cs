using Analytics.Metrics;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Briefing;

// The numbers a briefing says, as plain records: BriefingBuilder fills them from the metrics layer,
// tests fill them by hand. Values are unrounded; null means "no basis" and is said as such.
// A status comes with its basis: the target it is judged against, as the reader is told it.

public sealed record BriefingData(
    string UnitCode,
    string UnitName,
    DateOnly AsOf,
    RevenueFacts Revenue,
    IndexFacts Indices,
    StaffingFacts Staffing,
    TaskFacts Tasks,
    IReadOnlyList<DataSource> Sources,
    string? UnitType = null,
    string? ParentName = null,
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
    IReadOnlyList<string> Gaps,
    string? StatusBasis = null)
{
    public static RevenueFacts None { get; } = new(null, null, null, null, null, null, null, [], null, [], []);
}

/// <summary>One published index in its latest year ≤ the as-of year.</summary>
public sealed record IndexFact(string Index, int? Year, double? Score, double? Rank, double? RankChange, double? ScoreChange,
    string? WeakestComponent, double? WeakestPct, KpiStatus? Status, string? StatusBasis = null);

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
    IReadOnlyList<CommuneShortage> Communes,
    string? StatusBasis = null)
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
    IReadOnlyList<OverdueTask> OverdueTasks,
    string? OnTimeStatusBasis = null)
{
    public static TaskFacts None { get; } = new(null, null, null, null, null, null, null, null, null, null, null, null, [], [], []);
}

// LaggingUnit, OverdueTask and DataSource are the metrics layer's own records (Analytics.Metrics).

/// <summary>What varies between issuers: the Party-format heading, the signature, the recipients.</summary>
public sealed record BriefingOptions
{
    /// <summary>Top-left first line; default none for a city or province committee (its superior is the Central Committee), "ĐẢNG BỘ " + the province for a commune's.</summary>
    public string? SuperiorBody { get; init; }
    /// <summary>Top-left issuing body (bold); default "THÀNH ỦY HẢI PHÒNG", "TỈNH ỦY …", or "ĐẢNG ỦY PHƯỜNG …" for a commune.</summary>
    public string? IssuingBody { get; init; }
    /// <summary>The document number ("27-BC/TU"); null leaves it blank for the office to fill ("Số    -BC/TU"). Never defaulted: a number belongs to one document of one issuer.</summary>
    public string? Number { get; init; }
    /// <summary>Place in the date line; default the unit's name without "Thành phố"/"Tỉnh".</summary>
    public string? Place { get; init; }
    /// <summary>The issue date; null leaves day and month blank for the office to fill.</summary>
    public DateOnly? Issued { get; init; }
    /// <summary>The year printed in a date line left blank.</summary>
    public int DraftYear { get; init; } = DateTime.Today.Year;
    public string OnBehalfOf { get; init; } = "T/M BAN THƯỜNG VỤ";
    public string SignerTitle { get; init; } = "BÍ THƯ";
    public string SignerName { get; init; } = "";
    public string Author { get; init; } = "Ban Tổ chức Thành ủy";
    /// <summary>Recipients; default by issuer (the city's or the commune's own office last).</summary>
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

/// <summary>Who issues a unit's document in the Party form, from the unit's kind.</summary>
public sealed record Issuer(string? SuperiorBody, string IssuingBody, string NumberSuffix, string OfficeName, string CommitteeName, bool IsCommune)
{
    public static Issuer For(string unitName, string? unitType, string? parentName)
    {
        var kind = unitType ?? KindFromName(unitName);
        var shortName = BriefingContent.ShortName(unitName).ToUpperInvariant();
        return kind switch
        {
            "xa" or "phuong" or "dac_khu" => new Issuer(parentName is null ? null : "ĐẢNG BỘ " + parentName.ToUpperInvariant(),
                "ĐẢNG ỦY " + unitName.ToUpperInvariant(), "ĐU", "Văn phòng Đảng ủy", "Đảng ủy", true),
            "tinh" => new Issuer(null, "TỈNH ỦY " + shortName, "TU", "Văn phòng Tỉnh ủy", "Tỉnh ủy", false),
            _ => new Issuer(null, "THÀNH ỦY " + shortName, "TU", "Văn phòng Thành ủy", "Thành ủy", false),
        };
    }

    private static string KindFromName(string name) =>
        name.StartsWith("Tỉnh ", StringComparison.OrdinalIgnoreCase) ? "tinh"
        : name.StartsWith("Xã ", StringComparison.OrdinalIgnoreCase) ? "xa"
        : name.StartsWith("Phường ", StringComparison.OrdinalIgnoreCase) ? "phuong"
        : name.StartsWith("Đặc khu ", StringComparison.OrdinalIgnoreCase) ? "dac_khu"
        : "thanh_pho";

    /// <summary>"Số 27-BC/TU", or "Số" and a blank before "-BC/TU" for the office to fill (non-breaking spaces, so the blank stays).</summary>
    public string Number(string? given) =>
        given is { Length: > 0 } n ? (n.StartsWith("Số", StringComparison.Ordinal) ? n : "Số " + n) : $"Số{new string('\u00A0', 8)}-BC/{NumberSuffix}";

    public IReadOnlyList<string> DefaultRecipients => IsCommune
        ?
        [
            "Ban Thường vụ Thành ủy (để báo cáo),",
            "Ban Tổ chức Thành ủy (để báo cáo),",
            "Các đồng chí Đảng ủy viên,",
            $"Lưu {OfficeName}.",
        ]
        : OfficeName == "Văn phòng Thành ủy" ? BriefingOptions.DefaultRecipients
        :
        [
            "Ban Bí thư (để báo cáo),",
            "Ban Tổ chức Trung ương (để báo cáo),",
            "Văn phòng Trung ương Đảng (để báo cáo),",
            "Các đồng chí Tỉnh ủy viên,",
            "Các đảng bộ trực thuộc Tỉnh ủy,",
            $"Lưu {OfficeName}.",
        ];
}
