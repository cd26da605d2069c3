using System.Text;
using Analytics.Metrics;
using Analytics.Reports.Briefing;
using Analytics.Reports.Documents;
using Analytics.Reports.Monthly;
using Analytics.Reports.Rendering;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests;

/// <summary>The monthly report from hand-made numbers: its dates, its words against its tables, one page per area.</summary>
public class MonthlyReportTests
{
    private static readonly MonthlyPeriod May = MonthlyPeriod.For(2026, 5, new DateOnly(2026, 12, 4));

    private static MonthlyData Sample(IReadOnlyList<CommuneReturn>? returns = null) => new("31", "Thành phố Hải Phòng", May,
        new MonthlyArea("Thực hiện nhiệm vụ được giao",
        [
            new("tasks.total", "Tổng số nhiệm vụ được giao", "nhiệm vụ", 2736, 2499, 92, 0),
            new("tasks.completed", "Đã hoàn thành", "nhiệm vụ", 2107, 1931, 59, 0, Direction.Higher),
            new("tasks.overdue", "Quá hạn chưa hoàn thành", "nhiệm vụ", 32, 30, 1, 0, Direction.Lower),
            new("tasks.on_time_rate", "Tỷ lệ hoàn thành đúng hạn", "%", 86.94, 88.04, 90.0, 1, Direction.Higher),
        ]),
        new MonthlyArea("Đội ngũ cán bộ, công chức cấp xã",
        [
            new("staffing.quota", "Biên chế được giao", "người", 4642, 4642, null, 0),
            new("staffing.actual", "Số có mặt", "người", 4629, 4629, null, 0),
            new("staffing.fill_rate", "Tỷ lệ có mặt so với biên chế", "%", 99.72, 99.72, null, 1),
            new("staffing.shortage", "Số thiếu (theo vị trí)", "người", 488, 488, null, 0, Direction.Lower),
            new("staffing.surplus", "Số thừa (theo vị trí)", "người", 475, 475, null, 0, Direction.Lower),
            new("staffing.units_with_shortage", "Số đơn vị còn thiếu cán bộ", "đơn vị", 114, 114, null, 0, Direction.Lower),
        ]),
        new MonthlyArea("Cải cách hành chính (PAR INDEX, SIPAS, PCI)",
        [
            new("par_index.score", "PAR INDEX: điểm", "điểm", 93.82, 93.82, 91.5, 2, Direction.Higher),
            new("par_index.rank", "PAR INDEX: thứ hạng", "hạng", 1, 1, 3, 0, Direction.Lower),
        ]),
        new MonthlyArea("Thu ngân sách nhà nước",
        [
            new("revenue.month", "Thu trong tháng", "tỷ đồng", 20212, 21069, 18468, 0, Direction.Higher),
            new("revenue.ytd", "Lũy kế tổng thu từ đầu năm", "tỷ đồng", 97471, 77259, 87105, 0, Direction.Higher),
            new("revenue.pct_of_annual_target", "Tổng thu so với dự toán năm (Trung ương giao)", "%", 55.2, 43.8, 59.1, 1, Direction.Higher),
        ]),
        [new SlippedUnit("10507", "Phường Thành Đông", "Quá hạn chưa hoàn thành", 0, 1, 0, "nhiệm vụ")],
        [new DueTask("31-T02500", "Kiện toàn trạm y tế", "10507", "Phường Thành Đông", new DateOnly(2026, 6, 15), "dang_thuc_hien", "12-CV/TU", null)],
        returns ??
        [
            new CommuneReturn("10507", "Phường Thành Đông", "Cụm 01", false, new DateOnly(2026, 3, 31), 12, 5, false),
            new CommuneReturn("10525", "Phường Hải Dương", "Cụm 01", false, new DateOnly(2026, 3, 31), 3, 0, true),
        ],
        []);

    private static string Words(Document doc) =>
        string.Join("\n", doc.Blocks.Select(b => b switch
        {
            Paragraph p => p.Text,
            Heading h => h.Text,
            TableBlock t => string.Join("\n", t.Rows.Select(r => string.Join(" | ", r))),
            _ => "",
        }));

    [Fact]
    public void A_month_not_over_is_reported_as_of_today_against_the_same_day_a_month_and_a_year_before()
    {
        var running = MonthlyPeriod.For(2026, 5, new DateOnly(2026, 5, 20));
        Assert.Equal((new DateOnly(2026, 5, 20), new DateOnly(2026, 4, 20), new DateOnly(2025, 5, 20)), (running.AsOf, running.PreviousAsOf, running.YearAgoAsOf));
        Assert.False(running.IsComplete);
        Assert.Equal((new DateOnly(2026, 5, 31), new DateOnly(2026, 4, 30), new DateOnly(2025, 5, 31)), (May.AsOf, May.PreviousAsOf, May.YearAgoAsOf));
        var march = MonthlyPeriod.For(2026, 3, new DateOnly(2026, 4, 2));
        Assert.Equal(new DateOnly(2026, 2, 28), march.PreviousAsOf);
        Assert.Equal((new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30)), (May.NextStart, May.NextEnd));
        Assert.Throws<ArgumentException>(() => MonthlyPeriod.For(2026, 7, new DateOnly(2026, 6, 30)));
    }

    [Fact]
    public void The_sentences_say_the_numbers_of_the_tables_beside_them()
    {
        var doc = MonthlyContent.Build(Sample(), new BriefingOptions());
        var text = Words(doc);
        Assert.Contains("Tổng số nhiệm vụ được giao là 2.736 nhiệm vụ (tăng 237 nhiệm vụ so với tháng trước)", text);
        Assert.Contains("trong tháng hoàn thành thêm 176 nhiệm vụ", text);
        Assert.Contains("Tỷ lệ hoàn thành đúng hạn đạt 86,9% (giảm 1,1 điểm phần trăm so với tháng trước)", text);
        Assert.Contains("Tổng số nhiệm vụ được giao | nhiệm vụ | 2.736 | 2.499 | +237 | 92 | +2.644", text);
        Assert.Contains("Tỷ lệ hoàn thành đúng hạn | % | 86,9 | 88,0 | -1,1 | 90,0 | -3,1", text);
        Assert.Contains("trong tháng 05/2026 là 20.212 tỷ đồng (giảm 857 tỷ đồng so với tháng trước, tăng 1.744 tỷ đồng so với cùng tháng năm trước)", text);
        Assert.Contains("Lũy kế từ đầu năm 97.471 tỷ đồng, bằng 55,2% dự toán năm", text);
        Assert.Contains("PAR INDEX: thứ hạng | hạng | 1 | 1 | giữ nguyên | 3 | lên 2 bậc", text);
        // no basis last year: a dash, never a zero
        Assert.Contains("Biên chế được giao | người | 4.642 | 4.642 | 0 | – | –", text);
    }

    [Fact]
    public void One_page_per_area_then_the_units_that_slipped_the_tasks_due_and_the_communes_missing_files()
    {
        var doc = MonthlyContent.Build(Sample(), new BriefingOptions());
        var level1 = doc.Blocks.OfType<Heading>().Where(h => h.Level == 1).Select(h => h.Text).ToList();
        Assert.Equal(["I- THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO", "II- ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC CẤP XÃ", "III- CẢI CÁCH HÀNH CHÍNH (PAR INDEX, SIPAS, PCI)",
            "IV- THU NGÂN SÁCH NHÀ NƯỚC", "V- ĐƠN VỊ CÓ CHỈ TIÊU GIẢM SO VỚI THÁNG TRƯỚC", "VI- NHIỆM VỤ ĐẾN HẠN TRONG THÁNG 06/2026",
            "VII- XÃ, PHƯỜNG CHƯA GỬI SỐ LIỆU THÁNG 05/2026"], level1);

        var bytes = new PdfRenderer().RenderToBytes(doc);
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("monthly"), "monthly.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormC)).ToList();
        // each area starts its own page
        for (var i = 0; i < 4; i++) Assert.Contains(level1[i], pages[i]);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", pages[0]);
        var last = string.Join(" ", pages.Skip(4));
        Assert.Contains("Phường Thành Đông", last);
        Assert.Contains("31-T02500", last);
        Assert.Contains("15/06/2026", last);
        Assert.Contains("Nơi nhận:", last);
    }

    [Fact]
    public void Communes_missing_files_are_named_and_a_month_with_no_appendix_at_all_is_said_in_one_sentence()
    {
        var text = Words(MonthlyContent.Build(Sample(), new BriefingOptions()));
        Assert.Contains("Chưa có xã, phường nào trong 2 xã, phường gửi phụ lục biên chế tháng 05/2026; phụ lục gần nhất là ngày 31/03/2026.", text);
        Assert.Contains("1/2 xã, phường có nhiệm vụ đang thực hiện chưa gửi báo cáo tiến độ trong tháng 05/2026:", text);
        Assert.Contains("1 | 10525 | Phường Hải Dương | 3", text);
        Assert.DoesNotContain("10507 | Phường Thành Đông | 12", text);

        var some = Words(MonthlyContent.Build(Sample(
        [
            new CommuneReturn("10507", "Phường Thành Đông", "Cụm 01", true, new DateOnly(2026, 5, 31), 12, 5, false),
            new CommuneReturn("10525", "Phường Hải Dương", "Cụm 01", false, null, 0, 0, false),
        ]), new BriefingOptions()));
        Assert.Contains("1/2 xã, phường chưa gửi phụ lục biên chế tháng 05/2026:", some);
        Assert.Contains("1 | 10525 | Phường Hải Dương | chưa có", some);
        Assert.Contains("Cả 1 xã, phường có nhiệm vụ đang thực hiện đã gửi báo cáo tiến độ trong tháng 05/2026.", some);
    }

    [Fact]
    public void The_word_draft_of_the_monthly_report_is_made_from_the_same_document()
    {
        var doc = MonthlyContent.Build(Sample(), new BriefingOptions());
        var bytes = new DocxRenderer().RenderToBytes(doc);
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("monthly"), "monthly.docx"), bytes);
        using var ms = new MemoryStream(bytes);
        using var word = WordprocessingDocument.Open(ms, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var text = string.Concat(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
        Assert.Contains("Tỷ lệ hoàn thành đúng hạn đạt 86,9%", text);
        // a page break before each of areas II–IV and the follow-up lists
        Assert.Equal(4, body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Break>().Count(b => b.Type?.Value == DocumentFormat.OpenXml.Wordprocessing.BreakValues.Page));
        Assert.Equal(doc.Blocks.OfType<TableBlock>().Count(t => t.Rows.Count > 0), body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Count() - 2); // less the header and signature tables
    }
}
