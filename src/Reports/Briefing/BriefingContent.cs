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
    public static Document Build(BriefingData d, BriefingOptions o)
    {
        var place = o.Place ?? ShortName(d.UnitName);
        var subject = $"Kết quả thực hiện mô hình chính quyền địa phương hai cấp trên địa bàn {d.UnitName.ToLowerFirst()} (số liệu đến {F.LongDate(d.AsOf)})";
        var blocks = new List<Block>
        {
            new PartyHeader(o.SuperiorBody ?? "ĐẢNG BỘ " + d.UnitName.ToUpperInvariant(), o.IssuingBody ?? IssuingBody(d.UnitName), o.Number, place, o.Date ?? d.AsOf),
            new TitleBlock("Báo cáo", subject),
            new Paragraph($"Thực hiện chỉ đạo của Ban Thường vụ về sơ kết một năm thực hiện mô hình chính quyền địa phương hai cấp, " +
                          $"trên cơ sở số liệu tổng hợp đến {F.LongDate(d.AsOf)}, Ban Thường vụ báo cáo các chỉ tiêu chủ yếu như sau:"),
            new Heading(1, "I- CÁC CHỈ TIÊU CHỦ YẾU"),
            new KpiTiles(Tiles(d)),
        };

        var section = 1;
        blocks.Add(new Heading(1, $"{Roman(++section)}- THU NGÂN SÁCH VÀ TĂNG TRƯỞNG KINH TẾ"));
        blocks.AddRange(RevenueSection(d));
        blocks.Add(new Heading(1, $"{Roman(++section)}- CẢI CÁCH HÀNH CHÍNH (PAR INDEX, SIPAS, PCI)"));
        blocks.AddRange(IndexSection(d));
        blocks.Add(new Heading(1, $"{Roman(++section)}- ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC CẤP XÃ"));
        blocks.AddRange(StaffingSection(d));
        if (UnitStandardContent.Applies(d))
        {
            blocks.Add(new Heading(1, $"{Roman(++section)}- {UnitStandardContent.Title}"));
            blocks.AddRange(UnitStandardContent.Blocks(d));
        }
        blocks.Add(new Heading(1, $"{Roman(++section)}- THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO"));
        blocks.AddRange(TaskSection(d));

        blocks.Add(new SignatureBlock(o.Recipients ?? BriefingOptions.DefaultRecipients, o.OnBehalfOf, o.SignerTitle, o.SignerName));
        blocks.Add(new Paragraph(SourcesLine(d), ParagraphKind.Note));

        return new Document(
            new DocumentInfo($"Báo cáo {subject}", o.Author, $"Sơ kết mô hình chính quyền địa phương hai cấp – {d.UnitName}", "vi",
                "sơ kết, chính quyền địa phương hai cấp, thu ngân sách, PAR INDEX, SIPAS, PCI, biên chế, nhiệm vụ"),
            blocks);
    }

    internal static string ShortName(string unitName)
    {
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu " })
            if (unitName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return unitName[prefix.Length..];
        return unitName;
    }

    private static string IssuingBody(string unitName) =>
        unitName.StartsWith("Tỉnh", StringComparison.OrdinalIgnoreCase) ? "TỈNH ỦY" : "THÀNH ỦY";

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
            new("Tổng thu ngân sách (lũy kế)", r.TotalYtd is null ? "Chưa đủ số liệu" : F.Number(r.TotalYtd) + " tỷ đồng",
                r.PctOfEstimate is null ? null : $"{F.Percent(r.PctOfEstimate)} dự toán" + (r.YoyGrowth is null ? "" : $"; {Growth(r.YoyGrowth.Value)} so với cùng kỳ"), r.Status),
        };
        var grdp = r.Grdp.LastOrDefault();
        if (grdp is not null) tiles.Add(new("Tăng trưởng GRDP", F.Percent(grdp.GrowthPct), grdp.Period, null));
        foreach (var i in d.Indices.Latest)
            tiles.Add(new($"{i.Index} {i.Year}", i.Rank is null ? "–" : $"Hạng {F.Number(i.Rank)}",
                (i.Score is null ? "" : $"{F.Number(i.Score, 2)} điểm") + (i.RankChange is null ? "" : $"; {RankChange(i.RankChange.Value)}"), i.Status));
        tiles.Add(new("Tỷ lệ hoàn thành nhiệm vụ đúng hạn", F.Percent(t.OnTimeRate),
            $"{F.Number(t.Total)} nhiệm vụ; quá hạn {F.Number(t.Overdue)} ({F.Percent(t.OverdueRate, 2)})", t.OnTimeStatus));
        tiles.Add(new("Biên chế cấp xã: có mặt / được giao", $"{F.Number(s.Actual)} / {F.Number(s.Quota)}",
            $"thiếu {F.Number(s.Shortage)}, thừa {F.Number(s.Surplus)} người", s.Status));
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
            yield return new FigureBlock(ChartCatalogue.RevenueAgainstTarget.For(r.ByCategory), ChartCatalogue.RevenueAgainstTarget.TitleVi, 0.48f);
        if (r.Cumulative is not null && r.Cumulative.ThisYear.Any(v => v is not null))
            yield return new FigureBlock(ChartCatalogue.CumulativeRevenue.For(r.Cumulative), ChartCatalogue.CumulativeRevenue.TitleVi, 0.45f);

        yield return new Heading(2, "2- Tăng trưởng kinh tế (GRDP)");
        var last = r.Grdp.LastOrDefault();
        if (last is null) yield return new Paragraph("Chưa có số liệu công bố về tăng trưởng GRDP cho kỳ báo cáo.");
        else
        {
            var text = $"Tốc độ tăng trưởng GRDP {last.Period} ước đạt {F.Percent(last.GrowthPct)}";
            var prev = r.Grdp.Count > 1 ? r.Grdp[^2] : null;
            if (prev is not null) text += $" ({prev.Period}: {F.Percent(prev.GrowthPct)})";
            yield return new Paragraph(text + ".");
            if (r.Grdp.Count > 1) yield return new FigureBlock(ChartCatalogue.GrdpGrowth.For(r.Grdp), ChartCatalogue.GrdpGrowth.TitleVi, 0.4f);
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
            yield return new FigureBlock(ChartCatalogue.IndexRanks.For(x.Ranks), ChartCatalogue.IndexRanks.TitleVi, 0.42f);
        if (x.Components.Count > 0)
            yield return new FigureBlock(ChartCatalogue.ComponentScores.For(x.Components), ChartCatalogue.ComponentScores.TitleVi, Math.Clamp(0.2f + 0.035f * x.Components.Count, 0.35f, 0.85f));
    }

    private static IEnumerable<Block> StaffingSection(BriefingData d)
    {
        var s = d.Staffing;
        if (s.Quota is null)
        {
            yield return new Paragraph($"Chưa có phụ lục biên chế của các đơn vị đến {F.LongDate(d.AsOf)}.");
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
            yield return new FigureBlock(ChartCatalogue.StaffingShortage.For(s.BySpecialty), ChartCatalogue.StaffingShortage.TitleVi, Math.Clamp(0.2f + 0.04f * s.BySpecialty.Count, 0.35f, 0.85f));
        if (s.Communes.Any(c => c.Shortage > 0))
            yield return new FigureBlock(ChartCatalogue.CommuneShortage.For(s.Communes), ChartCatalogue.CommuneShortage.TitleVi, 0.6f);
    }

    private static IEnumerable<Block> TaskSection(BriefingData d)
    {
        var t = d.Tasks;
        yield return new Heading(2, "1- Kết quả chung");
        if (t.Total is null or 0)
        {
            yield return new Paragraph($"Chưa có nhiệm vụ nào được giao đến {F.LongDate(d.AsOf)}.");
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
            yield return new FigureBlock(ChartCatalogue.TaskStatus.For(t.ByLeadUnit.Take(15).ToList()), ChartCatalogue.TaskStatus.TitleVi,
                Math.Clamp(0.25f + 0.04f * Math.Min(15, t.ByLeadUnit.Count), 0.4f, 0.85f));

        yield return new Heading(2, "2- Danh sách đơn vị chậm tiến độ");
        yield return new Paragraph("Các đơn vị có nhiệm vụ quá hạn hoặc hoàn thành quá hạn, xếp theo số nhiệm vụ quá hạn giảm dần, rồi tỷ lệ hoàn thành đúng hạn tăng dần:");
        yield return new TableBlock("Đơn vị chậm tiến độ",
            [new("TT", 0.5f, ColumnAlign.Center), new("Đơn vị chủ trì", 4f), new("Quá hạn", 1.2f, ColumnAlign.Right), new("Hoàn thành quá hạn", 1.5f, ColumnAlign.Right), new("Tỷ lệ đúng hạn", 1.4f, ColumnAlign.Right)],
            t.Lagging.Select((u, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), u.UnitName, F.Number(u.Overdue), F.Number(u.CompletedLate), F.Percent(u.OnTimeRate)]).ToList(),
            "Không có đơn vị chậm tiến độ.");

        yield return new Heading(2, "3- Nhiệm vụ quá hạn chưa hoàn thành");
        if (t.OverdueTasks.Count > 0)
            yield return new FigureBlock(ChartCatalogue.OverdueDays.For(t.OverdueTasks.Select(o => new OverdueDays(o.TaskId, o.DaysOverdue)).ToList()), ChartCatalogue.OverdueDays.TitleVi, 0.38f);
        yield return new TableBlock($"Nhiệm vụ quá hạn đến {F.Date(d.AsOf)} ({F.Number(t.OverdueTasks.Count)} nhiệm vụ)",
            [new("TT", 0.5f, ColumnAlign.Center), new("Mã", 1.7f), new("Nội dung nhiệm vụ", 4.0f), new("Đơn vị chủ trì", 2.1f), new("Hạn", 1.55f, ColumnAlign.Center), new("Số ngày quá hạn", 1.05f, ColumnAlign.Right)],
            t.OverdueTasks.Select((o, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), o.TaskId, o.Title, o.LeadUnitName, F.Date(o.DueDate), F.Number(o.DaysOverdue)]).ToList(),
            "Không có nhiệm vụ quá hạn.");
    }

    internal static string SourcesLine(BriefingData d)
    {
        if (d.Sources.Count == 0) return $"Nguồn số liệu: kho dữ liệu Analytics, số liệu đến {F.Date(d.AsOf)}; không có tệp nào được ghi nhận.";
        var files = d.Sources.Select(s => $"{s.FileName} ({s.Dataset}, {F.Number(s.Rows)} dòng, nạp lúc {s.LoadedAt.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)})");
        return $"Nguồn số liệu (đến {F.Date(d.AsOf)}): " + string.Join("; ", files) + ".";
    }
}
