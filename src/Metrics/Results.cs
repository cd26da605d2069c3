namespace Analytics.Metrics;

/// <summary>A unit of the tree (tỉnh, xã, phường, sở ...).</summary>
public sealed record UnitInfo(string Code, string Name, string Type, string? ParentCode, string? Cluster);

/// <summary>One point of an indicator's series (for charts); Value null where there was no basis.</summary>
public sealed record SeriesPoint(DateOnly AsOf, double? Value);

/// <summary>A lead unit behind schedule (danh sách đơn vị chậm tiến độ): its task counts at D.</summary>
public sealed record LaggingUnit(
    string UnitCode,
    string UnitName,
    int Total,
    int CompletedOnTime,
    int CompletedLate,
    int Overdue,
    double? OnTimeRate);

/// <summary>A task not completed and past its due date at D.</summary>
public sealed record OverdueTask(
    string TaskId,
    string Title,
    string LeadUnit,
    string LeadUnitName,
    DateOnly DueDate,
    int DaysOverdue,
    string SourceDoc,
    string? Clause);

/// <summary>A revenue category whose year-to-date figure is NULL because months are missing.</summary>
public sealed record RevenueGap(string UnitCode, string Category, int Year, IReadOnlyList<int> MissingMonths);

/// <summary>A suggested move of staff between two units of a roll-up for one cell kind.</summary>
public sealed record StaffingTransfer(
    string FromUnit,
    string FromUnitName,
    string ToUnit,
    string ToUnitName,
    string PositionGroup,
    string Specialty,
    int People,
    bool SameCluster);

/// <summary>A file behind the numbers (meta.loads), for the "data used" line of a briefing.</summary>
public sealed record DataSource(string FileName, string Dataset, string Sha256, DateTime LoadedAt, long Rows);

/// <summary>
/// One commune judged on one criterion against the unit standard that applies to it (same unit type;
/// the row of its region, else the every-region row). Figure, PctOfStandard and IsBelow are null when
/// the units file gives no figure; StandardRegion is null when the every-region row applied.
/// </summary>
public sealed record StandardCheck(
    string UnitCode,
    string UnitName,
    string UnitType,
    string? Region,
    string Criterion,
    double? Figure,
    double Minimum,
    double? PctOfStandard,
    bool? IsBelow,
    string? StandardRegion,
    string Source);
