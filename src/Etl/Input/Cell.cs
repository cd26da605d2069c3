namespace Analytics.Etl.Input;

/// <summary>
/// What a spreadsheet cell already is. CSV cells are always Text. Percent is a number cell shown
/// with a percent format: its text is the stored fraction (35% is "0.35").
/// </summary>
public enum CellKind { Text, Number, Date, Boolean, Percent }

/// <summary>
/// One cell as read from a file. Text is the cell's text; for typed XLSX cells it is the
/// canonical invariant form (number "1234.5", date "2025-07-01", boolean "true"), so a typed
/// cell is never read through the Vietnamese number form.
/// </summary>
public readonly record struct Cell(string Text, CellKind Kind = CellKind.Text)
{
    public bool IsEmpty => Text.Length == 0 || (Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text));
    public static readonly Cell Empty = new("");
}

/// <summary>What a record of a table is: a data row, or a total row ("Tổng cộng", "Cộng") checked against the rows it totals.</summary>
public enum RowRole { Data, Total, GroupStart }

/// <summary>One data record: where it starts (CSV physical line, or XLSX sheet and row) and its cells.</summary>
public sealed record SourceRecord(int Line, string? Sheet, Cell[] Cells)
{
    public RowRole Role { get; init; } = RowRole.Data;
}

/// <summary>A file that cannot be read at all (bad encoding, broken quoting, not a workbook).</summary>
public sealed class InputFormatException(int? line, string? sheet, string? value, string reasonVi, string reasonEn)
    : Exception(reasonEn)
{
    public int? Line { get; } = line;
    public string? Sheet { get; } = sheet;
    public string? Value { get; } = value;
    public string ReasonVi { get; } = reasonVi;
    public string ReasonEn { get; } = reasonEn;
}
