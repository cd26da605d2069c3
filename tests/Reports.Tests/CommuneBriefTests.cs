using System.Text;
using Analytics.Reports.Briefing;
using Analytics.Reports.Rendering;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests;

public class CommuneBriefTests
{
    [Fact]
    public void A_commune_brief_is_one_page_even_with_many_overdue_tasks()
    {
        var city = SampleBriefing.HaiPhong(40);
        var commune = city with { UnitCode = "11311", UnitName = "Phường Hồng Bàng", Revenue = RevenueFacts.None, Indices = IndexFacts.None };
        var bytes = new PdfRenderer().RenderToBytes(CommuneBriefContent.Build(commune, new BriefingOptions()));
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("commune"), "commune.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var text = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormC);
        Assert.Contains("Phường Hồng Bàng (mã 11311)", text);
        Assert.Contains("4.412 / 4.560", text);
        Assert.Contains("Và 37 nhiệm vụ quá hạn khác", text);
        Assert.Contains("Báo cáo kết quả sắp xếp trụ sở", text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(-8)] // only the longest titles
    public void Every_commune_brief_fits_one_page(int overdue)
    {
        var city = SampleBriefing.HaiPhong(60);
        var commune = city with
        {
            UnitCode = "11001", UnitName = "Xã Thử 1", Revenue = RevenueFacts.None, Indices = IndexFacts.None,
            Tasks = city.Tasks with
            {
                OverdueTasks = overdue >= 0 ? city.Tasks.OverdueTasks.Take(overdue).ToList()
                    : city.Tasks.OverdueTasks.OrderByDescending(t => t.Title.Length).Take(-overdue).ToList(),
            },
        };
        var bytes = new PdfRenderer().RenderToBytes(CommuneBriefContent.Build(commune, new BriefingOptions()));
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("commune"), $"commune-{overdue}.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
    }

    [Fact]
    public void A_booklet_has_a_cover_contents_numbered_pages_and_a_bookmark_per_commune()
    {
        var city = SampleBriefing.HaiPhong(12);
        var communes = Enumerable.Range(1, 5).Select(i => ($"Xã Thử Nghiệm {i}", $"1131{i}", CommuneBriefContent.Build(
            city with { UnitCode = $"1131{i}", UnitName = $"Xã Thử Nghiệm {i}", Revenue = RevenueFacts.None, Indices = IndexFacts.None }, new BriefingOptions()))).ToList();
        using var ms = new MemoryStream();
        var pages = new PdfRenderer().RenderBooklet(CommuneBooklet.Build("Thành phố Hải Phòng", SampleBriefing.AsOf, communes, new BriefingOptions()), ms);
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("commune"), "booklet.pdf"), ms.ToArray());
        Assert.Equal(7, pages); // cover, contents, five briefs
        using var pdf = PdfDocument.Open(ms.ToArray());
        Assert.Equal(7, pdf.NumberOfPages);
        string Text(int n) => string.Join(" ", pdf.GetPage(n).GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormC);
        Assert.Contains("THÔNG TIN TÓM TẮT CÁC XÃ, PHƯỜNG, ĐẶC KHU", Text(1));
        Assert.StartsWith("2 MỤC LỤC", Text(2));
        for (var i = 1; i <= 5; i++)
        {
            Assert.Contains($"{i}. Xã Thử Nghiệm {i} (mã 1131{i}) {i + 2}", Text(2)); // the contents line gives the page
            Assert.StartsWith($"{i + 2} ", Text(i + 2));                             // the page carries that number
            Assert.Contains($"Xã Thử Nghiệm {i} (mã 1131{i})", Text(i + 2));
        }
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var nodes = bookmarks.GetNodes().OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().ToList();
        Assert.Equal(["Mục lục", .. communes.Select(c => $"{c.Item1} (mã {c.Item2})")], nodes.Select(n => n.Title.Normalize(NormalizationForm.FormC)));
        Assert.Equal([2, 3, 4, 5, 6, 7], nodes.Select(n => n.PageNumber));
    }

    [Fact]
    public void The_commune_tables_totals_equal_the_cards_and_the_text()
    {
        var city = SampleBriefing.HaiPhong(60); // its classes add up to its 6.084 tasks
        var commune = city with { UnitCode = "11311", UnitName = "Phường Hồng Bàng", Revenue = RevenueFacts.None, Indices = IndexFacts.None };
        var s = commune.Staffing;
        var t = commune.Tasks;
        var bytes = new PdfRenderer().RenderToBytes(CommuneBriefContent.Build(commune, new BriefingOptions()));
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormC);
        // The staffing table: 9 specialties in the sample, 4 named, the other 5 summed, then the total = the text's numbers.
        Assert.Equal(318, s.Shortage);
        Assert.Equal(s.Shortage, s.BySpecialty.Sum(g => g.Shortage));
        Assert.Contains("còn thiếu 318 người, thừa 170 người", text);
        var rest = s.BySpecialty.OrderByDescending(g => g.Shortage).Skip(4).ToList();
        Assert.Contains($"Và 5 lĩnh vực khác {rest.Sum(g => g.Shortage)} {rest.Sum(g => g.Surplus)}", text);
        Assert.Contains("Tổng cộng 318 170", text);
        Assert.Contains("318 / 170", text); // the card
        // The task sentence: its five parts add up to the total.
        var m = System.Text.RegularExpressions.Regex.Match(text,
            @"Tổng số ([\d.]+) nhiệm vụ: hoàn thành đúng hạn ([\d.]+), hoàn thành quá hạn ([\d.]+), đang thực hiện trong hạn ([\d.]+), không thời hạn ([\d.]+), quá hạn chưa hoàn thành ([\d.]+)\.");
        Assert.True(m.Success, text);
        int V(int g) => int.Parse(m.Groups[g].Value.Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(V(1), V(2) + V(3) + V(4) + V(5) + V(6));
        // The overdue list: 3 shown, the other 57 counted, the caption says all 60.
        Assert.Contains("Nhiệm vụ quá hạn (60 nhiệm vụ)", text);
        Assert.Contains("Và 57 nhiệm vụ quá hạn khác", text);
    }
}
