using Analytics.Metrics;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Documents;

// What a document says, with no notion of pages, fonts or points: the PDF renderer lays it out,
// and a Word or HTML renderer could take the same blocks without the content code changing.

/// <summary>A document: metadata and its blocks in reading order.</summary>
public sealed record Document(DocumentInfo Info, IReadOnlyList<Block> Blocks);

/// <summary>PDF metadata; <paramref name="Language"/> is a BCP 47 tag.</summary>
public sealed record DocumentInfo(string Title, string Author, string Subject, string Language = "vi", string Keywords = "");

public abstract record Block;

/// <summary>
/// The Party-format heading: top left the superior body (none for a city or province committee,
/// whose superior is the Central Committee), the issuing body (bold), "*", the number; top right
/// "ĐẢNG CỘNG SẢN VIỆT NAM" with a rule as long as that title, and the italic place and date.
/// </summary>
/// <param name="Number">as printed: "Số 27-BC/TU", or "Số    -BC/TU" left for the office to fill</param>
/// <param name="Date">the issue date; null leaves day and month blank for the office ("ngày    tháng    năm 2026")</param>
/// <param name="Year">the year printed when <paramref name="Date"/> is null</param>
public sealed record PartyHeader(string? SuperiorBody, string IssuingBody, string Number, string Place, DateOnly? Date, int Year) : Block
{
    /// <summary>"Hải Phòng, ngày 05 tháng 6 năm 2026": every renderer prints this line as it is.</summary>
    public string DateLine => $"{Place}, {(Date is { } d ? PartyDate.Long(d) : $"ngày {Blank} tháng {Blank} năm {Year}")}";

    // Non-breaking spaces: the blank keeps its width where ordinary spaces collapse to one.
    private static readonly string Blank = new('\u00A0', 6);
}

/// <summary>Dates in the Party form.</summary>
public static class PartyDate
{
    /// <summary>"ngày 05 tháng 6 năm 2026": a leading zero for a day below 10 and a month below 3 (01, 02), nothing else.</summary>
    public static string Long(DateOnly d) => Analytics.Metrics.VietnameseFormat.LongDate(d);
}

/// <summary>The document kind ("BÁO CÁO") centred, the subject in bold, then "-----".</summary>
public sealed record TitleBlock(string Kind, string Subject) : Block;

/// <summary>A heading; level 1 "I-", 2 "1-", 3 "a)". The text carries its own numbering.</summary>
public sealed record Heading(int Level, string Text) : Block;

public sealed record Span(string Text, bool Bold = false, bool Italic = false);

public enum ParagraphKind
{
    /// <summary>Body text: justified, first-line indent.</summary>
    Body,
    /// <summary>A small italic note (data sources, remarks).</summary>
    Note,
    /// <summary>Centred text.</summary>
    Centered,
}

public sealed record Paragraph(IReadOnlyList<Span> Spans, ParagraphKind Kind = ParagraphKind.Body) : Block
{
    public Paragraph(string text, ParagraphKind kind = ParagraphKind.Body) : this([new Span(text)], kind) { }
    public string Text => string.Concat(Spans.Select(s => s.Text));
}

/// <summary>A headline indicator: its value, its change, and its status against the target when there is one.</summary>
/// <param name="StatusBasis">what the status is judged against ("so với kế hoạch kỳ"); shown beside the status, never a status without it</param>
public sealed record KpiTile(string Label, string Value, string? Change, KpiStatus? Status, string? Note = null, string? StatusBasis = null);

public sealed record KpiTiles(IReadOnlyList<KpiTile> Tiles, int PerRow = 3) : Block;

public enum ColumnAlign { Left, Center, Right }

/// <param name="Weight">a width hint for a renderer that cannot measure text; the PDF sizes columns from their content</param>
public sealed record TableColumn(string Header, float Weight, ColumnAlign Align = ColumnAlign.Left);

/// <summary>
/// A table; every row is kept (a long table continues on the next pages with its header).
/// <paramref name="Totals"/> are bold closing rows ("Các lĩnh vực khác (5)", "Tổng cộng") whose numbers
/// are the sums the text beside the table says.
/// </summary>
public sealed record TableBlock(string? Caption, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? EmptyText = null,
    IReadOnlyList<IReadOnlyList<string>>? Totals = null) : Block;

/// <summary>A chart with its caption; <paramref name="HeightRatio"/> is height ÷ width. The figure's note (unit, period, selection) is printed under it.</summary>
public sealed record FigureBlock(Figure Figure, string Caption, float HeightRatio = 0.5f) : Block;

public sealed record PageBreakBlock : Block;

/// <summary>
/// The end of a Party document: recipients (left, "Nơi nhận:" underlined, 12 pt) and the signature
/// (right: on behalf of, title, room to sign, name). Nothing of the body follows it; annexes may.
/// </summary>
public sealed record SignatureBlock(IReadOnlyList<string> Recipients, string OnBehalfOf, string SignerTitle, string SignerName) : Block;

/// <summary>
/// Starts an annex (phụ lục) on a new page: "Phụ lục <paramref name="Number"/>" and the title centred
/// in bold, the italic reference to the document below ("Kèm theo Báo cáo số 27-BC/TU …"). The
/// blocks that follow, up to the next annex, belong to it.
/// </summary>
public sealed record AnnexHeader(int Number, string Title, string? Reference) : Block
{
    public string Label => $"Phụ lục {Number}";
}

/// <summary>One document of a booklet and the title its contents line and bookmark show.</summary>
public sealed record BookletPart(string Title, Document Document);

/// <summary>
/// Several documents bound together (a province's commune briefs): the cover's blocks, then a table
/// of contents, then each part from a new page; a renderer numbers the pages through and makes each
/// part a bookmark.
/// </summary>
public sealed record Booklet(DocumentInfo Info, IReadOnlyList<Block> Cover, IReadOnlyList<BookletPart> Parts);
