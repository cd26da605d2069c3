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
        Assert.Contains("Và 36 nhiệm vụ quá hạn khác", text);
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
    public void A_booklet_holds_every_commune_brief_one_page_each()
    {
        var city = SampleBriefing.HaiPhong(12);
        var docs = Enumerable.Range(1, 5).Select(i => CommuneBriefContent.Build(
            city with { UnitCode = $"1131{i}", UnitName = $"Xã Thử Nghiệm {i}", Revenue = RevenueFacts.None, Indices = IndexFacts.None }, new BriefingOptions())).ToList();
        using var ms = new MemoryStream();
        var pages = new PdfRenderer().RenderBooklet(new Analytics.Reports.Documents.DocumentInfo("Tập hợp", "Ban Tổ chức", "Thử"), docs, ms);
        Assert.Equal(5, pages);
        using var pdf = PdfDocument.Open(ms.ToArray());
        Assert.Equal(5, pdf.NumberOfPages);
        for (var i = 1; i <= 5; i++)
        {
            var text = string.Join(" ", pdf.GetPage(i).GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormC);
            Assert.Contains($"Xã Thử Nghiệm {i} (mã 1131{i})", text);
            Assert.DoesNotContain("Trang", text);
        }
    }
}
