using System.Text;
using Analytics.Reports.Briefing;
using Analytics.Reports.Charts;
using Analytics.Reports.Documents;
using Analytics.Reports.Rendering;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Analytics.Reports.Tests;

/// <summary>
/// The text layer of the whole sample briefing says each thing as often as the page shows it: a copy
/// or a search of a chart gives its labels once (a chart drawn twice, the second pass over the first,
/// looks right on paper and reads twice).
/// </summary>
public class TextLayerTests
{
    private static readonly Lazy<(Document Doc, byte[] Pdf)> Briefing = new(() =>
    {
        var doc = BriefingContent.Build(SampleBriefing.HaiPhong(), new BriefingOptions { Number = "Số 27-BC/TU", Issued = SampleBriefing.AsOf.AddDays(7) });
        var bytes = new PdfRenderer().RenderToBytes(doc);
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("text-layer"), "briefing.pdf"), bytes);
        return (doc, bytes);
    });

    private static string Squeeze(string s) =>
        new(s.Normalize(NormalizationForm.FormC).Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static int Occurrences(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    [Fact]
    public void No_glyph_is_drawn_twice_at_the_same_place_on_any_page()
    {
        using var pdf = PdfDocument.Open(Briefing.Value.Pdf);
        var twice = new List<string>();
        foreach (var page in pdf.GetPages())
        {
            var repeated = page.Letters
                .Where(l => !string.IsNullOrWhiteSpace(l.Value))
                .GroupBy(l => (l.Value, X: Math.Round(l.StartBaseLine.X, 1), Y: Math.Round(l.StartBaseLine.Y, 1)))
                .Where(g => g.Count() > 1)
                .ToList();
            if (repeated.Count > 0)
                twice.Add($"page {page.Number}: {repeated.Count} glyphs twice, e.g. \"{string.Concat(repeated.Take(40).Select(g => g.Key.Value))}\"");
        }
        Assert.True(twice.Count == 0, string.Join("\n", twice));
    }

    [Fact]
    public void Every_chart_label_is_in_the_text_layer_as_often_as_the_chart_shows_it()
    {
        var (doc, bytes) = Briefing.Value;
        var figures = doc.Blocks.OfType<FigureBlock>().ToList();
        Assert.Equal(9, figures.Count);
        using var pdf = PdfDocument.Open(bytes);
        // Page text in drawing order: the renderer draws caption, chart, note, so a chart's glyphs are
        // those between its caption "Biểu đồ n: …" and its note's "Đơn vị:", wherever the chart sits on the page.
        var pages = pdf.GetPages().Select(p => Squeeze(string.Concat(p.Letters.Select(l => l.Value)))).ToList();
        var wrong = new List<string>();
        for (var n = 1; n <= figures.Count; n++)
        {
            var caption = Squeeze($"Biểu đồ {n}: {figures[n - 1].Caption}");
            var page = pages.Single(p => p.Contains(caption, StringComparison.Ordinal));
            var start = page.IndexOf(caption, StringComparison.Ordinal) + caption.Length;
            var end = page.IndexOf(Squeeze("Đơn vị:"), start, StringComparison.Ordinal);
            Assert.True(end > start, $"Biểu đồ {n}: no note after the chart");
            var drawn = page[start..end];

            var shown = ChartRenderer.Texts(figures[n - 1].Figure.Build(withTitle: false)).Select(Squeeze).Where(t => t.Length > 0).ToList();
            var labels = shown.Where(t => t.Length >= 3 && t.Any(char.IsLetter)).Distinct().ToList();
            Assert.True(labels.Count > 0, $"Biểu đồ {n}: no label to look for among {string.Join(" | ", shown)}");
            foreach (var label in labels)
            {
                var expected = shown.Sum(t => Occurrences(t, label));
                var actual = Occurrences(drawn, label);
                if (actual != expected) wrong.Add($"Biểu đồ {n} ({figures[n - 1].Figure.Definition.Id}): \"{label}\" {actual}× in the text layer, drawn {expected}×");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
