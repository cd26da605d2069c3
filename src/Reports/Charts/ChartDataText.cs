using System.Collections;
using System.Globalization;
using F = Analytics.Metrics.VietnameseFormat;

namespace Analytics.Reports.Charts;

/// <summary>
/// A chart's data said in Vietnamese words and numbers, one line per point: the alternative text of
/// a chart image in a Word draft, so a reader (or a screen reader) has every figure the chart shows.
/// </summary>
public static class ChartDataText
{
    public static string Describe(Figure figure) =>
        figure.Title + ". " + string.Join("; ", Lines(figure.Data)) + ".";

    public static IEnumerable<string> Lines(object data) => data switch
    {
        IEnumerable<RevenueAgainstTarget> rows => rows.Select(r =>
            $"{r.Category}: thực hiện {F.Number(r.Actual)} tỷ đồng" +
            (r.Estimate is { } e ? $", dự toán {F.Number(e)} tỷ đồng" : "") +
            (r.Plan is { } p ? $", kế hoạch {F.Number(p)} tỷ đồng" : "")),
        CumulativeRevenue c => Enumerable.Range(0, Math.Max(c.ThisYear.Count, c.LastYear.Count))
            .Where(i => i < c.ThisYear.Count && c.ThisYear[i] is not null || i < c.LastYear.Count && c.LastYear[i] is not null)
            .Select(i => $"tháng {i + 1}: năm {c.Year} {F.Number(At(c.ThisYear, i))}, năm {c.Year - 1} {F.Number(At(c.LastYear, i))} tỷ đồng"),
        IEnumerable<GrowthPeriod> rows => rows.Select(r => $"{r.Period}: {F.Percent(r.GrowthPct, 2)}"),
        IEnumerable<IndexRank> rows => rows.Select(r => $"{r.Index} {r.Year}: hạng {F.Number(r.Rank)}"),
        IEnumerable<ComponentScore> rows => rows.Select(r => $"{r.Index}, {r.Component}: {F.Percent(r.PctOfMax)} điểm tối đa"),
        IEnumerable<SpecialtyGap> rows => rows.Select(r => $"{r.Specialty}: thiếu {F.Number(r.Shortage)}, thừa {F.Number(r.Surplus)} người"),
        IEnumerable<CommuneShortage> rows => rows.Select(r => $"{r.Commune}: thiếu {F.Number(r.Shortage)} người"),
        IEnumerable<TaskStatusByUnit> rows => rows.Select(r =>
            $"{r.LeadUnit}: đúng hạn {F.Number(r.CompletedOnTime)}, quá hạn đã xong {F.Number(r.CompletedLate)}, quá hạn {F.Number(r.Overdue)}, trong hạn {F.Number(r.OnTrack)}, không thời hạn {F.Number(r.NoDeadline)}"),
        IEnumerable<OverdueDays> rows => OverdueDaysChart.Buckets.Select(b =>
            $"{b.Label}: {F.Number(rows.Count(r => r.DaysOverdue >= b.From && r.DaysOverdue <= b.To))} nhiệm vụ"),
        // a chart added to the catalogue later still gets its records written out, property by property
        IEnumerable items => items.Cast<object>().Select(Properties),
        _ => [Properties(data)],
    };

    private static double? At(IReadOnlyList<double?> list, int i) => i < list.Count ? list[i] : null;

    private static string Properties(object item) =>
        string.Join(", ", item.GetType().GetProperties().Select(p => $"{p.Name} {Value(p.GetValue(item))}"));

    private static string Value(object? v) => v switch
    {
        null => "–",
        double d => F.Number(d, 2),
        int i => F.Number(i),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
