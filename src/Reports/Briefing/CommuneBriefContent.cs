using System.Globalization;
using Analytics.Reports.Charts;
using Analytics.Reports.Documents;
using F = Analytics.Metrics.VietnameseFormat;

namespace Analytics.Reports.Briefing;

/// <summary>The one-page brief for one commune: staffing and tasks with the few numbers that matter.</summary>
public static class CommuneBriefContent
{
    /// <summary>Rows of the overdue list shown on the page; the rest are counted, so the brief stays one page.</summary>
    public const int OverdueRows = 4;

    public static Document Build(BriefingData d, BriefingOptions o)
    {
        var s = d.Staffing;
        var t = d.Tasks;
        var blocks = new List<Block>
        {
            new TitleBlock("Thông tin tóm tắt", $"{d.UnitName} (mã {d.UnitCode}), số liệu đến {F.LongDate(d.AsOf)}"),
            new KpiTiles([
                new("Biên chế: có mặt / được giao", $"{F.Number(s.Actual)} / {F.Number(s.Quota)}", s.FillRate is null ? null : $"bằng {F.Percent(s.FillRate)} biên chế", s.Status),
                new("Số thiếu / số thừa (theo vị trí)", $"{F.Number(s.Shortage)} / {F.Number(s.Surplus)}", s.ActualChange is null ? null : $"so với trước sắp xếp: {F.Signed(s.ActualChange)} người", null),
                new("Tỷ lệ hoàn thành đúng hạn", F.Percent(t.OnTimeRate), $"{F.Number(t.Total)} nhiệm vụ; quá hạn {F.Number(t.Overdue)}", t.OnTimeStatus),
            ]),
            new Heading(2, "1- Đội ngũ cán bộ"),
        };
        if (s.Quota is null) blocks.Add(new Paragraph("Đơn vị chưa gửi phụ lục biên chế."));
        else
        {
            var worst = s.BySpecialty.Where(g => g.Shortage > 0).OrderByDescending(g => g.Shortage).ToList();
            blocks.Add(new Paragraph($"Biên chế được giao {F.Number(s.Quota)} người, có mặt {F.Number(s.Actual)} người; tính theo từng vị trí còn thiếu {F.Number(s.Shortage)} người, thừa {F.Number(s.Surplus)} người"
                + (worst.Count == 0 ? "." : $", thiếu nhiều nhất ở lĩnh vực {string.Join(", ", worst.Take(3).Select(g => $"{g.Specialty.ToLowerInvariant()} ({F.Number(g.Shortage)})"))}.")));
            var rows = s.BySpecialty.OrderByDescending(g => g.Shortage).ThenByDescending(g => g.Surplus).Take(4)
                .Select(g => (IReadOnlyList<string>)[g.Specialty, F.Number(g.Shortage), F.Number(g.Surplus)]).ToList();
            if (rows.Count > 0)
                blocks.Add(new TableBlock("Thiếu, thừa theo lĩnh vực", [new("Lĩnh vực", 4), new("Thiếu", 1.2f, ColumnAlign.Right), new("Thừa", 1.2f, ColumnAlign.Right)], rows));
        }
        if (UnitStandardContent.OwnSentence(d) is { } standards) blocks.Add(new Paragraph(standards));
        blocks.Add(new Heading(2, "2- Thực hiện nhiệm vụ"));
        if (t.Total is null or 0) blocks.Add(new Paragraph("Đơn vị chưa có nhiệm vụ được giao."));
        else
        {
            blocks.Add(new Paragraph($"Tổng số {F.Number(t.Total)} nhiệm vụ: hoàn thành đúng hạn {F.Number(t.CompletedOnTime)}, hoàn thành quá hạn {F.Number(t.CompletedLate)}, "
                + $"đang thực hiện trong hạn {F.Number(t.OnTrack)}, quá hạn chưa hoàn thành {F.Number(t.Overdue)}."));
            var shown = t.OverdueTasks.Take(OverdueRows).Select((x, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), x.Title, F.Date(x.DueDate), F.Number(x.DaysOverdue)]).ToList();
            blocks.Add(new TableBlock("Nhiệm vụ quá hạn", [new("TT", 0.5f, ColumnAlign.Center), new("Nội dung", 6.5f), new("Hạn", 1.4f, ColumnAlign.Center), new("Số ngày", 1, ColumnAlign.Right)], shown, "Không có nhiệm vụ quá hạn."));
            if (t.OverdueTasks.Count > OverdueRows)
                blocks.Add(new Paragraph($"Và {F.Number(t.OverdueTasks.Count - OverdueRows)} nhiệm vụ quá hạn khác (xem báo cáo của thành phố).", ParagraphKind.Note));
        }
        blocks.Add(new Paragraph(BriefingContent.SourcesLine(d), ParagraphKind.Note));
        return new Document(new DocumentInfo($"Thông tin tóm tắt {d.UnitName}", o.Author, $"Sơ kết mô hình chính quyền địa phương hai cấp – {d.UnitName}"), blocks);
    }
}
