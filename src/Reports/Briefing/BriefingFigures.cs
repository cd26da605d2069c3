using Analytics.Reports.Charts;
using F = Analytics.Metrics.VietnameseFormat;

namespace Analytics.Reports.Briefing;

/// <summary>
/// The figures of a briefing with the note every chart carries: its unit, its period and, where it
/// shows a selection, the rule that chose it. The PDF and the figure pack take the same figures.
/// </summary>
public static class BriefingFigures
{
    /// <summary>Lead units in the task chart: those with the most overdue tasks.</summary>
    public const int TaskUnits = 15;

    /// <summary>Components in the component chart: the weakest, so the figure stays legible on a slide.</summary>
    public const int Components = 12;

    private static string Until(BriefingData d) => $"đến {F.Date(d.AsOf)}";

    public static Figure RevenueAgainstTarget(BriefingData d) => ChartCatalogue.RevenueAgainstTarget.For(d.Revenue.ByCategory,
        note: $"Đơn vị: tỷ đồng. Thực hiện lũy kế từ đầu năm {Until(d)}; dự toán và kế hoạch là của cả năm {d.AsOf.Year}. Các khoản thu có số liệu (thu từ dầu thô, viện trợ bằng 0 được bỏ).");

    public static Figure CumulativeRevenue(BriefingData d) => ChartCatalogue.CumulativeRevenue.For(d.Revenue.Cumulative!,
        note: $"Đơn vị: tỷ đồng. Tổng thu lũy kế từ đầu năm đến cuối mỗi tháng, năm {d.AsOf.Year} ({Until(d)}) và năm {d.AsOf.Year - 1}.");

    public static Figure Grdp(BriefingData d) => ChartCatalogue.GrdpGrowth.For(d.Revenue.Grdp,
        note: $"Đơn vị: % tăng so với cùng kỳ năm trước. Các kỳ đã công bố từ {d.Revenue.Grdp[0].Period} đến {d.Revenue.Grdp[^1].Period}.");

    public static Figure IndexRanks(BriefingData d) => ChartCatalogue.IndexRanks.For(d.Indices.Ranks,
        note: $"Đơn vị: thứ hạng cả nước (1 = dẫn đầu). Các năm công bố {d.Indices.Ranks.Min(r => r.Year)}–{d.Indices.Ranks.Max(r => r.Year)}.");

    public static Figure ComponentScores(BriefingData d)
    {
        var all = d.Indices.Components;
        var shown = all.OrderBy(c => c.PctOfMax).ThenBy(c => c.Index, StringComparer.Ordinal).Take(Components).ToList();
        var years = d.Indices.Latest.Where(i => i.Year is not null).Select(i => $"{i.Index} {i.Year}");
        return ChartCatalogue.ComponentScores.For(shown,
            note: $"Đơn vị: % số điểm tối đa của thành phần. Kỳ công bố gần nhất ({string.Join(", ", years)}); "
                  + (shown.Count < all.Count ? $"{F.Number(shown.Count)} thành phần thấp nhất trong {F.Number(all.Count)} thành phần." : $"tất cả {F.Number(all.Count)} thành phần.")
                  + " Màu xanh: từ 85% trở lên; vàng: từ 70% đến dưới 85%; đỏ: dưới 70%.");
    }

    public static Figure StaffingShortage(BriefingData d) => ChartCatalogue.StaffingShortage.For(d.Staffing.BySpecialty,
        note: $"Đơn vị: người. Tổng các xã, phường theo phụ lục biên chế {Until(d)}; thiếu và thừa tính theo từng vị trí; các lĩnh vực có thiếu hoặc thừa.");

    public static Figure CommuneShortage(BriefingData d)
    {
        var n = d.Staffing.Communes.Count(c => c.Shortage > 0);
        return ChartCatalogue.CommuneShortage.For(d.Staffing.Communes,
            note: $"Đơn vị: người. {F.Number(Math.Min(CommuneShortageChart.Top, n))} đơn vị thiếu nhiều nhất trong {F.Number(n)} xã, phường còn thiếu cán bộ, {Until(d)}.");
    }

    public static Figure TaskStatus(BriefingData d)
    {
        var all = d.Tasks.ByLeadUnit;
        var shown = all.Take(TaskUnits).ToList();
        return ChartCatalogue.TaskStatus.For(shown,
            note: $"Đơn vị: nhiệm vụ, {Until(d)}. " + (shown.Count < all.Count
                ? $"{F.Number(shown.Count)} trong {F.Number(all.Count)} đơn vị chủ trì: nhiều nhiệm vụ quá hạn nhất, rồi nhiều nhiệm vụ nhất."
                : $"Tất cả {F.Number(all.Count)} đơn vị chủ trì."));
    }

    public static Figure OverdueDays(BriefingData d) => ChartCatalogue.OverdueDays.For(
        d.Tasks.OverdueTasks.Select(o => new OverdueDays(o.TaskId, o.DaysOverdue)).ToList(),
        note: $"Đơn vị: nhiệm vụ. Tất cả {F.Number(d.Tasks.OverdueTasks.Count)} nhiệm vụ quá hạn chưa hoàn thành {Until(d)}, theo số ngày quá hạn.");

    /// <summary>Every figure the data can fill, in the order the briefing shows them.</summary>
    public static IReadOnlyList<Figure> All(BriefingData d)
    {
        var list = new List<Figure>();
        if (d.Revenue.ByCategory.Count > 0) list.Add(RevenueAgainstTarget(d));
        if (d.Revenue.Cumulative is not null && d.Revenue.Cumulative.ThisYear.Any(v => v is not null)) list.Add(CumulativeRevenue(d));
        if (d.Revenue.Grdp.Count > 0) list.Add(Grdp(d));
        if (d.Indices.Ranks.Count > 0) list.Add(IndexRanks(d));
        if (d.Indices.Components.Count > 0) list.Add(ComponentScores(d));
        if (d.Staffing.BySpecialty.Count > 0) list.Add(StaffingShortage(d));
        if (d.Staffing.Communes.Any(c => c.Shortage > 0)) list.Add(CommuneShortage(d));
        if (d.Tasks.ByLeadUnit.Count > 0) list.Add(TaskStatus(d));
        if (d.Tasks.OverdueTasks.Count > 0) list.Add(OverdueDays(d));
        return list;
    }
}
