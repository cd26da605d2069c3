using System.Text;
using Analytics.Reports.Documents;
using Analytics.Reports.Fonts;
using Analytics.Reports.Rendering;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests;

/// <summary>The faces documents are set in are cut to the Vietnamese repertoire: same glyphs and
/// widths as the whole faces, far smaller PDFs, and the whole faces for a character outside the cut.</summary>
public class FontSubsetTests
{
    private static readonly FontSet Cut = FontResolver.Resolve();
    private static FontSet Whole => Cut.Whole ?? throw new InvalidOperationException("the resolved faces were not cut (HarfBuzz missing?)");

    private static IEnumerable<(SKTypeface Cut, SKTypeface Whole)> Faces() =>
        [(Cut.Regular, Whole.Regular), (Cut.Bold, Whole.Bold), (Cut.Italic, Whole.Italic), (Cut.BoldItalic, Whole.BoldItalic)];

    [Fact]
    public void Every_vietnamese_letter_and_sign_keeps_its_width_in_every_face()
    {
        var text = FontResolver.VietnameseAlphabet + "0123456789 .,;:!?%()[]/-–—“”‘’…‰₫№−≤≥•";
        foreach (var (cut, whole) in Faces())
        {
            using var a = new SKFont(cut, 14);
            using var b = new SKFont(whole, 14);
            foreach (var rune in text.EnumerateRunes())
            {
                var s = rune.ToString();
                Assert.NotEqual(0, cut.GetGlyph(rune.Value));
                Assert.Equal(b.MeasureText(s), a.MeasureText(s));
            }
            Assert.Equal(b.Metrics.Ascent, a.Metrics.Ascent);
            Assert.Equal(b.Metrics.Descent, a.Metrics.Descent);
        }
    }

    [Fact]
    public void A_vietnamese_page_embeds_the_cut_faces_far_smaller_than_the_whole()
    {
        var doc = new Document(new DocumentInfo("Thông tin tóm tắt", "Ban Tổ chức", "Sơ kết"),
            [new Heading(2, "1- Đội ngũ cán bộ"), new Paragraph("Biên chế được giao 47 người, có mặt 48 người; thiếu 3 người – tỷ lệ 102,1%."), new Paragraph("Ghi chú: số liệu đến ngày 31/12/2025.", ParagraphKind.Note)]);
        var cut = new PdfRenderer().RenderToBytes(doc);
        var whole = new PdfRenderer(new PartyTheme(Whole)).RenderToBytes(doc);
        Assert.True(cut.Length * 3 < whole.Length, $"cut {cut.Length} bytes, whole {whole.Length} bytes");
        Assert.Equal(Text(whole), Text(cut));
        Assert.Contains("Biên chế được giao 47 người", Text(cut));
    }

    [Fact]
    public void A_character_outside_the_cut_is_drawn_with_the_whole_faces()
    {
        const string greek = "Ωμέγα"; // Greek: in Liberation Serif, not in the cut
        Assert.True(Cut.MissingGlyphs(greek).Any());
        Assert.False(Whole.MissingGlyphs(greek).Any());
        var bytes = new PdfRenderer().RenderToBytes(new Document(new DocumentInfo("t", "a", "s"), [new Paragraph($"Ký hiệu {greek} trong tên đơn vị.")]));
        Assert.Contains(greek, Text(bytes));
    }

    private static string Text(byte[] pdf)
    {
        using var d = PdfDocument.Open(pdf);
        return string.Join(" ", d.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Normalize(NormalizationForm.FormC);
    }
}
