namespace Analytics.Reports.Charts;

// Plain records the chart definitions take (never warehouse rows): the metrics layer, a test or
// the dashboard fills them. Money is in tỷ đồng (billion VND), shares in percent.

/// <summary>One revenue category: what came in so far against the year's estimate and plan.</summary>
public sealed record RevenueAgainstTarget(string Category, double Actual, double? Estimate, double? Plan);

/// <summary>Cumulative revenue by month (index 0 = January) for this year and last; null where not yet reported.</summary>
public sealed record CumulativeRevenue(int Year, IReadOnlyList<double?> ThisYear, IReadOnlyList<double?> LastYear);

/// <summary>GRDP growth of one period ("Quý I/2025", "6 tháng 2025", "Năm 2024").</summary>
public sealed record GrowthPeriod(string Period, double GrowthPct);

/// <summary>A published index rank (PAR INDEX, SIPAS, PCI) in one year; 1 is best.</summary>
public sealed record IndexRank(string Index, int Year, int Rank);

/// <summary>A component score as a share of its maximum.</summary>
public sealed record ComponentScore(string Index, string Component, double PctOfMax);

/// <summary>Staffing shortage and surplus of one specialty across the roll-up.</summary>
public sealed record SpecialtyGap(string Specialty, double Shortage, double Surplus);

/// <summary>A commune and how many officials it is short of its quota.</summary>
public sealed record CommuneShortage(string Commune, double Shortage);

/// <summary>Task classes of one lead unit (INDICATORS.md classes).</summary>
public sealed record TaskStatusByUnit(string LeadUnit, int CompletedOnTime, int CompletedLate, int Overdue, int OnTrack, int NoDeadline);

/// <summary>An overdue task reduced to what the histogram needs.</summary>
public sealed record OverdueDays(string TaskCode, int DaysOverdue);
