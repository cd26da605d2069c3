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
/// The Party-format heading: top left the superior body, the issuing body (bold), "*", the number;
/// top right "ĐẢNG CỘNG SẢN VIỆT NAM" with a rule and the italic place and date.
/// </summary>
public sealed record PartyHeader(string SuperiorBody, string IssuingBody, string Number, string Place, DateOnly Date) : Block;

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
public sealed record KpiTile(string Label, string Value, string? Change, KpiStatus? Status, string? Note = null);

public sealed record KpiTiles(IReadOnlyList<KpiTile> Tiles, int PerRow = 3) : Block;

public enum ColumnAlign { Left, Center, Right }

public sealed record TableColumn(string Header, float Weight, ColumnAlign Align = ColumnAlign.Left);

/// <summary>A table; every row is kept (a long table continues on the next pages with its header).</summary>
public sealed record TableBlock(string? Caption, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? EmptyText = null) : Block;

/// <summary>A chart with its caption; <paramref name="HeightRatio"/> is height ÷ width.</summary>
public sealed record FigureBlock(Figure Figure, string Caption, float HeightRatio = 0.5f) : Block;

public sealed record PageBreakBlock : Block;

/// <summary>The end of a Party document: recipients (left, 12 pt) and the signature (right).</summary>
public sealed record SignatureBlock(IReadOnlyList<string> Recipients, string OnBehalfOf, string SignerTitle, string SignerName) : Block;
