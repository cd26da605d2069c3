using System.Globalization;
using Analytics.Metrics;
using Analytics.Reports.Briefing;
using Analytics.Reports.Documents;
using F = Analytics.Metrics.VietnameseFormat;

namespace Analytics.Reports.Monthly;

/// <summary>
/// What the monthly report says, from <see cref="MonthlyData"/>: one page per area (tasks, staffing,
/// indices, revenue) with the month's results against the previous month and the same month last
/// year, then the units that slipped since last month, the tasks due next month and the communes
/// that have not sent their month's files. The same blocks make the PDF and the Word draft.
/// </summary>
public static class MonthlyContent
{
    public static Document Build(MonthlyData d, BriefingOptions o)
    {
        var p = d.Period;
        var issuer = Issuer.For(d.UnitName, null, null);
        var subject = $"Kết quả tháng {p.Name} thực hiện mô hình chính quyền địa phương hai cấp trên địa bàn {d.UnitName.ToLowerFirst()}, so với tháng trước và cùng kỳ";
        var blocks = new List<Block>
        {
            // the same issuer rules as the briefing (THÀNH ỦY HẢI PHÒNG / *, a blank number unless given);
            // a monthly report is dated the day its figures run to unless an issue date is given
            new PartyHeader(o.SuperiorBody ?? issuer.SuperiorBody, o.IssuingBody ?? issuer.IssuingBody, issuer.Number(o.Number),
                o.Place ?? BriefingContent.ShortName(d.UnitName), o.Issued ?? p.AsOf, (o.Issued ?? p.AsOf).Year),
            new TitleBlock("Báo cáo", subject),
            new Paragraph(Intro(p)),
        };

        var section = 0;
        blocks.Add(new Heading(1, $"{BriefingContent.Roman(++section)}- THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO"));
        blocks.AddRange(TaskPage(d));
        blocks.Add(new PageBreakBlock());
        blocks.Add(new Heading(1, $"{BriefingContent.Roman(++section)}- ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC CẤP XÃ"));
        blocks.AddRange(StaffingPage(d));
        blocks.Add(new PageBreakBlock());
        blocks.Add(new Heading(1, $"{BriefingContent.Roman(++section)}- CẢI CÁCH HÀNH CHÍNH (PAR INDEX, SIPAS, PCI)"));
        blocks.AddRange(IndexPage(d));
        blocks.Add(new PageBreakBlock());
        blocks.Add(new Heading(1, $"{BriefingContent.Roman(++section)}- THU NGÂN SÁCH NHÀ NƯỚC"));
        blocks.AddRange(RevenuePage(d));
        blocks.Add(new PageBreakBlock());
        blocks.Add(new Heading(1, $"{BriefingContent.Roman(++section)}- ĐƠN VỊ CÓ CHỈ TIÊU GIẢM SO VỚI THÁNG TRƯỚC"));
        blocks.AddRange(SlippedSection(d));
        blocks.Add(new Heading(1, $"{BriefingContent.Roman(++section)}- NHIỆM VỤ ĐẾN HẠN TRONG THÁNG {p.NextName}"));
        blocks.AddRange(DueSection(d));
        blocks.Add(new Heading(1, $"{BriefingContent.Roman(++section)}- XÃ, PHƯỜNG CHƯA GỬI SỐ LIỆU THÁNG {p.Name}"));
        blocks.AddRange(ReturnsSection(d));

        blocks.Add(new SignatureBlock(o.Recipients ?? issuer.DefaultRecipients, o.OnBehalfOf, o.SignerTitle, o.SignerName));
        blocks.Add(new Paragraph(SourcesLine(d), ParagraphKind.Note));
        return new Document(
            new DocumentInfo($"Báo cáo {subject}", o.Author, $"Báo cáo tháng {p.Name} – {d.UnitName}", "vi",
                "báo cáo tháng, chính quyền địa phương hai cấp, nhiệm vụ, biên chế, PAR INDEX, SIPAS, PCI, thu ngân sách"),
            blocks);
    }

    internal static string Intro(MonthlyPeriod p) =>
        (p.IsComplete
            ? $"Số liệu đến hết {F.LongDate(p.AsOf)}"
            : $"Số liệu đến {F.LongDate(p.AsOf)} (tháng chưa kết thúc; so sánh với cùng ngày của tháng trước và của năm trước)")
        + $", so sánh với tháng trước (đến {F.Date(p.PreviousAsOf)}) và cùng kỳ năm trước (đến {F.Date(p.YearAgoAsOf)}). "
        + "Dấu \"–\" trong bảng là chưa có số liệu.";

    // ---------- the comparison table and its words ----------

    /// <summary>The area's table: indicator, unit, this month, previous month, change, same month last year, change.</summary>
    internal static TableBlock ComparisonTable(MonthlyArea area, MonthlyPeriod p) =>
        new($"{area.Title}: tháng {p.Name} so với tháng trước và cùng kỳ",
            [new("Chỉ tiêu", 3.5f), new("Đơn vị tính", 1.5f, ColumnAlign.Center), new($"Tháng {p.Name}", 1.5f, ColumnAlign.Right),
             new($"Tháng {p.PreviousName}", 1.5f, ColumnAlign.Right), new("So tháng trước", 1.7f, ColumnAlign.Right),
             new($"Cùng kỳ {p.YearAgoName}", 1.5f, ColumnAlign.Right), new("So cùng kỳ", 1.7f, ColumnAlign.Right)],
            area.Rows.Select(r => (IReadOnlyList<string>)[r.Label, r.Unit, Value(r, r.Current), Value(r, r.Previous), Change(r, r.Current, r.Previous),
                Value(r, r.YearAgo), Change(r, r.Current, r.YearAgo)]).ToList());

    internal static string Value(MonthlyRow r, double? v) => F.Number(v, r.Decimals);

    /// <summary>The change in the row's own unit ("+12", "-1,5"); for a rank, in places ("lên 2 bậc").</summary>
    internal static string Change(MonthlyRow r, double? now, double? then)
    {
        if (now is null || then is null) return "–";
        if (r.Unit == "hạng")
        {
            var places = then.Value - now.Value;
            return places switch { > 0 => $"lên {F.Number(places)} bậc", < 0 => $"xuống {F.Number(-places)} bậc", _ => "giữ nguyên" };
        }
        return F.Signed(Math.Round(now.Value, r.Decimals, MidpointRounding.AwayFromZero) - Math.Round(then.Value, r.Decimals, MidpointRounding.AwayFromZero), r.Decimals);
    }

    /// <summary>"tăng 3 nhiệm vụ so với tháng trước" / "không đổi so với tháng trước"; a rate changes in percentage points.</summary>
    internal static string Compared(MonthlyRow r, double? then, string against)
    {
        if (r.Current is null || then is null) return $"{against} chưa có số liệu";
        var diff = Math.Round(r.Current.Value, r.Decimals, MidpointRounding.AwayFromZero) - Math.Round(then.Value, r.Decimals, MidpointRounding.AwayFromZero);
        var unit = r.Unit == "%" ? "điểm phần trăm" : r.Unit;
        return diff switch
        {
            > 0 => $"tăng {F.Number(diff, r.Decimals)} {unit} so với {against}",
            < 0 => $"giảm {F.Number(-diff, r.Decimals)} {unit} so với {against}",
            _ => $"không đổi so với {against}",
        };
    }

    private static string Said(MonthlyRow? r) => r is null ? "–" : r.Unit == "%" ? F.Percent(r.Current, r.Decimals) : $"{F.Number(r.Current, r.Decimals)} {r.Unit}";

    // ---------- the four area pages ----------

    private static IEnumerable<Block> TaskPage(MonthlyData d)
    {
        var t = d.Tasks;
        if (t["tasks.total"]?.Current is null or 0)
        {
            yield return new Paragraph($"Chưa có nhiệm vụ nào được giao đến {F.LongDate(d.Period.AsOf)}.");
            yield break;
        }
        var total = t["tasks.total"]!;
        var completed = t["tasks.completed"]!;
        var overdue = t["tasks.overdue"]!;
        var onTime = t["tasks.on_time_rate"]!;
        var finishedInMonth = completed.Current is { } c && completed.Previous is { } b ? c - b : (double?)null;
        yield return new Paragraph([
            new Span($"Tổng số nhiệm vụ được giao là {Said(total)} ({Compared(total, total.Previous, "tháng trước")}); đã hoàn thành {Said(completed)}"
                     + (finishedInMonth is null ? "" : $", trong tháng hoàn thành thêm {F.Number(finishedInMonth)} nhiệm vụ") + "; "),
            new Span($"quá hạn chưa hoàn thành {Said(overdue)}", Bold: true),
            new Span($" ({Compared(overdue, overdue.Previous, "tháng trước")}, {Compared(overdue, overdue.YearAgo, "cùng kỳ")}). "
                     + $"Tỷ lệ hoàn thành đúng hạn đạt {Said(onTime)} ({Compared(onTime, onTime.Previous, "tháng trước")})."),
        ]);
        yield return ComparisonTable(t, d.Period);
    }

    private static IEnumerable<Block> StaffingPage(MonthlyData d)
    {
        var s = d.Staffing;
        var sentInMonth = d.Returns.Count(r => r.StaffingSent);
        var latest = d.Returns.Select(r => r.LatestSnapshot).Where(x => x is not null).DefaultIfEmpty(null).Max();
        if (s["staffing.quota"]?.Current is null)
        {
            yield return new Paragraph($"Chưa có phụ lục biên chế của các đơn vị đến {F.LongDate(d.Period.AsOf)}.");
            yield break;
        }
        var quota = s["staffing.quota"]!;
        var actual = s["staffing.actual"]!;
        var shortage = s["staffing.shortage"]!;
        var surplus = s["staffing.surplus"]!;
        yield return new Paragraph([
            new Span($"Biên chế được giao {Said(quota)}, có mặt {Said(actual)} ({F.Percent(s["staffing.fill_rate"]?.Current)} biên chế); "),
            new Span($"tính theo từng vị trí còn thiếu {Said(shortage)}", Bold: true),
            new Span($" ({Compared(shortage, shortage.Previous, "tháng trước")}) và thừa {Said(surplus)}. "
                     + $"Số đơn vị còn thiếu cán bộ: {Said(s["staffing.units_with_shortage"])}."),
        ]);
        // staffing is each unit's latest appendix: say which, so an unchanged figure is not read as a month without change
        var communes = d.Returns.Count;
        yield return new Paragraph(communes == 0
            ? "Số liệu theo phụ lục biên chế gần nhất của từng đơn vị."
            : (sentInMonth == 0 ? $"Trong tháng {d.Period.Name} chưa có xã, phường nào gửi phụ lục biên chế mới" : $"Trong tháng {d.Period.Name} có {F.Number(sentInMonth)}/{F.Number(communes)} xã, phường gửi phụ lục biên chế mới")
              + (latest is null ? "." : $"; số liệu trên là theo phụ lục gần nhất của từng đơn vị (mới nhất ngày {F.Date(latest.Value)})."), ParagraphKind.Note);
        yield return ComparisonTable(s, d.Period);
    }

    private static IEnumerable<Block> IndexPage(MonthlyData d)
    {
        var x = d.Indices;
        if (x.Rows.All(r => r.Current is null))
        {
            yield return new Paragraph("Chưa có kết quả công bố các chỉ số PAR INDEX, SIPAS, PCI.");
            yield break;
        }
        var sentences = new List<string>();
        foreach (var (prefix, name) in Labels.Indices)
        {
            var score = x[$"{prefix}.score"];
            var rank = x[$"{prefix}.rank"];
            if (score?.Current is null) continue;
            var s = $"{name}: {F.Number(score.Current, score.Decimals)} điểm" + (rank?.Current is null ? "" : $", xếp thứ {F.Number(rank.Current)}");
            if (rank?.YearAgo is not null && rank.Current is not null) s += $" (cùng kỳ năm trước: thứ {F.Number(rank.YearAgo)})";
            sentences.Add(s);
        }
        var changed = x.Rows.Any(r => r.Current != r.Previous);
        yield return new Paragraph("Kết quả công bố gần nhất: " + string.Join("; ", sentences) + ". "
            + (changed ? "Trong tháng có kết quả mới được công bố." : "Các chỉ số được công bố hằng năm; trong tháng không có kết quả mới, nên số liệu như tháng trước."));
        yield return ComparisonTable(x, d.Period);
    }

    private static IEnumerable<Block> RevenuePage(MonthlyData d)
    {
        var r = d.Revenue;
        var month = r["revenue.month"]!;
        var ytd = r["revenue.ytd"]!;
        var sentences = new List<string>();
        sentences.Add(month.Current is null
            ? $"Chưa đủ số liệu thu ngân sách để tính riêng tháng {d.Period.Name}."
            : $"Thu ngân sách nhà nước trên địa bàn trong tháng {d.Period.Name} là {Said(month)} ({Compared(month, month.Previous, "tháng trước")}, {Compared(month, month.YearAgo, "cùng tháng năm trước")}).");
        if (ytd.Current is not null)
        {
            var s = $"Lũy kế từ đầu năm {Said(ytd)}";
            if (r["revenue.pct_of_annual_target"]?.Current is { } pct) s += $", bằng {F.Percent(pct)} dự toán năm";
            if (r["revenue.pct_of_period_target"]?.Current is { } plan) s += $", bằng {F.Percent(plan)} kế hoạch kỳ";
            if (r["revenue.yoy_growth"]?.Current is { } g) s += $", {BriefingContent.Growth(g)} so với cùng kỳ";
            sentences.Add(s + ".");
        }
        else sentences.Add($"Chưa đủ số liệu các tháng để tính lũy kế đến tháng {d.Period.Name}.");
        yield return new Paragraph(string.Join(" ", sentences));
        yield return ComparisonTable(r, d.Period);
    }

    // ---------- the follow-up lists ----------

    private static IEnumerable<Block> SlippedSection(MonthlyData d)
    {
        var units = d.Slipped.Select(s => s.UnitCode).Distinct().Count();
        yield return new Paragraph(units == 0
            ? $"Không có đơn vị nào tăng số nhiệm vụ quá hạn, giảm tỷ lệ hoàn thành đúng hạn hoặc tăng số thiếu cán bộ so với tháng {d.Period.PreviousName}."
            : $"Có {F.Number(units)} đơn vị tăng số nhiệm vụ quá hạn, giảm tỷ lệ hoàn thành đúng hạn hoặc tăng số thiếu cán bộ so với tháng {d.Period.PreviousName}:");
        if (units == 0) yield break;
        yield return new TableBlock("Đơn vị có chỉ tiêu giảm so với tháng trước",
            [new("TT", 0.5f, ColumnAlign.Center), new("Đơn vị", 3f), new("Chỉ tiêu", 3f), new($"Tháng {d.Period.PreviousName}", 1.4f, ColumnAlign.Right), new($"Tháng {d.Period.Name}", 1.4f, ColumnAlign.Right)],
            d.Slipped.Select((s, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), s.UnitName, s.Indicator,
                Shown(s.Previous, s), Shown(s.Current, s)]).ToList());
    }

    private static string Shown(double? v, SlippedUnit s) => s.Unit == "%" ? F.Percent(v, s.Decimals) : F.Number(v, s.Decimals);

    private static IEnumerable<Block> DueSection(MonthlyData d)
    {
        var p = d.Period;
        yield return new Paragraph(d.DueNextMonth.Count == 0
            ? $"Không có nhiệm vụ nào đến hạn trong tháng {p.NextName}."
            : $"Có {F.Number(d.DueNextMonth.Count)} nhiệm vụ chưa hoàn thành sẽ đến hạn trong tháng {p.NextName} (từ {F.Date(p.NextStart)} đến {F.Date(p.NextEnd)}):");
        if (d.DueNextMonth.Count == 0) yield break;
        yield return new TableBlock($"Nhiệm vụ đến hạn trong tháng {p.NextName}",
            [new("TT", 0.5f, ColumnAlign.Center), new("Mã", 1.6f), new("Nội dung nhiệm vụ", 4.2f), new("Đơn vị chủ trì", 2.2f), new("Hạn", 1.5f, ColumnAlign.Center)],
            d.DueNextMonth.Select((t, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), t.TaskId, t.Title, t.LeadUnitName, F.Date(t.DueDate)]).ToList());
    }

    /// <summary>
    /// Who has not sent what for the month, as two lists: the staffing appendix and the task progress
    /// reports. When no commune has sent an appendix (the appendix is quarterly in many places) one
    /// sentence says so instead of a list of every commune; the schedule's CSV still lists each one.
    /// </summary>
    private static IEnumerable<Block> ReturnsSection(MonthlyData d)
    {
        var p = d.Period;
        if (d.Returns.Count == 0)
        {
            yield return new Paragraph("Đơn vị không có xã, phường trực thuộc.");
            yield break;
        }
        var until = p.IsComplete ? "" : $" (tính đến {F.Date(p.AsOf)})";
        var noStaffing = d.Returns.Where(r => !r.StaffingSent).ToList();
        var noTasks = d.Returns.Where(r => r.TaskReportMissing).ToList();
        var latest = d.Returns.Select(r => r.LatestSnapshot).Where(x => x is not null).DefaultIfEmpty(null).Max();

        yield return new Heading(2, "1- Phụ lục biên chế");
        if (noStaffing.Count == 0)
            yield return new Paragraph($"Cả {F.Number(d.Returns.Count)} xã, phường đã gửi phụ lục biên chế tháng {p.Name}.");
        else if (noStaffing.Count == d.Returns.Count)
            yield return new Paragraph($"Chưa có xã, phường nào trong {F.Number(d.Returns.Count)} xã, phường gửi phụ lục biên chế tháng {p.Name}{until}"
                + (latest is null ? "; chưa có phụ lục nào trong kho dữ liệu." : $"; phụ lục gần nhất là ngày {F.Date(latest.Value)}."));
        else
        {
            yield return new Paragraph($"{F.Number(noStaffing.Count)}/{F.Number(d.Returns.Count)} xã, phường chưa gửi phụ lục biên chế tháng {p.Name}{until}:");
            yield return new TableBlock($"Xã, phường chưa gửi phụ lục biên chế tháng {p.Name}",
                [new("TT", 0.5f, ColumnAlign.Center), new("Mã", 1f), new("Xã, phường", 3.5f), new("Phụ lục gần nhất", 2f, ColumnAlign.Center)],
                noStaffing.Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), r.UnitCode, r.UnitName,
                    r.LatestSnapshot is { } last ? F.Date(last) : "chưa có"]).ToList());
        }

        yield return new Heading(2, "2- Báo cáo tiến độ nhiệm vụ");
        var owing = d.Returns.Count(r => r.OpenTasks > 0);
        if (noTasks.Count == 0)
            yield return new Paragraph(owing == 0
                ? $"Không có xã, phường nào có nhiệm vụ phải báo cáo tiến độ trong tháng {p.Name}."
                : $"Cả {F.Number(owing)} xã, phường có nhiệm vụ đang thực hiện đã gửi báo cáo tiến độ trong tháng {p.Name}{until}.");
        else
        {
            yield return new Paragraph($"{F.Number(noTasks.Count)}/{F.Number(owing)} xã, phường có nhiệm vụ đang thực hiện chưa gửi báo cáo tiến độ trong tháng {p.Name}{until}:");
            yield return new TableBlock($"Xã, phường chưa gửi báo cáo tiến độ nhiệm vụ tháng {p.Name}",
                [new("TT", 0.5f, ColumnAlign.Center), new("Mã", 1f), new("Xã, phường", 3.5f), new("Nhiệm vụ đang thực hiện", 2f, ColumnAlign.Right)],
                noTasks.Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), r.UnitCode, r.UnitName, F.Number(r.OpenTasks)]).ToList());
        }
    }

    internal static string SourcesLine(MonthlyData d)
    {
        if (d.Sources.Count == 0) return $"Nguồn số liệu: kho dữ liệu Analytics, số liệu đến {F.Date(d.Period.AsOf)}; không có tệp nào được ghi nhận.";
        var files = d.Sources.Select(s => $"{s.FileName} ({s.Dataset}, {F.Number(s.Rows)} dòng, nạp lúc {s.LoadedAt.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)})");
        return $"Nguồn số liệu (đến {F.Date(d.Period.AsOf)}): " + string.Join("; ", files) + ".";
    }
}
