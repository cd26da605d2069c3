using Analytics.Reports.Briefing;
using Analytics.Reports.Rendering;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests;

public class BriefingPdfTests
{
    [Fact]
    public void Briefing_renders_and_reads_back()
    {
        var doc = BriefingContent.Build(SampleBriefing.HaiPhong(), new BriefingOptions());
        var bytes = new PdfRenderer().RenderToBytes(doc);
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("briefing"), "briefing.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        Assert.InRange(pdf.NumberOfPages, 4, 12);
    }
}
