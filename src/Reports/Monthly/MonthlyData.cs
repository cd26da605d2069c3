using Analytics.Metrics;

namespace Analytics.Reports.Monthly;

// The numbers of the monthly report (Kết luận 183: report every month, before the 25th), as plain
// records: MonthlyBuilder fills them from the metrics layer, tests fill them by hand. Values are
// unrounded; null means no basis and is said as such.

/// <summary>
/// The month reported and the three dates compared. A month not yet over (the run on the 20th) is
/// reported as known on <see cref="AsOf"/> = today, and compared with the same day of the previous
/// month and of last year, so a task due on the 28th is never counted overdue on the 20th; a month
/// that is over is reported at its last day against the previous month's and last year's last day.
/// </summary>
public sealed record MonthlyPeriod(int Year, int Month, DateOnly AsOf, DateOnly PreviousAsOf, DateOnly YearAgoAsOf)
{
    public DateOnly Start => new(Year, Month, 1);
    public DateOnly End => Start.AddMonths(1).AddDays(-1);
    public bool IsComplete => AsOf == End;
    public DateOnly NextStart => Start.AddMonths(1);
    public DateOnly NextEnd => NextStart.AddMonths(1).AddDays(-1);

    /// <summary>"05/2026".</summary>
    public string Name => $"{Month:00}/{Year}";
    public string PreviousName => $"{PreviousAsOf.Month:00}/{PreviousAsOf.Year}";
    public string YearAgoName => $"{Month:00}/{Year - 1}";
    public string NextName => $"{NextStart.Month:00}/{NextStart.Year}";

    /// <summary>The period for a month given today's date; a month that has not begun is refused.</summary>
    public static MonthlyPeriod For(int year, int month, DateOnly today)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), $"tháng {month} không hợp lệ / invalid month {month}");
        var start = new DateOnly(year, month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        if (today < start)
            throw new ArgumentException($"tháng {month:00}/{year} chưa bắt đầu (hôm nay {today:dd/MM/yyyy}) / month {year}-{month:00} has not begun (today is {today:yyyy-MM-dd})");
        if (today >= end)
            return new MonthlyPeriod(year, month, end, start.AddDays(-1), new DateOnly(year - 1, month, 1).AddMonths(1).AddDays(-1));
        // AddMonths keeps the day (20 → 20) and clamps a 31st to a shorter month's last day
        return new MonthlyPeriod(year, month, today, today.AddMonths(-1), today.AddYears(-1));
    }
}

/// <summary>One line of an area's table: an indicator at the three dates.</summary>
/// <param name="Key">the indicator id or derived figure it is (for the sentences and tests)</param>
/// <param name="Unit">the unit as readers write it ("nhiệm vụ", "người", "%", "tỷ đồng")</param>
/// <param name="Better">which way is an improvement, for the "units that slipped" reading</param>
public sealed record MonthlyRow(string Key, string Label, string Unit, double? Current, double? Previous, double? YearAgo, int Decimals, Direction Better = Direction.None);

public sealed record MonthlyArea(string Title, IReadOnlyList<MonthlyRow> Rows)
{
    public MonthlyRow? this[string key] => Rows.FirstOrDefault(r => r.Key == key);
}

/// <summary>A unit whose figure got worse since the previous month.</summary>
public sealed record SlippedUnit(string UnitCode, string UnitName, string Indicator, double? Previous, double? Current, int Decimals, string Unit);

public sealed record MonthlyData(
    string UnitCode,
    string UnitName,
    MonthlyPeriod Period,
    MonthlyArea Tasks,
    MonthlyArea Staffing,
    MonthlyArea Indices,
    MonthlyArea Revenue,
    IReadOnlyList<SlippedUnit> Slipped,
    IReadOnlyList<DueTask> DueNextMonth,
    IReadOnlyList<CommuneReturn> Returns,
    IReadOnlyList<DataSource> Sources)
{
    /// <summary>The communes that have not sent something for the month.</summary>
    public IReadOnlyList<CommuneReturn> MissingReturns => Returns.Where(r => r.AnythingMissing).ToList();
}
