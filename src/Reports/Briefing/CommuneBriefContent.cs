using System.Globalization;
using Analytics.Reports.Documents;
using F = Analytics.Metrics.VietnameseFormat;

namespace Analytics.Reports.Briefing;

/// <summary>
/// The one-page brief for one commune: staffing and tasks with the few numbers that matter. Its
/// tables never drop rows silently: what is not listed is one "và N … khác" row with its numbers
/// summed, and the total row says the numbers of the cards and the text.
/// </summary>
public static class CommuneBriefContent
{
    /// <summary>Specialties listed by name; the rest are one summed row.</summary>
    public const int SpecialtyRows = 4;

    /// <summary>Rows of the overdue list shown on the page; the rest are one counted row, so the brief stays one page.</summary>
    public const int OverdueRows = 3;

    public static Document Build(BriefingData d, BriefingOptions o)
    {
        var s = d.Staffing;
        var t = d.Tasks;
        var blocks = new List<Block>
        {
            new TitleBlock("Thông tin tóm tắt", $"{d.UnitName} (mã {d.UnitCode}), số liệu đến {PartyDate.Long(d.AsOf)}"),
            new KpiTiles([
                new("Biên chế: có mặt / được giao", $"{F.Number(s.Actual)} / {F.Number(s.Quota)}", s.FillRate is null ? null : $"bằng {F.Percent(s.FillRate)} biên chế", s.Status,
                    StatusBasis: s.StatusBasis ?? (s.Status is null ? null : "theo số cán bộ thiếu")),
                new("Số thiếu / số thừa (theo vị trí)", $"{F.Number(s.Shortage)} / {F.Number(s.Surplus)}", s.ActualChange is null ? null : $"so với trước sắp xếp: {F.Signed(s.ActualChange)} người", null),
                new("Tỷ lệ hoàn thành đúng hạn", F.Percent(t.OnTimeRate), $"{F.Number(t.Total)} nhiệm vụ; quá hạn {F.Number(t.Overdue)}", t.OnTimeStatus,
                    StatusBasis: t.OnTimeStatusBasis ?? (t.OnTimeStatus is null ? null : "so với mục tiêu tỷ lệ đúng hạn")),
            ]),
            new Heading(2, "1- Đội ngũ cán bộ"),
        };
        if (s.Quota is null) blocks.Add(new Paragraph("Đơn vị chưa gửi phụ lục biên chế."));
        else
        {
            var worst = s.BySpecialty.Where(g => g.Shortage > 0).OrderByDescending(g => g.Shortage).ToList();
            blocks.Add(new Paragraph($"Biên chế được giao {F.Number(s.Quota)} người, có mặt {F.Number(s.Actual)} người; tính theo từng vị trí còn thiếu {F.Number(s.Shortage)} người, thừa {F.Number(s.Surplus)} người"
                + (worst.Count == 0 ? "." : $", thiếu nhiều nhất ở lĩnh vực {string.Join(", ", worst.Take(3).Select(g => $"{g.Specialty.ToLowerInvariant()} ({F.Number(g.Shortage)})"))}.")));
            if (StaffingTable(s) is { } table) blocks.Add(table);
        }
        if (UnitStandardContent.OwnSentence(d) is { } standards) blocks.Add(new Paragraph(standards));
        blocks.Add(new Heading(2, "2- Thực hiện nhiệm vụ"));
        if (t.Total is null or 0) blocks.Add(new Paragraph("Đơn vị chưa có nhiệm vụ được giao."));
        else
        {
            // The five classes of INDICATORS.md: together they are the total.
            blocks.Add(new Paragraph($"Tổng số {F.Number(t.Total)} nhiệm vụ: hoàn thành đúng hạn {F.Number(t.CompletedOnTime)}, hoàn thành quá hạn {F.Number(t.CompletedLate)}, "
                + $"đang thực hiện trong hạn {F.Number(t.OnTrack)}, không thời hạn {F.Number(t.NoDeadline)}, quá hạn chưa hoàn thành {F.Number(t.Overdue)}."));
            blocks.Add(OverdueTable(t));
        }
        blocks.Add(new Paragraph(SourcesLine(d), ParagraphKind.Note));
        return new Document(new DocumentInfo($"Thông tin tóm tắt {d.UnitName}", o.Author, $"Sơ kết mô hình chính quyền địa phương hai cấp – {d.UnitName}"), blocks);
    }

    /// <summary>
    /// Shortage and surplus by specialty: the specialties short the most by name, the others summed in
    /// one row, and the total — the sum of every specialty, which is the number the card and text say.
    /// </summary>
    internal static TableBlock? StaffingTable(StaffingFacts s)
    {
        var rows = s.BySpecialty.Where(g => g.Shortage > 0 || g.Surplus > 0)
            .OrderByDescending(g => g.Shortage).ThenByDescending(g => g.Surplus).ThenBy(g => g.Specialty, StringComparer.Ordinal).ToList();
        if (rows.Count == 0) return null;
        var shown = rows.Count <= SpecialtyRows + 1 ? rows : rows.Take(SpecialtyRows).ToList();
        var rest = rows.Skip(shown.Count).ToList();
        var totals = new List<IReadOnlyList<string>>();
        if (rest.Count > 0)
            totals.Add([$"Và {F.Number(rest.Count)} lĩnh vực khác", F.Number(rest.Sum(g => g.Shortage)), F.Number(rest.Sum(g => g.Surplus))]);
        totals.Add(["Tổng cộng", F.Number(rows.Sum(g => g.Shortage)), F.Number(rows.Sum(g => g.Surplus))]);
        return new TableBlock("Thiếu, thừa theo lĩnh vực", [new("Lĩnh vực", 4), new("Thiếu", 1.2f, ColumnAlign.Right), new("Thừa", 1.2f, ColumnAlign.Right)],
            shown.Select(g => (IReadOnlyList<string>)[g.Specialty, F.Number(g.Shortage), F.Number(g.Surplus)]).ToList(), Totals: totals);
    }

    /// <summary>The overdue tasks, the longest overdue first; those not listed are one counted row.</summary>
    internal static TableBlock OverdueTable(TaskFacts t)
    {
        var all = t.OverdueTasks.OrderByDescending(x => x.DaysOverdue).ThenBy(x => x.TaskId, StringComparer.Ordinal).ToList();
        var shown = all.Count <= OverdueRows + 1 ? all : all.Take(OverdueRows).ToList();
        var rest = all.Count - shown.Count;
        IReadOnlyList<IReadOnlyList<string>>? totals = rest > 0
            ? [["", $"Và {F.Number(rest)} nhiệm vụ quá hạn khác (xem báo cáo của thành phố)", "", ""]]
            : null;
        return new TableBlock($"Nhiệm vụ quá hạn ({F.Number(all.Count)} nhiệm vụ)",
            [new("TT", 0.5f, ColumnAlign.Center), new("Nội dung", 6.5f), new("Hạn", 1.4f, ColumnAlign.Center), new("Số ngày", 1, ColumnAlign.Right)],
            shown.Select((x, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), x.Title, F.Date(x.DueDate), F.Number(x.DaysOverdue)]).ToList(),
            "Không có nhiệm vụ quá hạn.", totals);
    }

    /// <summary>One note line naming the files behind the numbers (a brief has no room for an annex).</summary>
    internal static string SourcesLine(BriefingData d)
    {
        if (d.Sources.Count == 0) return $"Nguồn số liệu: kho dữ liệu Analytics, số liệu đến {F.Date(d.AsOf)}; không có tệp nào được ghi nhận.";
        // Files loaded in the same minute share one load time, so the line stays short.
        var files = d.Sources.GroupBy(s => s.LoadedAt.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture))
            .Select(g => $"{string.Join(", ", g.Select(s => s.FileName))} (nạp lúc {g.Key})");
        return $"Nguồn số liệu (đến {F.Date(d.AsOf)}): " + string.Join("; ", files) + ".";
    }
}
