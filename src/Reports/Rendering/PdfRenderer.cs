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
        var texts = first.Texts().Append(document.Info.Title).ToList();
        if (WholeFaces is { } whole && texts.Any(t => theme.Fonts.MissingGlyphs(t).Any())) return whole.Render(document, output);
        theme.Fonts.EnsureCovers(texts);
        var total = PageLoop.Run(first, theme.Page, new DiscardPageSink(), Header);

        using var buffer = new MemoryStream();
        int pages;
        using (var pdf = SKDocument.CreatePdf(buffer, Metadata(document.Info)))
        {
            pages = PageLoop.Run(Layout(document), theme.Page, new PdfPageSink(pdf), Header, totalPages: total);
            pdf.Close();
        }
        PdfCatalog.Write(buffer.ToArray(), document.Info.Language, output);
        return pages;
    }

    /// <summary>
    /// Several documents in one PDF (the commune briefs of a province as one booklet to print): a
    /// cover, a table of contents with each part's first page, then each part from a new page; the
    /// pages are numbered through (the bare number at the top from page 2), each part is a bookmark
    /// of the outline, and the fonts are embedded once.
    /// </summary>
    public int RenderBooklet(Booklet booklet, Stream output)
    {
        var documents = booklet.Parts.Select(p => p.Document).ToList();
        var cover = new Document(booklet.Info, booklet.Cover);
        if (WholeFaces is { } whole && documents.Append(cover).Any(d => Layout(d).Texts().Any(t => theme.Fonts.MissingGlyphs(t).Any())))
            return whole.RenderBooklet(booklet, output);
        foreach (var d in documents.Append(cover)) theme.Fonts.EnsureCovers(Layout(d).Texts());
        var partPages = documents.Select(d => PageLoop.Run(Layout(d), theme.Page, new DiscardPageSink(), Header)).ToList();
        var coverPages = PageLoop.Run(Layout(cover), theme.Page, new DiscardPageSink(), Header);
        // The contents' own length decides where the parts start: count it with wide placeholders first.
        var tocPages = PageLoop.Run(Contents(booklet, [.. booklet.Parts.Select(_ => 9999)]), theme.Page, new DiscardPageSink(), Header);
        var starts = new List<int>();
        var next = coverPages + tocPages + 1;
        foreach (var n in partPages) { starts.Add(next); next += n; }
        theme.Fonts.EnsureCovers(Contents(booklet, starts).Texts());

        using var buffer = new MemoryStream();
        var pages = 0;
        using (var pdf = SKDocument.CreatePdf(buffer, Metadata(booklet.Info)))
        {
            var sink = new PdfPageSink(pdf);
            int Segment(Element content)
            {
                var offset = pages;
                return pages += PageLoop.Run(content, theme.Page, sink, (p, _) => Header(offset + p, 0));
            }
            Segment(Layout(cover));
            Segment(Contents(booklet, starts));
            if (pages != coverPages + tocPages) throw new LayoutException($"booklet contents took {pages - coverPages} pages, {tocPages} were counted");
            foreach (var d in documents) Segment(Layout(d));
            pdf.Close();
        }
        var outline = booklet.Parts.Select((p, i) => new OutlineEntry(p.Title, starts[i] - 1)).Prepend(new OutlineEntry("Mục lục", coverPages)).ToList();
        PdfCatalog.Write(buffer.ToArray(), booklet.Info.Language, output, outline);
        return pages;
    }

    /// <summary>The table of contents: "MỤC LỤC", then each part's title and its first page, dotted between.</summary>
    private Element Contents(Booklet booklet, IReadOnlyList<int> starts)
    {
        var items = new List<Element> { Line("MỤC LỤC", theme.Text(15, bold: true)), new Spacer(6) };
        var numberWidth = TextBlock.Width("9999", theme.Text(13)) + 4;
        for (var i = 0; i < booklet.Parts.Count; i++)
        {
            var title = $"{i + 1}. {booklet.Parts[i].Title}";
            items.Add(new Row([
                new RowItem(new TextBlock(title, theme.Text(13)) { LineSpacing = 1.25f }),
                new RowItem(new TextBlock(starts[i].ToString(System.Globalization.CultureInfo.InvariantCulture), theme.Text(13)) { Align = TextAlign.Right, LineSpacing = 1.25f }, FixedWidth: numberWidth),
            ]));
        }
        return new Column(items);
    }

    private static SKDocumentPdfMetadata Metadata(DocumentInfo info) => new()
    {
        Title = Nfc(info.Title), Author = Nfc(info.Author), Subject = Nfc(info.Subject), Keywords = Nfc(info.Keywords),
        Creator = "Analytics", Producer = "Analytics (SkiaSharp PDF)", Creation = DateTime.UtcNow, Modified = DateTime.UtcNow, RasterDpi = 300,
    };

    public byte[] RenderToBytes(Document document)
    {
        using var ms = new MemoryStream();
        Render(document, ms);
        return ms.ToArray();
    }

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);

    /// <summary>The page number, bare, centred at the top from page 2 (the Party form); page 1 carries the heading instead.</summary>
    private Element? Header(int page, int total) =>
        page < 2 ? null : new TextBlock(page.ToString(System.Globalization.CultureInfo.InvariantCulture), theme.Text(13)) { Align = TextAlign.Center };

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
                case AnnexHeader a: items.AddRange(AnnexElements(a)); break;
                default: throw new NotSupportedException($"PDF renderer: no layout for {block.GetType().Name}");
            }
        }
        return new Column(items, theme.ParagraphGap);
    }

    private TextBlock Line(string text, TextStyle style, TextAlign align = TextAlign.Center) =>
        new(text, style) { Align = align, LineSpacing = 1.2f };

    private Element PartyHeaderElement(PartyHeader h)
    {
        const string party = "ĐẢNG CỘNG SẢN VIỆT NAM";
        var leftLines = new List<(string Text, TextStyle Style)>();
        if (!string.IsNullOrWhiteSpace(h.SuperiorBody)) leftLines.Add((h.SuperiorBody.ToUpperInvariant(), theme.Text(14)));
        leftLines.Add((h.IssuingBody.ToUpperInvariant(), theme.Text(14, bold: true)));
        leftLines.Add(("*", theme.Text(14)));
        leftLines.Add((h.Number, theme.Text(14)));
        var partyStyle = theme.Text(15, bold: true);
        var dateStyle = theme.Text(14, italic: true);
        var content = theme.Page.Content.Width;
        // Each side as wide as its longest line, so neither the bodies nor the date line ever wrap;
        // the right side keeps the page's right edge and the left what is left.
        var rightWidth = Math.Max(TextBlock.Width(party, partyStyle), TextBlock.Width(h.DateLine, dateStyle)) + 4;
        var leftWidth = leftLines.Max(l => TextBlock.Width(l.Text, l.Style)) + 4;
        // A long superior body ("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH") wraps rather than the date line.
        leftWidth = Math.Min(leftWidth, content - rightWidth);
        var left = new Column(leftLines.Select(l => (Element)Line(l.Text, l.Style)).ToList());
        var right = new Column([
            Line(party, partyStyle),
            // The rule under the title is as long as the title.
            new Rule(length: TextBlock.Width(party, partyStyle), thickness: 0.7f, gapAbove: 0, gapBelow: 6),
            Line(h.DateLine, dateStyle),
        ]);
        return new Row([new RowItem(left, FixedWidth: leftWidth), new RowItem(new Spacer(0)), new RowItem(right, FixedWidth: rightWidth)], spacing: 0);
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
            KpiStatus.Dat => (KpiStatus.Dat.LabelVi(), PartyTheme.StatusGood),
            KpiStatus.CanCoGang => (KpiStatus.CanCoGang.LabelVi(), PartyTheme.StatusWarn),
            KpiStatus.ChuaDat => (KpiStatus.ChuaDat.LabelVi(), PartyTheme.StatusBad),
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
        // What the status is judged against (or why there is none), under it.
        if (t.StatusBasis is { Length: > 0 } basis)
            lines.Add(new TextBlock((statusText is null ? "" : "Đánh giá ") + basis, theme.Text(9.5f, italic: true)) { LineSpacing = 1.15f });
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
            t.Rows.Select(r => new TableRowSpec(r)).Concat((t.Totals ?? []).Select(r => new TableRowSpec(r, Bold: true))).ToList(),
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
        var parts = new List<Element> { caption, chart };
        if (f.Figure.Note is { Length: > 0 } note) parts.Add(new TextBlock(note, theme.Text(10.5f, italic: true)) { Align = TextAlign.Center, LineSpacing = 1.15f });
        // Caption, chart and note travel together: a chart is never separated from its title.
        return new Row([new RowItem(new Column(parts, 2))]);
    }

    private Element SignatureElement(SignatureBlock s)
    {
        var recipients = new List<Element>
        {
            new TextBlock([new TextRun("Nơi nhận:", theme.Text(12, underline: true))]) { LineSpacing = 1.2f },
        };
        recipients.AddRange(s.Recipients.Select(r => new TextBlock("- " + r, theme.Text(12)) { LineSpacing = 1.15f }));
        var signature = new List<Element>
        {
            Line(s.OnBehalfOf.ToUpperInvariant(), theme.Text(14, bold: true)),
            Line(s.SignerTitle.ToUpperInvariant(), theme.Text(14, bold: true)),
            // Room for the signature and the seal (about 3 cm).
            new Spacer(PageSetup.Mm(30)),
        };
        if (!string.IsNullOrWhiteSpace(s.SignerName)) signature.Add(Line(s.SignerName, theme.Text(14, bold: true)));
        return new Box(new Row([new RowItem(new Column(recipients), Weight: 1), new RowItem(new Column(signature), Weight: 1)], 8)) { PadTop = 12 };
    }

    private IEnumerable<Element> AnnexElements(AnnexHeader a)
    {
        yield return new PageBreak();
        yield return Line(a.Label.ToUpperInvariant(), theme.Text(14, bold: true));
        yield return Line(a.Title, theme.Text(14, bold: true));
        if (a.Reference is { Length: > 0 } reference) yield return Line(reference, theme.Text(13, italic: true));
        yield return new Spacer(6);
    }
}

