using System.Text;
using System.Text.RegularExpressions;
using Analytics.Reports.Briefing;
using Analytics.Reports.Documents;
using Analytics.Reports.Rendering;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Analytics.Reports.Tests;

/// <summary>The Party document form (Hướng dẫn 36-HD/VPTW) read back from the PDF: heading, number, date, page numbers, signature, annexes.</summary>
public partial class PartyFormTests
{
    private static readonly DateOnly Issued = new(2026, 1, 5);

    private static byte[] Render(BriefingData d, BriefingOptions o, string name)
    {
        var bytes = new PdfRenderer().RenderToBytes(BriefingContent.Build(d, o));
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("party-form"), name + ".pdf"), bytes);
        return bytes;
    }

    private static readonly Lazy<byte[]> Signed = new(() => Render(SampleBriefing.HaiPhong(),
        new BriefingOptions { Number = "27-BC/TU", Issued = Issued, SignerName = "Lê Văn Thử", SignerTitle = "Bí thư" }, "signed"));

    private static readonly Lazy<byte[]> Draft = new(() => Render(SampleBriefing.HaiPhong(), new BriefingOptions { DraftYear = 2026 }, "draft"));

    private static string N(string s) => s.Normalize(NormalizationForm.FormC);

    /// <summary>The words of a page grouped into lines (same baseline), top to bottom.</summary>
    private static List<(double Y, List<Word> Words)> Lines(Page page) =>
        page.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key).Select(g => ((double)g.Key, g.OrderBy(w => w.BoundingBox.Left).ToList())).ToList();

    private static string LineText(List<Word> words) => N(string.Join(" ", words.Select(w => w.Text)));

    private static List<string> PageTexts(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().Select(p => N(string.Join(" ", p.GetWords().Select(w => w.Text)))).ToList();
    }

    [Fact]
    public void A_city_issues_as_THANH_UY_with_its_name_and_a_star_below()
    {
        using var pdf = PdfDocument.Open(Signed.Value);
        var lines = Lines(pdf.GetPage(1));
        var body = lines.FindIndex(l => LineText(l.Words).Contains("THÀNH ỦY HẢI PHÒNG"));
        Assert.True(body >= 0, "no line with THÀNH ỦY HẢI PHÒNG");
        Assert.DoesNotContain(lines.Take(body), l => LineText(l.Words).Contains("ĐẢNG BỘ")); // no superior body above a city's committee
        // The next line of the left block (the right block's lines sit between on other baselines).
        var star = lines.FindIndex(body + 1, l => l.Words.Any(w => w.BoundingBox.Left < 250));
        Assert.Equal("*", LineText(lines[star].Words.Where(w => w.BoundingBox.Left < 250).ToList()));
        var issuer = lines[body].Words.Where(w => w.BoundingBox.Left < 300).ToList();
        var centre = (issuer.Min(w => w.BoundingBox.Left) + issuer.Max(w => w.BoundingBox.Right)) / 2;
        var s = lines[star].Words.Single(w => w.Text == "*");
        Assert.InRange(s.BoundingBox.Centroid.X, centre - 3, centre + 3); // the star is centred under the issuing body
    }

    [Fact]
    public void A_commune_document_is_issued_by_its_own_party_committee_never_THANH_UY()
    {
        var city = SampleBriefing.HaiPhong();
        var commune = city with { UnitCode = "11311", UnitName = "Phường Hồng Bàng", UnitType = "phuong", ParentName = "Thành phố Hải Phòng" };
        var first = PageTexts(Render(commune, new BriefingOptions { Issued = Issued }, "commune-briefing"))[0];
        Assert.Contains("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", first);
        Assert.Contains("ĐẢNG ỦY PHƯỜNG HỒNG BÀNG", first);
        Assert.Contains("-BC/ĐU", first);
        Assert.DoesNotContain("THÀNH ỦY", first);
        Assert.DoesNotContain("-BC/TU", first);
    }

    [Fact]
    public void Number_and_issue_date_are_printed_as_given_and_the_date_line_is_one_line()
    {
        using var pdf = PdfDocument.Open(Signed.Value);
        var lines = Lines(pdf.GetPage(1)).Select(l => LineText(l.Words)).ToList();
        Assert.Contains(lines, l => l.Contains("Số 27-BC/TU"));
        // One line: the place and the whole date share a baseline.
        Assert.Contains(lines, l => l.EndsWith("Hải Phòng, ngày 05 tháng 01 năm 2026", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_number_the_number_and_the_day_are_left_blank_to_fill()
    {
        using var pdf = PdfDocument.Open(Draft.Value);
        var page = pdf.GetPage(1);
        var lines = Lines(page).Select(l => LineText(l.Words)).ToList();
        var number = Assert.Single(lines, l => l.Contains("-BC/TU"));
        Assert.Matches(@"Số\s+-BC/TU", number);
        Assert.DoesNotContain("27", number); // never a number copied from another document
        var so = page.GetWords().Single(w => w.Text == "Số");
        var bc = page.GetWords().Single(w => N(w.Text).EndsWith("-BC/TU", StringComparison.Ordinal));
        Assert.True(bc.BoundingBox.Left - so.BoundingBox.Right > 15, "no blank to write the number in");
        Assert.Contains(lines, l => Regex.IsMatch(l, @"Hải Phòng, ngày\s+tháng\s+năm 2026$"));
    }

    [Theory]
    [InlineData(2026, 6, 5, "ngày 05 tháng 6 năm 2026")]
    [InlineData(2026, 2, 15, "ngày 15 tháng 02 năm 2026")]
    [InlineData(2026, 1, 1, "ngày 01 tháng 01 năm 2026")]
    [InlineData(2025, 11, 25, "ngày 25 tháng 11 năm 2025")]
    [InlineData(2025, 3, 9, "ngày 09 tháng 3 năm 2025")]
    public void Day_below_10_and_month_below_3_take_a_leading_zero_nothing_else(int y, int m, int d, string expected) =>
        Assert.Equal(expected, PartyDate.Long(new DateOnly(y, m, d)));

    [Fact]
    public void The_rule_under_the_party_title_is_as_long_as_the_title()
    {
        using var pdf = PdfDocument.Open(Signed.Value);
        var page = pdf.GetPage(1);
        var title = Lines(page).First(l => LineText(l.Words).Contains("ĐẢNG CỘNG SẢN VIỆT NAM")).Words.Where(w => w.BoundingBox.Left > 250).ToList();
        var left = title.Min(w => w.BoundingBox.Left);
        var right = title.Max(w => w.BoundingBox.Right);
        var below = title.Min(w => w.BoundingBox.Bottom);
        // The rule: the horizontal stroke just below the title.
        var rules = page.Paths
            .Select(p => p.GetBoundingRectangle())
            .Where(r => r is { } b && b.Height < 2 && b.Top < below && b.Top > below - 15 && b.Width > 50)
            .Select(r => r!.Value).ToList();
        var rule = Assert.Single(rules);
        Assert.InRange(rule.Width, right - left - 3, right - left + 3);
        Assert.InRange(rule.Left, left - 3, left + 3);
    }

    [Fact]
    public void Pages_from_two_on_carry_the_bare_number_at_the_top_centre()
    {
        using var pdf = PdfDocument.Open(Signed.Value);
        Assert.True(pdf.NumberOfPages >= 4);
        Assert.DoesNotContain(Lines(pdf.GetPage(1))[0].Words, w => w.Text == "1");
        foreach (var page in pdf.GetPages().Skip(1))
        {
            var top = Lines(page)[0].Words;
            var number = Assert.Single(top);
            Assert.Equal(page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), number.Text);
            var contentCentre = (PageSetupMm(30) + page.Width - PageSetupMm(15)) / 2;
            Assert.InRange(number.BoundingBox.Centroid.X, contentCentre - 4, contentCentre + 4);
            Assert.True(number.BoundingBox.Bottom > page.Height - PageSetupMm(20), "the number sits in the top margin");
        }
    }

    private static double PageSetupMm(double mm) => mm * 72 / 25.4;

    [Fact]
    public void The_signature_has_room_to_sign_and_Noi_nhan_closes_the_document_before_the_annexes()
    {
        var pages = PageTexts(Signed.Value);
        var signaturePage = pages.FindIndex(p => p.Contains("Nơi nhận:"));
        Assert.True(signaturePage >= 0);
        var text = pages[signaturePage];
        foreach (var s in new[] { "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Văn Thử", "- Lưu Văn phòng Thành ủy." })
            Assert.Contains(s, text);
        // Nothing of the body after "Nơi nhận": the rest of that page is the recipients and the signature.
        var after = text[text.IndexOf("Nơi nhận:", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Nguồn số liệu", after);
        Assert.DoesNotContain("Bảng", after);
        // Every page after the signature belongs to an annex.
        Assert.All(pages.Skip(signaturePage + 1), p => Assert.True(Regex.IsMatch(p, @"^\d+ (PHỤ LỤC \d|(\S+ ){0,3}TT )"), p[..Math.Min(80, p.Length)]));

        using var pdf = PdfDocument.Open(Signed.Value);
        var lines = Lines(pdf.GetPage(signaturePage + 1));
        var title = lines.First(l => LineText(l.Words).Contains("BÍ THƯ")).Y;
        var name = lines.First(l => LineText(l.Words).Contains("Lê Văn Thử")).Y;
        Assert.True(title - name > 70, $"only {title - name:0} pt between the title and the name to sign in");
    }

    [Fact]
    public void The_sources_annex_lists_each_file_with_its_load_time_and_says_when_one_came_after_the_issue_date()
    {
        var pages = PageTexts(Signed.Value);
        var annex = pages.FindIndex(p => p.Contains("Nguồn số liệu"));
        Assert.True(annex > pages.FindIndex(p => p.Contains("Nơi nhận:")));
        var text = string.Join(" ", pages.Skip(annex));
        Assert.Matches(@"PHỤ LỤC \d+ Nguồn số liệu \(Kèm theo Báo cáo số 27-BC/TU ngày 05/01/2026\)", text);
        foreach (var (file, time) in new[] { ("thu_ngan_sach_2025.csv", "08:30 05/01/2026"), ("nhiem_vu_2025.xlsx", "09:15 06/01/2026"), ("phu_luc_bien_che_q4.csv", "10:00 06/01/2026") })
        {
            Assert.Contains(file, text);
            Assert.Contains(time, text);
        }
        // Two files were loaded on 06/01, after the issue date 05/01: the annex says so and names them.
        Assert.Matches(@"Lưu ý: 2 tệp được nạp sau ngày ban hành báo cáo \(05/01/2026\): nhiem_vu_2025\.xlsx", text);
        var onTime = PageTexts(Render(SampleBriefing.HaiPhong(), new BriefingOptions { Number = "27-BC/TU", Issued = new DateOnly(2026, 1, 7) }, "signed-later"));
        Assert.DoesNotContain("Lưu ý", string.Join(" ", onTime));
    }

    [Fact]
    public void The_body_shows_the_ten_worst_and_the_annexes_every_lagging_unit_and_overdue_task()
    {
        var data = SampleBriefing.HaiPhong(60);
        var pages = PageTexts(Signed.Value);
        var signaturePage = pages.FindIndex(p => p.Contains("Nơi nhận:"));
        var body = string.Join(" ", pages.Take(signaturePage + 1));
        var annexes = string.Join(" ", pages.Skip(signaturePage + 1));
        var codes = data.Tasks.OverdueTasks.Select(t => t.TaskId).ToList();
        Assert.Equal(10, codes.Count(c => Regex.IsMatch(body, $@"\b{c}\b")));
        Assert.All(codes, c => Assert.Single(Regex.Matches(annexes, $@"\b{c}\b")));
        Assert.Contains("danh sách đầy đủ xem Phụ lục 2", body);
        Assert.Contains("PHỤ LỤC 2 Nhiệm vụ quá hạn chưa hoàn thành đến 31/12/2025", annexes);
        // Lagging units: 12 in the sample; the body lists 10 and sends the reader to annex 1.
        Assert.Equal(12, data.Tasks.Lagging.Count);
        Assert.Contains("danh sách đầy đủ xem Phụ lục 1", body);
        Assert.Contains("PHỤ LỤC 1 Danh sách đơn vị chậm tiến độ", annexes);
        var worst = data.Tasks.OverdueTasks.MaxBy(t => t.DaysOverdue)!;
        Assert.Contains(worst.TaskId, body);
        // The overdue table in the body holds 10 rows, each also in the annex.
        Assert.True(pages.Count - signaturePage - 1 >= 3, "annexes 1, 2 and the sources");
    }

    [Fact]
    public void Every_date_in_the_text_layer_is_whole_never_broken_across_lines()
    {
        using var pdf = PdfDocument.Open(Signed.Value);
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => N(w.Text)).ToList();
        var dates = words.Where(w => DateLike().IsMatch(w)).ToList();
        Assert.True(dates.Count > 60, $"only {dates.Count} dates found");
        Assert.All(dates, d => Assert.Matches(WholeDate(), d));
        // Header cells are never split inside a word either ("TT"); a chart's rotated axis title
        // ("Thứ hạng …", read upwards) comes out of the word reader letter by letter, so only upright words count.
        var upright = pdf.GetPages().SelectMany(p => p.GetWords()).Where(w => w.TextOrientation == UglyToad.PdfPig.Content.TextOrientation.Horizontal).Select(w => N(w.Text)).ToList();
        Assert.DoesNotContain(upright, w => w == "T");
        Assert.Contains("TT", words);
    }

    [GeneratedRegex(@"^\(?\d{1,2}/\d{1,2}(/|$|[.,;)])")] private static partial Regex DateLike();
    [GeneratedRegex(@"^\(?\d{2}/\d{2}/\d{4}\)?[.,;:)]*$")] private static partial Regex WholeDate();
}
