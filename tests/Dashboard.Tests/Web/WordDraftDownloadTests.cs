using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Analytics.Dashboard.Tests.Web;

/// <summary>The "Tải bản Word" button: the view's briefing as a .docx, the same briefing as the PDF button's.</summary>
public sealed class WordDraftDownloadTests : IAsyncLifetime
{
    private readonly TestWarehouse _w = new();
    private RunningServer _s = null!;

    public async Task InitializeAsync() => _s = await RunningServer.Start(new DashboardOptions(_w.DbPath));

    public async Task DisposeAsync()
    {
        await _s.DisposeAsync();
        _w.Dispose();
    }

    [Fact]
    public async Task The_page_offers_the_word_draft_and_the_link_downloads_a_docx_of_the_views_briefing()
    {
        var html = await _s.Http.GetStringAsync("/?unit=98");
        Assert.Contains("/briefing.docx", html);
        Assert.Contains("Tải bản Word", html);

        var r = await _s.Http.GetAsync("/briefing.docx?unit=98");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", r.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".docx", r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var word = WordprocessingDocument.Open(await r.Content.ReadAsStreamAsync(), false);
        var text = string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("TỈNH ỦY MẪU", text);   // the issuing body of a province's document
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
        Assert.Contains("BÁO CÁO", text);
    }
}
