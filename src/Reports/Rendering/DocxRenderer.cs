using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Analytics.Metrics;
using Analytics.Reports.Charts;
using Analytics.Reports.Documents;
using Analytics.Reports.Fonts;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using Document = Analytics.Reports.Documents.Document;
using Paragraph = Analytics.Reports.Documents.Paragraph;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace Analytics.Reports.Rendering;

/// <summary>
/// The same <see cref="Document"/> as the PDF, written as an editable Word draft (.docx) in the Party
/// format: header table, 14 pt Times New Roman (Liberation Serif named as its substitute in the font
/// table), A4 with margins 20/20/30/15 mm, a PAGE field centred at the top from page 2, Word headings
/// (with Word's own numbering when the headings' numbers are the ones Word would count), real tables
/// whose header row repeats, charts as PNG with their figures in the alternative text, and every
/// number as plain text the office can edit.
/// </summary>
public sealed class DocxRenderer(FontSet fonts)
{
    public DocxRenderer() : this(FontResolver.Resolve()) { }

    /// <summary>The block types this renderer writes; a test checks it covers every block of the model.</summary>
    public static IReadOnlySet<Type> Handles { get; } = new HashSet<Type>
    {
        typeof(PartyHeader), typeof(TitleBlock), typeof(Heading), typeof(Paragraph), typeof(KpiTiles), typeof(TableBlock),
        typeof(FigureBlock), typeof(PageBreakBlock), typeof(SignatureBlock), typeof(AnnexHeader),
    };

    public const string BodyFont = "Times New Roman";
    public const string FallbackFont = "Liberation Serif";

    // Twentieths of a point (twips): 1 mm = 56.7 twips. EMU for drawings: 1 mm = 36,000.
    private static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);
    private const long EmuPerMm = 36000;
    private const double PageWidthMm = 210, PageHeightMm = 297, TopMm = 20, BottomMm = 20, LeftMm = 30, RightMm = 15;
    private static readonly int ContentTwips = Twips(PageWidthMm - LeftMm - RightMm);
    private const int IndentTwips = 567; // 10 mm first-line indent
    private const int TableFontHalfPoints = 22; // 11 pt, as in the PDF

    public void Render(Document document, Stream output)
    {
        using var buffer = new MemoryStream();
        using (var word = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            AddFontTable(main);
            var numbered = WordCanNumber(document.Blocks.OfType<Heading>().ToList());
            if (numbered) AddNumbering(main);
            var (firstHeader, pageHeader) = AddHeaders(main);

            var body = new Body();
            var state = new RenderState(main, numbered);
            foreach (var block in document.Blocks)
                foreach (var element in Blocks(block, state))
                    body.Append(element);
            body.Append(SectionProperties(main.GetIdOfPart(firstHeader), main.GetIdOfPart(pageHeader)));
            InSchemaOrder(body);
            InSchemaOrder(main.StyleDefinitionsPart!.Styles!);
            main.StyleDefinitionsPart.Styles!.Save();
            if (main.NumberingDefinitionsPart?.Numbering is { } numbering)
            {
                InSchemaOrder(numbering);
                numbering.Save();
            }
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
            main.Document.Save();

            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new DefaultTabStop { Val = 720 }, new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress });
            settings.Settings.Save();

            word.PackageProperties.Title = Nfc(document.Info.Title);
            word.PackageProperties.Creator = Nfc(document.Info.Author);
            word.PackageProperties.Subject = Nfc(document.Info.Subject);
            word.PackageProperties.Keywords = Nfc(document.Info.Keywords);
            word.PackageProperties.Language = document.Info.Language;
            word.PackageProperties.Created = DateTime.UtcNow;
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    public byte[] RenderToBytes(Document document)
    {
        using var ms = new MemoryStream();
        Render(document, ms);
        return ms.ToArray();
    }

    // The order WordprocessingML's schema fixes for the children of these property elements (ECMA-376
    // part 1, CT_PPrBase, CT_TblPr, CT_TblCellMar, CT_TcBorders, CT_TblBorders, CT_Lvl). The blocks are built in reading order and
    // sorted here once: Word repairs (and may refuse) a file whose properties come in another order.
    private static readonly IReadOnlyDictionary<string, string[]> SchemaOrder = new Dictionary<string, string[]>
    {
        ["pPr"] = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs",
            "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl",
            "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"],
        ["tblPr"] = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd",
            "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"],
        ["tcMar"] = ["top", "start", "left", "bottom", "end", "right"],
        ["tcBorders"] = ["top", "start", "left", "bottom", "end", "right", "insideH", "insideV", "tl2br", "tr2bl"],
        ["tblBorders"] = ["top", "start", "left", "bottom", "end", "right", "insideH", "insideV"],
        ["tblCellMar"] = ["top", "start", "left", "bottom", "end", "right"],
        ["lvl"] = ["start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlPicBulletId", "legacy", "lvlJc", "pPr", "rPr"],
    };

    private static void InSchemaOrder(OpenXmlElement root)
    {
        foreach (var element in root.Descendants().Where(e => SchemaOrder.ContainsKey(e.LocalName)).ToList())
        {
            var order = SchemaOrder[element.LocalName];
            var children = element.ChildElements.ToList();
            var sorted = children.OrderBy(c => Array.IndexOf(order, c.LocalName) is var i and >= 0 ? i : int.MaxValue).ToList();
            if (sorted.SequenceEqual(children)) continue;
            element.RemoveAllChildren();
            foreach (var c in sorted) element.AppendChild(c);
        }
    }

    private sealed class RenderState(MainDocumentPart main, bool numbered)
    {
        public MainDocumentPart Main { get; } = main;
        public bool Numbered { get; } = numbered;
        public int Tables;
        public int Figures;
        public uint DrawingId;
    }

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);

    private IEnumerable<OpenXmlElement> Blocks(Block block, RenderState state) => block switch
    {
        PartyHeader h => [PartyHeaderTable(h)],
        TitleBlock t => TitleParagraphs(t),
        Heading h => [HeadingParagraph(h, state.Numbered)],
        Paragraph p => [BodyParagraph(p)],
        KpiTiles k => [TilesTable(k), Spacing()],
        TableBlock t => TableElements(t, ++state.Tables),
        FigureBlock f => FigureParagraphs(f, ++state.Figures, state),
        PageBreakBlock => [new WParagraph(new Run(new Break { Type = BreakValues.Page }))],
        SignatureBlock s => [Spacing(), SignatureTable(s)],
        AnnexHeader a => AnnexParagraphs(a),
        _ => throw new NotSupportedException($"Word renderer: no rendering for {block.GetType().Name}"),
    };

    // ---------- runs and paragraphs ----------

    private static Run TextRun(string text, bool bold = false, bool italic = false, int? halfPoints = null, bool underline = false, string? color = null)
    {
        var props = new RunProperties();
        if (bold) props.Append(new Bold());
        if (italic) props.Append(new Italic());
        if (color is not null) props.Append(new Color { Val = color });
        if (halfPoints is { } hp) { props.Append(new FontSize { Val = hp.ToString(CultureInfo.InvariantCulture) }); props.Append(new FontSizeComplexScript { Val = hp.ToString(CultureInfo.InvariantCulture) }); }
        if (underline) props.Append(new Underline { Val = UnderlineValues.Single });
        var run = new Run();
        if (props.HasChildren) run.Append(props);
        run.Append(new Text(Nfc(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static WParagraph Para(string? styleId, JustificationValues? align, params OpenXmlElement[] runs)
    {
        var pp = new ParagraphProperties();
        if (styleId is not null) pp.Append(new ParagraphStyleId { Val = styleId });
        if (align is { } a) pp.Append(new Justification { Val = a });
        var p = new WParagraph(pp);
        foreach (var r in runs) p.Append(r);
        return p;
    }

    /// <summary>A centred line with no space around it (header and signature cells).</summary>
    private static WParagraph Line(string text, bool bold = false, bool italic = false, int halfPoints = 28, bool underline = false)
    {
        var p = Para("Compact", JustificationValues.Center, TextRun(text, bold, italic, halfPoints, underline));
        return p;
    }

    private static WParagraph Spacing() => Para("Compact", null);

    private static WParagraph BodyParagraph(Paragraph p)
    {
        var (style, align) = p.Kind switch
        {
            ParagraphKind.Note => ("Note", JustificationValues.Left),
            ParagraphKind.Centered => ("Centered", JustificationValues.Center),
            _ => ("BodyText", JustificationValues.Both),
        };
        var para = Para(style, align, p.Spans.Select(s => (OpenXmlElement)TextRun(s.Text, s.Bold, s.Italic)).ToArray());
        // a paragraph ending in ":" introduces what follows, as in the PDF: they share a page
        if (p.Kind == ParagraphKind.Body && p.Text.TrimEnd().EndsWith(':')) para.ParagraphProperties!.Append(new KeepNext());
        return para;
    }

    private static IEnumerable<OpenXmlElement> TitleParagraphs(TitleBlock t)
    {
        yield return Para("Compact", null);
        yield return Para("DocumentKind", JustificationValues.Center, TextRun(t.Kind.ToUpperInvariant()));
        yield return Para("DocumentSubject", JustificationValues.Center, TextRun(t.Subject));
        yield return Para("DocumentSubject", JustificationValues.Center, TextRun("-----", bold: false));
    }

    // ---------- headings and Word's numbering ----------

    private static readonly Regex Level1 = new(@"^([IVXLC]+)-\s+(.*)$", RegexOptions.Singleline);
    private static readonly Regex Level2 = new(@"^(\d+)-\s+(.*)$", RegexOptions.Singleline);
    private static readonly Regex Level3 = new(@"^([a-z])\)\s+(.*)$", RegexOptions.Singleline);

    /// <summary>The heading's number and text when it is numbered the way its level is ("I- …", "1- …", "a) …").</summary>
    public static (string Number, string Text)? SplitNumber(Heading h)
    {
        var re = h.Level switch { 1 => Level1, 2 => Level2, _ => Level3 };
        var m = re.Match(h.Text);
        return m.Success ? (m.Groups[1].Value, m.Groups[2].Value) : null;
    }

    /// <summary>
    /// Word numbers the headings itself (the office can insert a section and the numbers follow) only
    /// when every heading carries exactly the number Word would count there: I, II … for level 1, 1, 2 …
    /// restarting under each level 1, a) b) … under each level 2. Otherwise (a skipped number, "đ)")
    /// the headings keep their numbers as text, so the draft never says a different number than the PDF.
    /// </summary>
    public static bool WordCanNumber(IReadOnlyList<Heading> headings)
    {
        if (headings.Count == 0) return false;
        var counters = new int[4];
        foreach (var h in headings)
        {
            var level = Math.Clamp(h.Level, 1, 3);
            if (SplitNumber(h) is not { } split) return false;
            counters[level]++;
            for (var l = level + 1; l <= 3; l++) counters[l] = 0;
            var expected = level switch
            {
                1 => Roman(counters[1]),
                2 => counters[2].ToString(CultureInfo.InvariantCulture),
                _ => counters[3] <= 26 ? ((char)('a' + counters[3] - 1)).ToString() : "",
            };
            if (split.Number != expected) return false;
        }
        return true;
    }

    private static string Roman(int n)
    {
        var sb = new StringBuilder();
        foreach (var (value, symbol) in new[] { (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            while (n >= value) { sb.Append(symbol); n -= value; }
        return sb.ToString();
    }

    private static WParagraph HeadingParagraph(Heading h, bool numbered)
    {
        var level = Math.Clamp(h.Level, 1, 3);
        var text = numbered && SplitNumber(h) is { } split ? split.Text : h.Text;
        var p = Para($"Heading{level}", null, TextRun(text));
        if (numbered)
            p.ParagraphProperties!.Append(new NumberingProperties(new NumberingLevelReference { Val = level - 1 }, new NumberingId { Val = 1 }));
        return p;
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        Level Lvl(int ilvl, NumberFormatValues format, string text) => new(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = format },
            new ParagraphStyleIdInLevel { Val = $"Heading{ilvl + 1}" },
            new LevelText { Val = text },
            new LevelSuffix { Val = LevelSuffixValues.Space },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = "0", FirstLine = IndentTwips.ToString(CultureInfo.InvariantCulture) }))
        { LevelIndex = ilvl };

        var abstractNum = new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.Multilevel },
            Lvl(0, NumberFormatValues.UpperRoman, "%1-"),
            Lvl(1, NumberFormatValues.Decimal, "%2-"),
            Lvl(2, NumberFormatValues.LowerLetter, "%3)"))
        { AbstractNumberId = 1 };
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(abstractNum, new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
        part.Numbering.Save();
    }

    // ---------- the Party heading, tiles, signature (borderless or bordered tables) ----------

    private static TableCell Cell(int widthTwips, IEnumerable<OpenXmlElement> content, TableCellBorders? borders = null, string? fill = null)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = widthTwips.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (borders is not null) props.Append(borders);
        if (fill is not null) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        var cell = new TableCell(props);
        foreach (var c in content) cell.Append(c);
        if (!cell.Elements<WParagraph>().Any()) cell.Append(new WParagraph());
        return cell;
    }

    private static WTable LayoutTable(IReadOnlyList<int> widths, params TableRow[] rows)
    {
        var table = new WTable(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                    new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
                new TableCellMarginDefault(new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        foreach (var r in rows) table.Append(r);
        return table;
    }

    private WTable PartyHeaderTable(PartyHeader h)
    {
        var superior = h.SuperiorBody?.ToUpperInvariant();
        var issuing = h.IssuingBody.ToUpperInvariant();
        // the left column is as wide as its longest line, so "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG" stays on one line
        var longest = Math.Max(superior is null ? 0 : MeasurePoints(superior, 14, false), MeasurePoints(issuing, 14, true));
        var left = Math.Min((int)Math.Ceiling(longest * 20) + 240, ContentTwips / 2);
        var right = ContentTwips - left;
        // the rule under "ĐẢNG CỘNG SẢN VIỆT NAM" is a bottom border of an empty paragraph about 62 mm long
        var ruleIndent = Math.Max(0, (right - Twips(62)) / 2).ToString(CultureInfo.InvariantCulture);
        var rule = new WParagraph(new ParagraphProperties(
            new ParagraphStyleId { Val = "Compact" },
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            new Indentation { Left = ruleIndent, Right = ruleIndent },
            new SpacingBetweenLines { After = "120", Line = "120", LineRule = LineSpacingRuleValues.Exact }));
        // a city committee has no superior line ("THÀNH ỦY HẢI PHÒNG" over "*"); a commune's has its Đảng bộ
        WParagraph[] issuer = superior is null ? [Line(issuing, bold: true), Line("*"), Line(h.Number)] : [Line(superior), Line(issuing, bold: true), Line("*"), Line(h.Number)];
        var leftCell = Cell(left, issuer);
        var rightCell = Cell(right, [Line("ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, halfPoints: 30), rule, Line(h.DateLine, italic: true)]);
        return LayoutTable([left, right], new TableRow(leftCell, rightCell));
    }

    private WTable TilesTable(KpiTiles k)
    {
        var gap = 170; // 3 mm between tiles
        var width = (ContentTwips - gap * (k.PerRow - 1)) / k.PerRow;
        var widths = Enumerable.Range(0, k.PerRow * 2 - 1).Select(i => i % 2 == 0 ? width : gap).ToList();
        var rows = new List<TableRow>();
        foreach (var chunk in k.Tiles.Chunk(k.PerRow))
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < k.PerRow; i++)
            {
                if (i > 0) row.Append(Cell(gap, []));
                row.Append(i < chunk.Length ? TileCell(chunk[i], width) : Cell(width, []));
            }
            rows.Add(row);
            var spacer = new TableRow(new TableRowProperties(new TableRowHeight { Val = 170, HeightType = HeightRuleValues.Exact }));
            foreach (var w in widths) spacer.Append(Cell(w, []));
            rows.Add(spacer);
        }
        return LayoutTable(widths, [.. rows]);
    }

    private static TableCell TileCell(KpiTile t, int width)
    {
        var (status, color) = t.Status switch
        {
            KpiStatus.Dat => (KpiStatus.Dat.LabelVi(), "2E7D32"),
            KpiStatus.CanCoGang => (KpiStatus.CanCoGang.LabelVi(), "B07D00"),
            KpiStatus.ChuaDat => (KpiStatus.ChuaDat.LabelVi(), "C62828"),
            _ => ((string?)null, "B0B0B0"),
        };
        WParagraph P(params Run[] runs) => Para("Tile", JustificationValues.Left, runs);
        var content = new List<OpenXmlElement>
        {
            P(TextRun(t.Label, halfPoints: 21)),
            P(TextRun(t.Value, bold: true, halfPoints: 34)),
        };
        if (t.Change is not null) content.Add(P(TextRun(t.Change, halfPoints: 21)));
        if (status is not null) content.Add(P(TextRun("Tình trạng: ", halfPoints: 21), TextRun(status, bold: true, halfPoints: 21, color: color)));
        if (t.StatusBasis is not null) content.Add(P(TextRun(t.StatusBasis, italic: true, halfPoints: 19)));
        if (t.Note is not null) content.Add(P(TextRun(t.Note, italic: true, halfPoints: 19)));
        var border = new TableCellBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "B0B0B0" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "B0B0B0" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "B0B0B0" },
            new LeftBorder { Val = BorderValues.Single, Size = 24, Color = color });
        var cell = Cell(width, content, border);
        cell.TableCellProperties!.Append(new TableCellMargin(new LeftMargin { Width = "140", Type = TableWidthUnitValues.Dxa }, new RightMargin { Width = "80", Type = TableWidthUnitValues.Dxa },
            new TopMargin { Width = "60", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "60", Type = TableWidthUnitValues.Dxa }));
        return cell;
    }

    private static WTable SignatureTable(SignatureBlock s)
    {
        var half = ContentTwips / 2;
        var recipients = new List<OpenXmlElement> { Para("Recipients", JustificationValues.Left, TextRun("Nơi nhận:", underline: true)) };
        recipients.AddRange(s.Recipients.Select(r => Para("Recipients", JustificationValues.Left, TextRun("- " + r))));
        var signature = new List<OpenXmlElement>
        {
            Line(s.OnBehalfOf.ToUpperInvariant(), bold: true),
            Line(s.SignerTitle.ToUpperInvariant(), bold: true),
        };
        // room for the signature and the seal
        signature.AddRange(Enumerable.Range(0, 4).Select(_ => Line("")));
        signature.Add(Line(s.SignerName, bold: true));
        var row = new TableRow(new TableRowProperties(new CantSplit()), Cell(half, recipients), Cell(ContentTwips - half, signature));
        return LayoutTable([half, ContentTwips - half], row);
    }

    // ---------- data tables ----------

    private IEnumerable<OpenXmlElement> TableElements(TableBlock t, int number)
    {
        if (t.Caption is not null)
        {
            var caption = Para("Caption", JustificationValues.Center, TextRun($"Bảng {number}: {t.Caption}"));
            caption.ParagraphProperties!.Append(new KeepNext());
            yield return caption;
        }
        if (t.Rows.Count == 0 && t.EmptyText is not null)
        {
            yield return Para("Note", JustificationValues.Center, TextRun(t.EmptyText));
            yield break;
        }
        var widths = ColumnWidths(t);
        var border = new Func<BorderType>[] { () => new TopBorder(), () => new LeftBorder(), () => new BottomBorder(), () => new RightBorder(), () => new InsideHorizontalBorder(), () => new InsideVerticalBorder() }
            .Select(f => { var b = f(); b.Val = BorderValues.Single; b.Size = 4; b.Color = "000000"; return (OpenXmlElement)b; });
        var table = new WTable(
            new TableProperties(
                new TableStyle { Val = "DataTable" },
                new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableBorders(border),
                new TableCellMarginDefault(new TopMargin { Width = "20", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 70, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "20", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 70, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        // the header row repeats on every page the table runs onto
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var c = 0; c < t.Columns.Count; c++)
            header.Append(Cell(widths[c], [Para("TableText", JustificationValues.Center, TextRun(t.Columns[c].Header, bold: true))], fill: "EDEDED"));
        table.Append(header);
        foreach (var r in t.Rows)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < t.Columns.Count; c++)
                row.Append(Cell(widths[c], [Para("TableText", Align(t.Columns[c].Align), TextRun(c < r.Count ? r[c] : ""))]));
            table.Append(row);
        }
        // closing rows ("Và N … khác", "Tổng cộng") in bold, as in the PDF
        foreach (var r in t.Totals ?? [])
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < t.Columns.Count; c++)
                row.Append(Cell(widths[c], [Para("TableText", Align(t.Columns[c].Align), TextRun(c < r.Count ? r[c] : "", bold: true))]));
            table.Append(row);
        }
        yield return table;
        yield return Spacing();
    }

    private static JustificationValues Align(ColumnAlign a) => a switch
    {
        ColumnAlign.Center => JustificationValues.Center,
        ColumnAlign.Right => JustificationValues.Right,
        _ => JustificationValues.Left,
    };

    /// <summary>
    /// Column widths from what the columns hold, as a browser sizes an automatic table: each column at
    /// least as wide as its longest word and at most its longest line (a header counts by its longest word), the room left shared in
    /// proportion to how much more each would take. A short number column stays narrow and the
    /// text column takes the rest.
    /// </summary>
    public int[] ColumnWidths(TableBlock t)
    {
        const int padding = 140 + 20; // cell margins and a little air
        var n = t.Columns.Count;
        var min = new double[n];
        var max = new double[n];
        for (var c = 0; c < n; c++)
        {
            var cells = t.Rows.Select(r => c < r.Count ? r[c] : "").Select(s => (Text: s, Bold: false)).Prepend((t.Columns[c].Header, true));
            foreach (var (text, bold) in cells)
            {
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var longestWord = words.Length == 0 ? 0 : words.Max(w => MeasurePoints(w, 11, bold));
                min[c] = Math.Max(min[c], longestWord * 20 + padding);
                // a header may wrap ("Số ngày / quá hạn"): it asks for its longest word, not its whole line
                max[c] = Math.Max(max[c], (bold ? longestWord : MeasurePoints(text, 11, bold)) * 20 + padding);
            }
        }
        double[] widths;
        // a little short of the text width: the outer borders sit outside the cells
        var total = (double)ContentTwips - 40;
        if (max.Sum() <= total) widths = max.Select(m => m * total / max.Sum()).ToArray();
        else if (min.Sum() >= total) widths = min.Select(m => m * total / min.Sum()).ToArray();
        else
        {
            var spare = total - min.Sum();
            var wanted = max.Zip(min, (a, b) => a - b).Sum();
            widths = min.Select((m, i) => m + (max[i] - m) * spare / wanted).ToArray();
        }
        var result = widths.Select(w => (int)Math.Floor(w)).ToArray();
        result[^1] += (int)total - result.Sum();
        return result;
    }

    private float MeasurePoints(string text, float size, bool bold)
    {
        using var font = new SKFont(fonts.Face(bold, false), size);
        return font.MeasureText(text.Normalize(NormalizationForm.FormC));
    }

    // ---------- charts ----------

    private IEnumerable<OpenXmlElement> FigureParagraphs(FigureBlock f, int number, RenderState state)
    {
        var caption = Para("Caption", JustificationValues.Center, TextRun($"Biểu đồ {number}: {f.Caption}"));
        caption.ParagraphProperties!.Append(new KeepNext());
        yield return caption;

        var widthMm = PageWidthMm - LeftMm - RightMm;
        var heightMm = widthMm * f.HeightRatio;
        // 200 dpi: sharp on paper, a few hundred kB a chart
        var px = (int)Math.Round(widthMm / 25.4 * 200);
        var py = (int)Math.Round(heightMm / 25.4 * 200);
        var png = ChartRenderer.Png(f.Figure.Build(fonts, withTitle: false), px, py, px / (widthMm / 25.4 * 72));
        var image = state.Main.AddImagePart(ImagePartType.Png);
        using (var ms = new MemoryStream(png)) image.FeedData(ms);
        var id = ++state.DrawingId;
        var alt = Nfc(ChartDataText.Describe(f.Figure));
        yield return Para("Figure", JustificationValues.Center, new Run(Drawing(state.Main.GetIdOfPart(image), id, $"Biểu đồ {number}", alt,
            (long)(widthMm * EmuPerMm), (long)(heightMm * EmuPerMm))));
        // unit, period and selection rule, as under the PDF's chart
        if (f.Figure.Note is { Length: > 0 } note) yield return Para("Note", JustificationValues.Center, TextRun(note));
    }

    /// <summary>"PHỤ LỤC n", its title and the reference to the report, on a new page (as the PDF's annex).</summary>
    private static IEnumerable<OpenXmlElement> AnnexParagraphs(AnnexHeader a)
    {
        yield return new WParagraph(new Run(new Break { Type = BreakValues.Page }));
        yield return Line(a.Label.ToUpperInvariant(), bold: true);
        yield return Line(a.Title, bold: true);
        if (a.Reference is { Length: > 0 } reference) yield return Line(reference, italic: true, halfPoints: 26);
        yield return Spacing();
    }

    private static Drawing Drawing(string relationshipId, uint id, string name, string alt, long cx, long cy) =>
        new(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = name, Description = alt, Title = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = name + ".png", Description = alt }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });

    // ---------- page setup, headers, styles, fonts ----------

    private static SectionProperties SectionProperties(string firstHeaderId, string pageHeaderId) => new(
        new HeaderReference { Type = HeaderFooterValues.First, Id = firstHeaderId },
        new HeaderReference { Type = HeaderFooterValues.Default, Id = pageHeaderId },
        new PageSize { Width = (uint)Twips(PageWidthMm), Height = (uint)Twips(PageHeightMm), Orient = PageOrientationValues.Portrait },
        new PageMargin
        {
            Top = Twips(TopMm), Bottom = Twips(BottomMm), Left = (uint)Twips(LeftMm), Right = (uint)Twips(RightMm),
            Header = (uint)Twips(10), Footer = (uint)Twips(10), Gutter = 0,
        },
        // page 1 carries the Party heading and no number; the number starts on page 2
        new TitlePage());

    private static (HeaderPart First, HeaderPart Pages) AddHeaders(MainDocumentPart main)
    {
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new WParagraph(new ParagraphProperties(new ParagraphStyleId { Val = "Header" })));
        first.Header.Save();
        var pages = main.AddNewPart<HeaderPart>();
        pages.Header = new Header(new WParagraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Header" }, new Justification { Val = JustificationValues.Center }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("2")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        pages.Header.Save();
        return (first, pages);
    }

    private static void AddFontTable(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        part.Fonts = new DocumentFormat.OpenXml.Wordprocessing.Fonts(
            // Word on the office's Windows machines has Times New Roman; LibreOffice on Linux takes
            // the alternative name, the metric-compatible Liberation Serif (with Vietnamese in 2.x)
            new Font(
                new AltName { Val = FallbackFont },
                new Panose1Number { Val = "02020603050405020304" },
                new FontCharSet { Val = "00" },
                new FontFamily { Val = FontFamilyValues.Roman },
                new Pitch { Val = FontPitchValues.Variable }) { Name = BodyFont },
            new Font(
                new FontCharSet { Val = "00" },
                new FontFamily { Val = FontFamilyValues.Roman },
                new Pitch { Val = FontPitchValues.Variable }) { Name = FallbackFont });
        part.Fonts.Save();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        static RunFonts Fonts() => new() { Ascii = BodyFont, HighAnsi = BodyFont, ComplexScript = BodyFont, EastAsia = BodyFont };
        static SpacingBetweenLines Lines(double multiple, int beforePt = 0, int afterPt = 0) => new()
        {
            Line = ((int)Math.Round(240 * multiple)).ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Auto,
            Before = (beforePt * 20).ToString(CultureInfo.InvariantCulture), After = (afterPt * 20).ToString(CultureInfo.InvariantCulture),
        };
        static Style ParagraphStyle(string id, string name, StyleParagraphProperties pp, StyleRunProperties? rp = null, string basedOn = "Normal", bool primary = true)
        {
            var s = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
            if (id != "Normal") s.Append(new BasedOn { Val = basedOn });
            s.Append(new NextParagraphStyle { Val = "BodyText" });
            if (primary) s.Append(new PrimaryStyle());
            s.Append(pp);
            if (rp is not null) s.Append(rp);
            return s;
        }
        static StyleRunProperties Run(bool bold = false, bool italic = false, int? halfPoints = null)
        {
            var rp = new StyleRunProperties();
            if (bold) rp.Append(new Bold());
            if (italic) rp.Append(new Italic());
            if (halfPoints is { } hp) { rp.Append(new FontSize { Val = hp.ToString(CultureInfo.InvariantCulture) }); rp.Append(new FontSizeComplexScript { Val = hp.ToString(CultureInfo.InvariantCulture) }); }
            return rp;
        }
        string indent = IndentTwips.ToString(CultureInfo.InvariantCulture);

        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" },
                    new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(Lines(1.0)))),
            ParagraphStyle("Normal", "Normal", new StyleParagraphProperties(Lines(1.0))),
            // body: 14 pt, justified, 10 mm first-line indent, 1.3 lines, 4 pt after (as the PDF)
            ParagraphStyle("BodyText", "Body Text", new StyleParagraphProperties(new Justification { Val = JustificationValues.Both },
                new Indentation { FirstLine = indent }, Lines(1.3, 0, 4))),
            ParagraphStyle("Heading1", "heading 1", new StyleParagraphProperties(new KeepNext(), new KeepLines(), new Justification { Val = JustificationValues.Both },
                new Indentation { FirstLine = indent }, Lines(1.3, 6, 4), new OutlineLevel { Val = 0 }), Run(bold: true)),
            ParagraphStyle("Heading2", "heading 2", new StyleParagraphProperties(new KeepNext(), new KeepLines(), new Justification { Val = JustificationValues.Both },
                new Indentation { FirstLine = indent }, Lines(1.3, 2, 4), new OutlineLevel { Val = 1 }), Run(bold: true)),
            ParagraphStyle("Heading3", "heading 3", new StyleParagraphProperties(new KeepNext(), new KeepLines(), new Justification { Val = JustificationValues.Both },
                new Indentation { FirstLine = indent }, Lines(1.3, 2, 4), new OutlineLevel { Val = 2 }), Run(bold: true, italic: true)),
            ParagraphStyle("DocumentKind", "Document Kind", new StyleParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }, Lines(1.2)), Run(bold: true, halfPoints: 32)),
            ParagraphStyle("DocumentSubject", "Document Subject", new StyleParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }, Lines(1.2)), Run(bold: true)),
            ParagraphStyle("Note", "Note", new StyleParagraphProperties(Lines(1.2, 0, 4)), Run(italic: true, halfPoints: 22)),
            ParagraphStyle("Centered", "Centered", new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }, Lines(1.3, 0, 4))),
            ParagraphStyle("Caption", "caption", new StyleParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }, Lines(1.2, 6, 2)), Run(bold: true, halfPoints: 24)),
            ParagraphStyle("Figure", "Figure", new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }, Lines(1.0, 0, 6))),
            ParagraphStyle("TableText", "Table Text", new StyleParagraphProperties(Lines(1.1)), Run(halfPoints: TableFontHalfPoints)),
            ParagraphStyle("Tile", "Tile", new StyleParagraphProperties(Lines(1.1))),
            ParagraphStyle("Compact", "Compact", new StyleParagraphProperties(Lines(1.2))),
            ParagraphStyle("Recipients", "Recipients", new StyleParagraphProperties(Lines(1.15)), Run(halfPoints: 24)),
            ParagraphStyle("Header", "header", new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }), Run(halfPoints: 24)),
            new Style(new StyleName { Val = "Data Table" }, new PrimaryStyle(), new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
            { Type = StyleValues.Table, StyleId = "DataTable" });
        part.Styles = styles;
        part.Styles.Save();
    }
}
