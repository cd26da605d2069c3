using Analytics.Metrics.Catalogue;
using System.Globalization;
using Analytics.Metrics;
using Analytics.Reports.Charts;
using Analytics.Reports.Documents;
using F = Analytics.Metrics.VietnameseFormat;

namespace Analytics.Reports.Briefing;

/// <summary>What the leadership briefing says, written from <see cref="BriefingData"/>: a page of headline
/// indicators, one section per area with its chart and sentences, the lagging units, every overdue task.</summary>
public static class BriefingContent
{
    /// <summary>Rows of the lagging units and overdue tasks shown in the body; the whole lists go to annexes.</summary>
    public const int BodyRows = 10;

    public static Document Build(BriefingData d, BriefingOptions o)
    {
        var issuer = Issuer.For(d.UnitName, d.UnitType, d.ParentName);
        var place = o.Place ?? ShortName(d.UnitName);
        var number = issuer.Number(o.Number);
        var subject = $"Kết quả thực hiện mô hình chính quyền địa phương hai cấp trên địa bàn {d.UnitName.ToLowerFirst()} (số liệu đến {PartyDate.Long(d.AsOf)})";
        var annexes = new Annexes(d, number, o.Issued);
        var blocks = new List<Block>
        {
            new PartyHeader(o.SuperiorBody ?? issuer.SuperiorBody, o.IssuingBody ?? issuer.IssuingBody, number, place, o.Issued, o.Issued?.Year ?? o.DraftYear),
            new TitleBlock("Báo cáo", subject),
            new Paragraph($"Thực hiện chỉ đạo của Ban Thường vụ về sơ kết một năm thực hiện mô hình chính quyền địa phương hai cấp, " +
                          $"trên cơ sở số liệu tổng hợp đến {PartyDate.Long(d.AsOf)}, Ban Thường vụ báo cáo các chỉ tiêu chủ yếu như sau:"),
        };
        // Each section is a heading and its blocks; a new area (units below standard, …) is one more entry here.
        var sections = new List<(string Title, IEnumerable<Block> Blocks)>
        {
            ("CÁC CHỈ TIÊU CHỦ YẾU", [new KpiTiles(Tiles(d))]),
            ("THU NGÂN SÁCH VÀ TĂNG TRƯỞNG KINH TẾ", RevenueSection(d)),
            ("CẢI CÁCH HÀNH CHÍNH (PAR INDEX, SIPAS, PCI)", IndexSection(d)),
            ("ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC CẤP XÃ", StaffingSection(d)),
        };
        if (UnitStandardContent.Applies(d))
            sections.Add((UnitStandardContent.Title, UnitStandardContent.Blocks(d)));
        sections.Add(("THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO", TaskSection(d, annexes)));
        for (var i = 0; i < sections.Count; i++)
        {
            blocks.Add(new Heading(1, $"{Roman(i + 1)}- {sections[i].Title}"));
            blocks.AddRange(sections[i].Blocks);
        }

        // "Nơi nhận" closes the document; the long lists and the data sources follow as annexes.
        blocks.Add(new SignatureBlock(o.Recipients ?? issuer.DefaultRecipients, o.OnBehalfOf, o.SignerTitle, o.SignerName));
        blocks.AddRange(annexes.Blocks());

        return new Document(
            new DocumentInfo($"Báo cáo {subject}", o.Author, $"Sơ kết mô hình chính quyền địa phương hai cấp – {d.UnitName}", "vi",
                "sơ kết, chính quyền địa phương hai cấp, thu ngân sách, PAR INDEX, SIPAS, PCI, biên chế, nhiệm vụ"),
            blocks);
    }

    /// <summary>
    /// The annexes after the signature, numbered in order: the whole list of lagging units and of
    /// overdue tasks when the body shows only the first <see cref="BodyRows"/>, then the data sources.
    /// </summary>
    private sealed class Annexes(BriefingData d, string number, DateOnly? issued)
    {
        public int? Lagging { get; } = d.Tasks.Lagging.Count > BodyRows ? 1 : null;
        public int? Overdue { get; } = d.Tasks.OverdueTasks.Count > BodyRows ? (d.Tasks.Lagging.Count > BodyRows ? 2 : 1) : null;
        public int Sources => 1 + (Lagging is null ? 0 : 1) + (Overdue is null ? 0 : 1);

        private string Reference => $"(Kèm theo Báo cáo {number.Replace("Số", "số", StringComparison.Ordinal)}" + (issued is { } i ? $" ngày {F.Date(i)})" : ")");

        public IEnumerable<Block> Blocks()
        {
            var t = d.Tasks;
            if (Lagging is { } l)
            {
                yield return new AnnexHeader(l, $"Danh sách đơn vị chậm tiến độ đến {F.Date(d.AsOf)}", Reference);
                yield return LaggingTable(t.Lagging, $"Đơn vị chậm tiến độ ({F.Number(t.Lagging.Count)} đơn vị)");
            }
            if (Overdue is { } o)
            {
                yield return new AnnexHeader(o, $"Nhiệm vụ quá hạn chưa hoàn thành đến {F.Date(d.AsOf)}", Reference);
                yield return OverdueTable(t.OverdueTasks, $"Nhiệm vụ quá hạn ({F.Number(t.OverdueTasks.Count)} nhiệm vụ)");
            }
            yield return new AnnexHeader(Sources, "Nguồn số liệu", Reference);
            foreach (var b in SourcesAnnex(d, issued)) yield return b;
        }
    }

    internal static TableBlock LaggingTable(IReadOnlyList<LaggingUnit> rows, string caption) =>
        new(caption,
            [new("TT", 0.5f, ColumnAlign.Center), new("Đơn vị chủ trì", 4f), new("Quá hạn", 1.2f, ColumnAlign.Right), new("Hoàn thành quá hạn", 1.5f, ColumnAlign.Right), new("Tỷ lệ đúng hạn", 1.4f, ColumnAlign.Right)],
            rows.Select((u, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), u.UnitName, F.Number(u.Overdue), F.Number(u.CompletedLate), F.Percent(u.OnTimeRate)]).ToList(),
            "Không có đơn vị chậm tiến độ.");

    internal static TableBlock OverdueTable(IReadOnlyList<OverdueTask> rows, string caption) =>
        new(caption,
            [new("TT", 0.5f, ColumnAlign.Center), new("Mã", 1.7f), new("Nội dung nhiệm vụ", 4.0f), new("Đơn vị chủ trì", 2.1f), new("Hạn", 1.55f, ColumnAlign.Center), new("Số ngày quá hạn", 1.05f, ColumnAlign.Right)],
            rows.Select((o, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), o.TaskId, o.Title, o.LeadUnitName, F.Date(o.DueDate), F.Number(o.DaysOverdue)]).ToList(),
            "Không có nhiệm vụ quá hạn.");

    /// <summary>The files behind the numbers, each with its load time; a file loaded after the issue date is said to be.</summary>
    internal static IEnumerable<Block> SourcesAnnex(BriefingData d, DateOnly? issued)
    {
        yield return new Paragraph($"Số liệu trong báo cáo tính đến {PartyDate.Long(d.AsOf)}, từ kho dữ liệu Analytics, do các tệp sau đây nạp vào:");
        if (d.Sources.Count == 0)
        {
            yield return new Paragraph("Không có tệp nào được ghi nhận.", ParagraphKind.Note);
            yield break;
        }
        yield return new TableBlock("Các tệp số liệu",
            [new("TT", 0.5f, ColumnAlign.Center), new("Tệp", 4f), new("Loại số liệu", 2f), new("Số dòng", 1.2f, ColumnAlign.Right), new("Nạp lúc", 2f, ColumnAlign.Center)],
            d.Sources.Select((s, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), s.FileName, IndicatorCatalogue.DatasetNameVi(s.Dataset), F.Number(s.Rows), LoadTime(s.LoadedAt)]).ToList());
        if (issued is { } date)
        {
            var late = d.Sources.Where(s => DateOnly.FromDateTime(s.LoadedAt) > date).ToList();
            if (late.Count > 0)
                yield return new Paragraph([
                    new Span("Lưu ý: ", Bold: true),
                    new Span($"{F.Number(late.Count)} tệp được nạp sau ngày ban hành báo cáo ({F.Date(date)}): {string.Join(", ", late.Select(s => $"{s.FileName} ({LoadTime(s.LoadedAt)})"))}; " +
                             "số liệu in trong báo cáo là số liệu sau khi nạp các tệp này."),
                ]);
        }
    }

    private static string LoadTime(DateTime t) => t.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    internal static string ShortName(string unitName)
    {
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu " })
            if (unitName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return unitName[prefix.Length..];
        return unitName;
    }

    internal static string ToLowerFirst(this string s) => s.Length == 0 ? s : char.ToLower(s[0], CultureInfo.InvariantCulture) + s[1..];

    internal static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", _ => n.ToString(CultureInfo.InvariantCulture) };

    /// <summary>"tăng 29,6%" / "giảm 3,1%" / "bằng cùng kỳ": growth said in words, never a bare sign.</summary>
    internal static string Growth(double g) =>
        Math.Round(g, 1, MidpointRounding.AwayFromZero) switch
        {
            > 0 => $"tăng {F.Percent(g)}",
            < 0 => $"giảm {F.Percent(-g)}",
            _ => "bằng",
        };

    private static string MonthYear(DateOnly d) => $"tháng {d.Month:00}/{d.Year}";

    private static IReadOnlyList<KpiTile> Tiles(BriefingData d)
    {
        var r = d.Revenue;
        var t = d.Tasks;
        var s = d.Staffing;
        var tiles = new List<KpiTile>
        {
            // Year-to-date revenue is judged against the plan for the period so far, not the whole year's estimate.
            new("Tổng thu ngân sách (lũy kế)", r.TotalYtd is null ? "Chưa đủ số liệu" : F.Number(r.TotalYtd) + " tỷ đồng",
                string.Join("; ", new[]
                {
                    r.PctOfPlan is null ? null : $"{F.Percent(r.PctOfPlan)} kế hoạch kỳ",
                    r.PctOfEstimate is null ? null : $"{F.Percent(r.PctOfEstimate)} dự toán năm",
                    r.YoyGrowth is null ? null : $"{Growth(r.YoyGrowth.Value)} so với cùng kỳ",
                }.Where(x => x is not null)) is { Length: > 0 } change ? change : null,
                r.Status, StatusBasis: r.StatusBasis ?? (r.Status is null ? null : "so với kế hoạch kỳ")),
        };
        var grdp = r.Grdp.LastOrDefault();
        if (grdp is not null) tiles.Add(new("Tăng trưởng GRDP", F.Percent(grdp.GrowthPct), grdp.Period, null));
        foreach (var i in d.Indices.Latest)
            tiles.Add(new($"{i.Index} {i.Year}", i.Rank is null ? "–" : $"Hạng {F.Number(i.Rank)}",
                (i.Score is null ? "" : $"{F.Number(i.Score, 2)} điểm") + (i.RankChange is null ? "" : $"; {RankChange(i.RankChange.Value)}"), i.Status,
                StatusBasis: i.StatusBasis ?? (i.Status is null ? null : "so với mục tiêu thứ hạng")));
        tiles.Add(new("Tỷ lệ hoàn thành nhiệm vụ đúng hạn", F.Percent(t.OnTimeRate),
            $"{F.Number(t.Total)} nhiệm vụ; quá hạn {F.Number(t.Overdue)} ({F.Percent(t.OverdueRate, 2)})", t.OnTimeStatus,
            StatusBasis: t.OnTimeStatusBasis ?? (t.OnTimeStatus is null ? null : "so với mục tiêu tỷ lệ đúng hạn")));
        tiles.Add(new("Biên chế cấp xã: có mặt / được giao", $"{F.Number(s.Actual)} / {F.Number(s.Quota)}",
            $"thiếu {F.Number(s.Shortage)}, thừa {F.Number(s.Surplus)} người", s.Status, StatusBasis: s.StatusBasis ?? (s.Status is null ? null : "theo số cán bộ thiếu")));
        tiles.Add(new("Đơn vị còn thiếu cán bộ", F.Number(s.UnitsWithShortage), s.RebalancePotential is null ? null : $"có thể điều chuyển nội bộ {F.Number(s.RebalancePotential)} người", null));
        return tiles;
    }

    /// <summary>Rank change +2 means it moved up two places.</summary>
    internal static string RankChange(double change) => change switch
    {
        > 0 => $"tăng {F.Number(change)} bậc",
        < 0 => $"giảm {F.Number(-change)} bậc",
        _ => "giữ nguyên thứ hạng",
    };

    private static IEnumerable<Block> RevenueSection(BriefingData d)
    {
        var r = d.Revenue;
        yield return new Heading(2, "1- Thu ngân sách nhà nước");
        if (r.TotalYtd is null)
        {
            yield return new Paragraph($"Chưa đủ số liệu thu ngân sách các tháng đến {MonthYear(d.AsOf)} để tính lũy kế" +
                (r.Gaps.Count > 0 ? $" (thiếu: {string.Join("; ", r.Gaps)})." : "."));
        }
        else
        {
            var parts = new List<string> { $"đạt {F.Number(r.TotalYtd)} tỷ đồng" };
            if (r.PctOfEstimate is not null) parts.Add($"bằng {F.Percent(r.PctOfEstimate)} dự toán");
            if (r.PctOfPlan is not null) parts.Add($"đạt {F.Percent(r.PctOfPlan)} kế hoạch kỳ");
            if (r.YoyGrowth is not null) parts.Add($"{Growth(r.YoyGrowth.Value)} so với cùng kỳ");
            yield return new Paragraph([
                new Span($"Tổng thu ngân sách nhà nước trên địa bàn lũy kế đến hết {MonthYear(d.AsOf)} "),
                new Span(string.Join(", ", parts), Bold: true),
                new Span("."),
            ]);
            var sentences = new List<string>();
            if (r.YoyRatio is not null) sentences.Add($"So với cùng kỳ năm trước, tổng thu bằng {F.Percent(r.YoyRatio)}.");
            if (r.DomesticShare is not null) sentences.Add($"Thu nội địa chiếm {F.Percent(r.DomesticShare)} tổng thu.");
            foreach (var c in r.ByCategory.Skip(1).Take(3))
                if (c.Estimate is { } e && e > 0) sentences.Add($"{c.Category} đạt {F.Number(c.Actual)} tỷ đồng, bằng {F.Percent(c.Actual / e * 100)} dự toán.");
            if (r.Gaps.Count > 0) sentences.Add($"Còn thiếu số liệu: {string.Join("; ", r.Gaps)}.");
            if (sentences.Count > 0) yield return new Paragraph(string.Join(" ", sentences));
        }
        if (r.ByCategory.Count > 0)
            yield return new FigureBlock(BriefingFigures.RevenueAgainstTarget(d), ChartCatalogue.RevenueAgainstTarget.TitleVi, Math.Clamp(0.25f + 0.08f * r.ByCategory.Count, 0.45f, 0.85f));
        if (r.Cumulative is not null && r.Cumulative.ThisYear.Any(v => v is not null))
            yield return new FigureBlock(BriefingFigures.CumulativeRevenue(d), ChartCatalogue.CumulativeRevenue.TitleVi, 0.45f);

        yield return new Heading(2, "2- Tăng trưởng kinh tế (GRDP)");
        var last = r.Grdp.LastOrDefault();
        if (last is null) yield return new Paragraph("Chưa có số liệu công bố về tăng trưởng GRDP cho kỳ báo cáo.");
        else
        {
            var text = $"Tốc độ tăng trưởng GRDP {last.Period} ước đạt {F.Percent(last.GrowthPct)}";
            var prev = r.Grdp.Count > 1 ? r.Grdp[^2] : null;
            if (prev is not null) text += $" ({prev.Period}: {F.Percent(prev.GrowthPct)})";
            yield return new Paragraph(text + ".");
            if (r.Grdp.Count > 1) yield return new FigureBlock(BriefingFigures.Grdp(d), ChartCatalogue.GrdpGrowth.TitleVi, 0.4f);
        }
    }

    private static IEnumerable<Block> IndexSection(BriefingData d)
    {
        var x = d.Indices;
        if (x.Latest.Count == 0)
        {
            yield return new Paragraph("Chưa có kết quả công bố các chỉ số PAR INDEX, SIPAS, PCI.");
            yield break;
        }
        foreach (var i in x.Latest)
        {
            var s = $"{i.Index} năm {i.Year}: ";
            s += i.Score is null ? "chưa có điểm" : $"đạt {F.Number(i.Score, 2)} điểm";
            if (i.Rank is not null) s += $", xếp thứ {F.Number(i.Rank)}";
            if (i.RankChange is not null) s += $" ({RankChange(i.RankChange.Value)} so với năm trước)";
            if (i.ScoreChange is not null) s += $", điểm số {(i.ScoreChange >= 0 ? "tăng" : "giảm")} {F.Number(Math.Abs(i.ScoreChange.Value), 2)} điểm";
            s += ".";
            if (i.WeakestComponent is not null && i.WeakestPct is not null) s += $" Thành phần thấp nhất là \"{i.WeakestComponent}\", đạt {F.Percent(i.WeakestPct)} số điểm tối đa.";
            yield return new Paragraph(s);
        }
        if (x.Ranks.Select(r => r.Year).Distinct().Count() > 1)
            yield return new FigureBlock(BriefingFigures.IndexRanks(d), ChartCatalogue.IndexRanks.TitleVi, 0.42f);
        if (x.Components.Count > 0)
            yield return new FigureBlock(BriefingFigures.ComponentScores(d), ChartCatalogue.ComponentScores.TitleVi, Math.Clamp(0.2f + 0.04f * Math.Min(BriefingFigures.Components, x.Components.Count), 0.35f, 0.75f));
    }

    private static IEnumerable<Block> StaffingSection(BriefingData d)
    {
        var s = d.Staffing;
        if (s.Quota is null)
        {
            yield return new Paragraph($"Chưa có phụ lục biên chế của các đơn vị đến {PartyDate.Long(d.AsOf)}.");
            yield break;
        }
        yield return new Paragraph([
            new Span($"Tổng biên chế được giao của các đơn vị là {F.Number(s.Quota)} người, có mặt {F.Number(s.Actual)} người "),
            new Span($"(bằng {F.Percent(s.FillRate)} biên chế)", Bold: true),
            new Span($"; tính theo từng vị trí, còn thiếu {F.Number(s.Shortage)} người và thừa {F.Number(s.Surplus)} người. "
                     + $"Số đơn vị còn thiếu cán bộ: {F.Number(s.UnitsWithShortage)}."
                     + (s.RebalancePotential is null ? "" : $" Có thể điều chuyển nội bộ giữa các đơn vị để bù {F.Number(s.RebalancePotential)} chỗ thiếu.")
                     + (s.FromOldDistrictShare is null ? "" : $" Cán bộ từ cấp huyện (cũ) chiếm {F.Percent(s.FromOldDistrictShare)} số có mặt.")
                     + (s.ActualChange is null ? "" : $" So với trước sắp xếp, số có mặt {(s.ActualChange >= 0 ? "tăng" : "giảm")} {F.Number(Math.Abs(s.ActualChange.Value))} người.")),
        ]);
        var worst = s.BySpecialty.Where(g => g.Shortage > 0).OrderByDescending(g => g.Shortage).Take(3).ToList();
        if (worst.Count > 0)
            yield return new Paragraph("Các lĩnh vực thiếu nhiều nhất: " + string.Join("; ", worst.Select(g => $"{g.Specialty} ({F.Number(g.Shortage)} người)")) + ".");
        if (s.BySpecialty.Count > 0)
            yield return new FigureBlock(BriefingFigures.StaffingShortage(d), ChartCatalogue.StaffingShortage.TitleVi, Math.Clamp(0.2f + 0.04f * s.BySpecialty.Count, 0.35f, 0.85f));
        if (s.Communes.Any(c => c.Shortage > 0))
            yield return new FigureBlock(BriefingFigures.CommuneShortage(d), ChartCatalogue.CommuneShortage.TitleVi, 0.6f);
    }

    private static IEnumerable<Block> TaskSection(BriefingData d, Annexes a)
    {
        var t = d.Tasks;
        yield return new Heading(2, "1- Kết quả chung");
        if (t.Total is null or 0)
        {
            yield return new Paragraph($"Chưa có nhiệm vụ nào được giao đến {PartyDate.Long(d.AsOf)}.");
            yield break;
        }
        yield return new Paragraph([
            new Span($"Tổng số nhiệm vụ được giao là {F.Number(t.Total)}, trong đó hoàn thành đúng hạn {F.Number(t.CompletedOnTime)}, hoàn thành quá hạn {F.Number(t.CompletedLate)}, "
                     + $"đang thực hiện trong hạn {F.Number(t.OnTrack)}, không thời hạn {F.Number(t.NoDeadline)}; "),
            new Span($"quá hạn chưa hoàn thành {F.Number(t.Overdue)} nhiệm vụ ({F.Percent(t.OverdueRate, 2)})", Bold: true),
            new Span($". Tỷ lệ hoàn thành đúng hạn đạt {F.Percent(t.OnTimeRate)}; tỷ lệ hoàn thành {F.Percent(t.CompletionRate)}."
                     + (t.OverdueDaysAvg is null ? "" : $" Các nhiệm vụ quá hạn chậm bình quân {F.Number(t.OverdueDaysAvg, 1)} ngày.")
                     + (t.DueNext30 is null or 0 ? "" : $" Có {F.Number(t.DueNext30)} nhiệm vụ sẽ đến hạn trong 30 ngày tới.")),
        ]);
        if (t.ByLeadUnit.Count > 0)
            yield return new FigureBlock(BriefingFigures.TaskStatus(d), ChartCatalogue.TaskStatus.TitleVi,
                Math.Clamp(0.25f + 0.04f * Math.Min(15, t.ByLeadUnit.Count), 0.4f, 0.85f));

        yield return new Heading(2, "2- Danh sách đơn vị chậm tiến độ");
        if (t.Lagging.Count == 0) yield return new Paragraph("Không có đơn vị chậm tiến độ.");
        else
        {
            var shown = Math.Min(BodyRows, t.Lagging.Count);
            yield return new Paragraph(shown < t.Lagging.Count
                ? $"Có {F.Number(t.Lagging.Count)} đơn vị có nhiệm vụ quá hạn hoặc hoàn thành quá hạn; {F.Number(shown)} đơn vị chậm nhất (xếp theo số nhiệm vụ quá hạn giảm dần, rồi tỷ lệ hoàn thành đúng hạn tăng dần) như sau, danh sách đầy đủ xem Phụ lục {a.Lagging}:"
                : $"Các đơn vị có nhiệm vụ quá hạn hoặc hoàn thành quá hạn ({F.Number(t.Lagging.Count)} đơn vị), xếp theo số nhiệm vụ quá hạn giảm dần, rồi tỷ lệ hoàn thành đúng hạn tăng dần:");
            yield return LaggingTable(t.Lagging.Take(shown).ToList(), shown < t.Lagging.Count ? $"{F.Number(shown)} đơn vị chậm tiến độ nhất (xem Phụ lục {a.Lagging})" : "Đơn vị chậm tiến độ");
        }

        yield return new Heading(2, "3- Nhiệm vụ quá hạn chưa hoàn thành");
        if (t.OverdueTasks.Count > 0)
            yield return new FigureBlock(BriefingFigures.OverdueDays(d), ChartCatalogue.OverdueDays.TitleVi, 0.38f);
        if (t.OverdueTasks.Count == 0) yield return new Paragraph($"Không có nhiệm vụ quá hạn chưa hoàn thành đến {F.Date(d.AsOf)}.");
        else
        {
            var shown = Math.Min(BodyRows, t.OverdueTasks.Count);
            var longest = t.OverdueTasks.OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.TaskId, StringComparer.Ordinal).Take(shown).ToList();
            yield return new Paragraph(shown < t.OverdueTasks.Count
                ? $"Có {F.Number(t.OverdueTasks.Count)} nhiệm vụ quá hạn chưa hoàn thành; {F.Number(shown)} nhiệm vụ quá hạn lâu nhất như sau, danh sách đầy đủ xem Phụ lục {a.Overdue}:"
                : $"Các nhiệm vụ quá hạn chưa hoàn thành ({F.Number(t.OverdueTasks.Count)} nhiệm vụ), xếp theo số ngày quá hạn giảm dần:");
            yield return OverdueTable(longest, shown < t.OverdueTasks.Count ? $"{F.Number(shown)} nhiệm vụ quá hạn lâu nhất (xem Phụ lục {a.Overdue})" : $"Nhiệm vụ quá hạn đến {F.Date(d.AsOf)}");
        }
    }
}
