using System.Text;
using Analytics.Metrics;
using Analytics.Reports.Charts;
using Analytics.Reports.Documents;
using Analytics.Reports.Fonts;
using Analytics.Reports.Layout;
using SkiaSharp;

namespace Analytics.Reports.Rendering;

/// <summary>
/// Lays a <see cref="Document"/> out in the Party format and writes it as PDF: real embedded-font
/// text, vector charts, "Trang x/y" centred at the top from page 2.
/// </summary>
public sealed class PdfRenderer(PartyTheme theme)
{
    public PdfRenderer() : this(new PartyTheme(FontResolver.Resolve())) { }

    public PartyTheme Theme => theme;

    private PdfRenderer? _whole;

    /// <summary>The same renderer with the whole faces, for a document with a character outside the cut faces.</summary>
    private PdfRenderer? WholeFaces => theme.Fonts.Whole is { } whole ? _whole ??= new PdfRenderer(theme with { Fonts = whole }) : null;

    /// <summary>Writes the PDF; returns the page count. Fails before writing anything if the font lacks a glyph the text uses.</summary>
    public int Render(Document document, Stream output)
    {
        var first = Layout(document);
        // Every string is checked up front, so a font without Vietnamese letters never prints boxes.
        var texts = first.Texts().Append(document.Info.Title).Append(Header(2, 2)!.Texts().First()).ToList();
        if (WholeFaces is { } whole && texts.Any(t => theme.Fonts.MissingGlyphs(t).Any())) return whole.Render(document, output);
        theme.Fonts.EnsureCovers(texts);
        var total = PageLoop.Run(first, theme.Page, new DiscardPageSink(), Header);

        using var buffer = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = Nfc(document.Info.Title),
            Author = Nfc(document.Info.Author),
            Subject = Nfc(document.Info.Subject),
            Keywords = Nfc(document.Info.Keywords),
            Creator = "Analytics",
            Producer = "Analytics (SkiaSharp PDF)",
            Creation = DateTime.UtcNow,
            Modified = DateTime.UtcNow,
            RasterDpi = 300,
        };
        int pages;
        using (var pdf = SKDocument.CreatePdf(buffer, metadata))
        {
            pages = PageLoop.Run(Layout(document), theme.Page, new PdfPageSink(pdf), Header, totalPages: total);
            pdf.Close();
        }
        PdfLanguage.Write(buffer.ToArray(), document.Info.Language, output);
        return pages;
    }

    /// <summary>
    /// Several documents in one PDF (the commune briefs of a province as one booklet to print):
    /// each starts on a new page with its own page numbering, and the fonts are embedded once.
    /// </summary>
    public int RenderBooklet(DocumentInfo info, IReadOnlyList<Document> documents, Stream output)
    {
        if (WholeFaces is { } whole && documents.Any(d => Layout(d).Texts().Any(t => theme.Fonts.MissingGlyphs(t).Any())))
            return whole.RenderBooklet(info, documents, output);
        foreach (var d in documents) theme.Fonts.EnsureCovers(Layout(d).Texts());
        var totals = documents.Select(d => PageLoop.Run(Layout(d), theme.Page, new DiscardPageSink(), Header)).ToList();
        using var buffer = new MemoryStream();
        var pages = 0;
        using (var pdf = SKDocument.CreatePdf(buffer, new SKDocumentPdfMetadata
        {
            Title = Nfc(info.Title), Author = Nfc(info.Author), Subject = Nfc(info.Subject), Keywords = Nfc(info.Keywords),
            Creator = "Analytics", Producer = "Analytics (SkiaSharp PDF)", Creation = DateTime.UtcNow, Modified = DateTime.UtcNow, RasterDpi = 300,
        }))
        {
            for (var i = 0; i < documents.Count; i++)
                pages += PageLoop.Run(Layout(documents[i]), theme.Page, new PdfPageSink(pdf), Header, totalPages: totals[i]);
            pdf.Close();
        }
        PdfLanguage.Write(buffer.ToArray(), info.Language, output);
        return pages;
    }

    public byte[] RenderToBytes(Document document)
    {
        using var ms = new MemoryStream();
        Render(document, ms);
        return ms.ToArray();
    }

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);

    /// <summary>"Trang 2/9" centred at the top from page 2; page 1 carries the Party heading instead.</summary>
    private Element? Header(int page, int total) =>
        page < 2 ? null : new TextBlock(total > 0 ? $"Trang {page}/{total}" : $"Trang {page}/{page}", theme.Text(12)) { Align = TextAlign.Center };

    /// <summary>The element tree for a document (a fresh one per pass: elements remember their progress).</summary>
    public Element Layout(Document document)
    {
        var items = new List<Element>();
        var figureNo = 0;
        var tableNo = 0;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case PartyHeader h: items.Add(PartyHeaderElement(h)); break;
                case TitleBlock t: items.AddRange(TitleElements(t)); break;
                case Heading h: items.Add(HeadingElement(h)); break;
                case Paragraph p: items.Add(ParagraphElement(p)); break;
                case KpiTiles k: items.AddRange(TileRows(k)); break;
                case TableBlock t: items.AddRange(TableElements(t, ++tableNo)); break;
                case FigureBlock f: items.Add(FigureElement(f, ++figureNo)); break;
                case PageBreakBlock: items.Add(new PageBreak()); break;
                case SignatureBlock s: items.Add(SignatureElement(s)); break;
                default: throw new NotSupportedException($"PDF renderer: no layout for {block.GetType().Name}");
            }
        }
        return new Column(items, theme.ParagraphGap);
    }

    private TextBlock Line(string text, TextStyle style, TextAlign align = TextAlign.Center) =>
        new(text, style) { Align = align, LineSpacing = 1.2f };

    private Element PartyHeaderElement(PartyHeader h)
    {
        var left = new Column([
            Line(h.SuperiorBody.ToUpperInvariant(), theme.Text(14)),
            Line(h.IssuingBody.ToUpperInvariant(), theme.Text(14, bold: true)),
            Line("*", theme.Text(14)),
            Line(h.Number, theme.Text(14)),
        ]);
        var right = new Column([
            Line("ĐẢNG CỘNG SẢN VIỆT NAM", theme.Text(15, bold: true)),
            new Rule(length: PageSetup.Mm(62), thickness: 0.7f, gapAbove: 0, gapBelow: 6),
            Line($"{h.Place}, {VietnameseFormat.LongDate(h.Date)}", theme.Text(14, italic: true)),
        ]);
        // The left block is as wide as its longest line, so "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG" stays on one line.
        var leftWidth = new[] { (h.SuperiorBody.ToUpperInvariant(), false), (h.IssuingBody.ToUpperInvariant(), true) }
            .Max(x => { using var f = new SKFont(theme.Fonts.Face(x.Item2, false), 14); return f.MeasureText(x.Item1); }) + 6;
        leftWidth = Math.Min(leftWidth, theme.Page.Content.Width * 0.5f);
        return new Row([new RowItem(left, FixedWidth: leftWidth), new RowItem(right)], spacing: 0);
    }

    private IEnumerable<Element> TitleElements(TitleBlock t)
    {
        yield return new Spacer(10);
        yield return Line(t.Kind.ToUpperInvariant(), theme.Text(16, bold: true));
        yield return Line(t.Subject, theme.Text(14, bold: true));
        yield return Line("-----", theme.Text(14));
        yield return new Spacer(4);
    }

    private Element HeadingElement(Heading h)
    {
        var style = h.Level switch
        {
            1 => theme.Text(bold: true),
            2 => theme.Text(bold: true),
            _ => theme.Text(bold: true, italic: true),
        };
        return new Box(new TextBlock(h.Text, style) { Align = TextAlign.Justify, FirstLineIndent = theme.FirstLineIndent, LineSpacing = theme.LineSpacing })
        {
            PadTop = h.Level == 1 ? 6 : 2,
            KeepWithNext = true,
        };
    }

    private Element ParagraphElement(Paragraph p) => p.Kind switch
    {
        // Notes carry long file names: justified, their lines spread into wide gaps, so they are set ragged-right.
        ParagraphKind.Note => new TextBlock(Runs(p.Spans, theme.Text(11, italic: true))) { Align = TextAlign.Left, LineSpacing = 1.2f },
        ParagraphKind.Centered => new TextBlock(Runs(p.Spans, theme.Text())) { Align = TextAlign.Center, LineSpacing = theme.LineSpacing },
        // A paragraph ending in ":" introduces what follows (a table, a list): they share a page.
        _ => new TextBlock(Runs(p.Spans, theme.Text())) { Align = TextAlign.Justify, FirstLineIndent = theme.FirstLineIndent, LineSpacing = theme.LineSpacing, KeepWithNext = p.Text.TrimEnd().EndsWith(':') },
    };

    private static List<TextRun> Runs(IEnumerable<Span> spans, TextStyle style) =>
        spans.Select(s => new TextRun(s.Text, style.With(bold: style.Bold || s.Bold, italic: style.Italic ^ s.Italic))).ToList();

    private IEnumerable<Element> TileRows(KpiTiles k)
    {
        foreach (var chunk in k.Tiles.Chunk(k.PerRow))
        {
            var cells = chunk.Select(t => new RowItem(Tile(t))).ToList();
            while (cells.Count < k.PerRow) cells.Add(new RowItem(new Spacer(0)));
            yield return new Row(cells, spacing: 12);
        }
    }

    private Element Tile(KpiTile t)
    {
        var (statusText, color) = t.Status switch
        {
            KpiStatus.Dat => ("Đạt", PartyTheme.StatusGood),
            KpiStatus.CanCoGang => ("Cần cố gắng", PartyTheme.StatusWarn),
            KpiStatus.ChuaDat => ("Chưa đạt", PartyTheme.StatusBad),
            _ => ((string?)null, (SKColor?)null),
        };
        var lines = new List<Element>
        {
            new TextBlock(t.Label, theme.Text(10.5f)) { LineSpacing = 1.15f },
            new TextBlock(t.Value, theme.Text(17, bold: true)) { LineSpacing = 1.2f },
        };
        if (t.Change is not null) lines.Add(new TextBlock(t.Change, theme.Text(10.5f)) { LineSpacing = 1.15f });
        if (statusText is not null)
            lines.Add(new TextBlock([new TextRun("Tình trạng: ", theme.Text(10.5f)), new TextRun(statusText, theme.Text(10.5f, bold: true) with { Color = color!.Value })]) { LineSpacing = 1.15f });
        if (t.Note is not null) lines.Add(new TextBlock(t.Note, theme.Text(9.5f, italic: true)) { LineSpacing = 1.15f });
        return new Box(new Column(lines, 1))
        {
            PadLeft = 8, PadRight = 5, PadTop = 4, PadBottom = 5,
            Border = PartyTheme.TileBorder,
            LeftBar = color ?? PartyTheme.TileBorder,
            StretchHeight = true,
        };
    }

    private IEnumerable<Element> TableElements(TableBlock t, int number)
    {
        var caption = t.Caption is null ? null : new TextBlock($"Bảng {number}: {t.Caption}", theme.Text(12, bold: true)) { Align = TextAlign.Center, LineSpacing = 1.2f, KeepWithNext = true };
        if (caption is not null) yield return caption;
        if (t.Rows.Count == 0 && t.EmptyText is not null)
        {
            yield return new TextBlock(t.EmptyText, theme.Text(12, italic: true)) { Align = TextAlign.Center };
            yield break;
        }
        static TextAlign A(ColumnAlign a) => a switch { ColumnAlign.Center => TextAlign.Center, ColumnAlign.Right => TextAlign.Right, _ => TextAlign.Left };
        yield return new Table(
            t.Columns.Select(c => new TableColumnSpec(c.Weight, A(c.Align))).ToList(),
            t.Columns.Select(c => c.Header).ToList(),
            t.Rows.Select(r => new TableRowSpec(r)).ToList(),
            theme.Text(theme.Table), theme.Text(theme.Table, bold: true));
    }

    private Element FigureElement(FigureBlock f, int number)
    {
        var width = theme.Page.Content.Width;
        var height = width * f.HeightRatio;
        var fonts = theme.Fonts;
        var chart = new Drawing(height, (canvas, rect) => ChartRenderer.DrawOnCanvas(f.Figure.Build(fonts, withTitle: false), canvas, rect), $"chart {f.Figure.Definition.Id}")
        {
            TextsToCheck = () => ChartRenderer.Texts(f.Figure.Build(fonts)),
        };
        var caption = new TextBlock($"Biểu đồ {number}: {f.Caption}", theme.Text(12, bold: true)) { Align = TextAlign.Center, LineSpacing = 1.2f };
        // Caption and chart travel together: a chart is never separated from its title.
        return new Row([new RowItem(new Column([caption, chart], 2))]);
    }

    private Element SignatureElement(SignatureBlock s)
    {
        var recipients = new List<Element>
        {
            new TextBlock([new TextRun("Nơi nhận:", theme.Text(12, underline: true))]) { LineSpacing = 1.2f },
        };
        recipients.AddRange(s.Recipients.Select(r => new TextBlock("- " + r, theme.Text(12)) { LineSpacing = 1.15f }));
        var signature = new Column([
            Line(s.OnBehalfOf.ToUpperInvariant(), theme.Text(14, bold: true)),
            Line(s.SignerTitle.ToUpperInvariant(), theme.Text(14, bold: true)),
            new Spacer(60),
            Line(s.SignerName, theme.Text(14, bold: true)),
        ]);
        return new Box(new Row([new RowItem(new Column(recipients), Weight: 1), new RowItem(signature, Weight: 1)], 8)) { PadTop = 12 };
    }
}

