using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Analytics.Etl.Input;

/// <summary>Caps on decompressed part sizes, so a small zip cannot expand without bound (zip bomb).</summary>
/// <remarks>
/// MaxRowsPerSheet is Excel's own sheet limit (1,048,576 rows): no workbook Excel saves has more,
/// and it bounds what a small, highly compressed sheet can make the loader read.
/// </remarks>
public sealed record XlsxLimits(long MaxSheetBytes = 1L << 30, long MaxSharedStringsBytes = 256L << 20, long MaxOtherPartBytes = 16L << 20,
    int MaxCellChars = 1 << 20, int MaxColumns = 16_384, int MaxRowsPerSheet = 1_048_576)
{
    public static readonly XlsxLimits Default = new();
}

/// <summary>
/// Reads the cells of an Office Open XML workbook (.xlsx) with System.IO.Compression and XmlReader
/// only: shared strings (including rich text runs), inline strings, numbers, booleans, error cells,
/// ISO date cells, and numbers in a date style (built-in or custom number format) as dates, for both
/// the 1900 and 1904 date systems; numbers in a percent style as Percent cells. Hidden sheets are
/// known as such; merged ranges are filled with their top-left value (a group written once for
/// several rows reads on every row). DTDs are prohibited and no external resource is ever resolved.
/// Rows are streamed; only the shared string table (and the merged ranges) is held in memory.
/// </summary>
public sealed class XlsxReader : IDisposable
{
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private readonly ZipArchive _zip;
    private readonly XlsxLimits _limits;
    private readonly List<(string Name, string Part, bool Hidden)> _sheets = [];
    private readonly List<string> _sharedStrings = [];
    private readonly List<bool> _dateStyles = [];
    private readonly List<bool> _percentStyles = [];
    private bool _date1904;

    public IReadOnlyList<string> SheetNames => _sheets.Select(s => s.Name).ToList();

    /// <summary>True when the sheet is hidden or very hidden (a template or lookup sheet, not the data).</summary>
    public bool IsHidden(int index) => _sheets[index].Hidden;

    private XlsxReader(Stream stream, XlsxLimits limits)
    {
        _limits = limits;
        try
        {
            _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException)
        {
            stream.Dispose();
            throw NotAWorkbook("the file is not a zip archive");
        }
        try
        {
            ReadWorkbook();
            ReadStyles();
            ReadSharedStrings();
        }
        catch (XmlException e)
        {
            _zip.Dispose();
            throw NotAWorkbook(e.Message);
        }
        catch (InvalidDataException e)
        {
            // The central directory is read lazily, so a damaged zip can surface here.
            _zip.Dispose();
            throw NotAWorkbook(e.Message);
        }
        catch
        {
            _zip.Dispose();
            throw;
        }
    }

    public static XlsxReader Open(string path, XlsxLimits? limits = null) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read), limits ?? XlsxLimits.Default);

    public static XlsxReader Open(Stream stream, XlsxLimits? limits = null) => new(stream, limits ?? XlsxLimits.Default);

    /// <summary>The non-empty rows of a sheet, in order, each with its 1-based row number as Excel shows it.</summary>
    public IEnumerable<SourceRecord> ReadSheet(int index)
    {
        var (name, part, _) = _sheets[index];
        var entry = _zip.GetEntry(part) ?? throw NotAWorkbook($"sheet part {part} is missing");
        var merges = Merges(index);
        var mergeValues = new Cell[merges.Count];
        using var xml = OpenXml(entry, _limits.MaxSheetBytes);
        var cells = new List<Cell>(32);
        var rowNumber = 0;
        var rows = 0;
        while (Read(xml))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row") continue;
            var r = xml.GetAttribute("r");
            rowNumber = r is not null && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : rowNumber + 1;
            if (++rows > _limits.MaxRowsPerSheet || rowNumber > _limits.MaxRowsPerSheet)
            {
                var cap = _limits.MaxRowsPerSheet.ToString("N0", CultureInfo.InvariantCulture);
                throw new InputFormatException(rowNumber, name, null,
                    $"trang có hơn {cap.Replace(',', '.')} hàng; từ chối để bảo vệ hệ thống (giới hạn số hàng mỗi trang)",
                    $"the sheet has more than {cap} rows; refused (rows-per-sheet limit)");
            }
            cells.Clear();
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                while (Read(xml) && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c") continue;
                    var col = ColumnIndex(xml.GetAttribute("r"), cells.Count);
                    if (col >= _limits.MaxColumns) throw NotAWorkbook($"row {rowNumber} has more than {_limits.MaxColumns} cells");
                    var cell = ReadCell(xml);
                    while (cells.Count < col) cells.Add(Cell.Empty);
                    if (col < cells.Count) cells[col] = cell; else cells.Add(cell);
                }
            }
            for (var m = 0; m < merges.Count; m++)
            {
                var range = merges[m];
                if (rowNumber < range.FirstRow || rowNumber > range.LastRow) continue;
                if (rowNumber == range.FirstRow) mergeValues[m] = range.FirstColumn < cells.Count ? cells[range.FirstColumn] : Cell.Empty;
                for (var c = range.FirstColumn; c <= range.LastColumn; c++)
                {
                    if (c == range.FirstColumn && rowNumber == range.FirstRow) continue;
                    while (cells.Count <= c) cells.Add(Cell.Empty);
                    if (cells[c].IsEmpty) cells[c] = mergeValues[m];
                }
            }
            if (cells.All(c => c.IsEmpty)) continue;
            yield return new SourceRecord(rowNumber, name, cells.ToArray());
        }
    }

    private readonly Dictionary<int, List<MergedRange>> _merges = [];

    /// <summary>
    /// The merged ranges of a sheet (its &lt;mergeCells&gt;, which Excel writes after the rows).
    /// The sheet's bytes are scanned first for the element's name, so a sheet without merges is
    /// parsed only once.
    /// </summary>
    public IReadOnlyList<MergedRange> Merges(int index)
    {
        if (_merges.TryGetValue(index, out var known)) return known;
        var list = new List<MergedRange>();
        var entry = _zip.GetEntry(_sheets[index].Part);
        if (entry is not null && ContainsMergeCells(entry))
        {
            using var xml = OpenXml(entry, _limits.MaxSheetBytes);
            while (Read(xml))
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "mergeCell") continue;
                if (MergedRange.Parse(xml.GetAttribute("ref")) is { } range && list.Count < 100_000) list.Add(range);
            }
        }
        _merges[index] = list;
        return list;
    }

    private bool ContainsMergeCells(ZipArchiveEntry entry)
    {
        ReadOnlySpan<byte> needle = "mergeCell"u8;
        using var stream = new CappedStream(OpenEntry(entry), _limits.MaxSheetBytes, entry.FullName);
        var buffer = new byte[1 << 16];
        var carry = 0;
        int read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            var total = carry + read;
            if (buffer.AsSpan(0, total).IndexOf(needle) >= 0) return true;
            carry = Math.Min(needle.Length - 1, total);
            Array.Copy(buffer, total - carry, buffer, 0, carry);
        }
        return false;
    }

    private static Stream OpenEntry(ZipArchiveEntry entry)
    {
        try
        {
            return entry.Open();
        }
        catch (InvalidDataException e)
        {
            throw NotAWorkbook($"part {entry.FullName}: {e.Message}");
        }
    }

    private static bool Read(XmlReader xml)
    {
        try
        {
            return xml.Read();
        }
        catch (XmlException e)
        {
            throw NotAWorkbook(e.Message);
        }
    }

    private Cell ReadCell(XmlReader xml)
    {
        var type = xml.GetAttribute("t") ?? "n";
        var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        string? value = null;
        string? inline = null;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            var advance = true;
            while (true)
            {
                // ReadElementContentAsString already moves past the element, so the next Read is skipped.
                if (advance && !Read(xml)) break;
                advance = true;
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) break;
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.LocalName == "v") { value = ReadText(xml, _limits.MaxCellChars); advance = false; }
                else if (xml.LocalName == "is") inline = ReadStringItem(xml, _limits.MaxCellChars);
            }
        }
        switch (type)
        {
            case "s":
                if (value is null) return Cell.Empty;
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= _sharedStrings.Count)
                    throw NotAWorkbook($"shared string index {value} out of range");
                return new Cell(_sharedStrings[i]);
            case "inlineStr":
                return new Cell(inline ?? "");
            case "str":
            case "e":
                return new Cell(value ?? "");
            case "b":
                return value is null ? Cell.Empty : new Cell(value.Trim() == "1" ? "true" : "false", CellKind.Boolean);
            case "d":
                if (value is null) return Cell.Empty;
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                    ? new Cell(iso.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CellKind.Date)
                    : new Cell(value);
            default:
                if (string.IsNullOrEmpty(value)) return Cell.Empty;
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return new Cell(value);
                if (style < _dateStyles.Count && _dateStyles[style])
                    return new Cell(SerialToDate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CellKind.Date);
                return new Cell(number.ToString("R", CultureInfo.InvariantCulture),
                    style < _percentStyles.Count && _percentStyles[style] ? CellKind.Percent : CellKind.Number);
        }
    }

    /// <summary>Excel serial day number to a date; time of day is dropped.</summary>
    private DateOnly SerialToDate(double serial)
    {
        var days = (int)Math.Floor(serial);
        if (_date1904) return new DateOnly(1904, 1, 1).AddDays(days);
        // The 1900 system counts a 29 February 1900 that never was (serial 60).
        return days < 60 ? new DateOnly(1899, 12, 31).AddDays(days) : new DateOnly(1899, 12, 30).AddDays(days);
    }

    private static int ColumnIndex(string? reference, int next)
    {
        if (string.IsNullOrEmpty(reference)) return next;
        var col = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z') col = col * 26 + (ch - 'A' + 1);
            else if (ch is >= 'a' and <= 'z') col = col * 26 + (ch - 'a' + 1);
            else break;
            if (col > 16384) throw NotAWorkbook($"cell reference {reference} is beyond the last column");
        }
        return col == 0 ? next : col - 1;
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt; and rich-text runs, without phonetic runs.</summary>
    private static string ReadStringItem(XmlReader xml, int maxChars)
    {
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        var text = new System.Text.StringBuilder();
        var phonetic = 0;
        var advance = true;
        while (true)
        {
            if (advance && !Read(xml)) break;
            advance = true;
            if (xml.NodeType == XmlNodeType.EndElement)
            {
                if (xml.Depth == depth) break;
                if (xml.LocalName == "rPh") phonetic--;
                continue;
            }
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "rPh" && !xml.IsEmptyElement) phonetic++;
            else if (xml.LocalName == "t")
            {
                var t = ReadText(xml, maxChars);
                advance = false;
                if (phonetic == 0) text.Append(t);
                if (text.Length > maxChars) throw CellTooLong(maxChars);
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// The text of the element the reader is on, read in chunks so that one huge text node is refused
    /// at maxChars instead of being built whole; leaves the reader after the end tag, like ReadElementContentAsString.
    /// </summary>
    private static string ReadText(XmlReader xml, int maxChars)
    {
        if (xml.IsEmptyElement) { Read(xml); return ""; }
        var depth = xml.Depth;
        var text = new System.Text.StringBuilder();
        var chunk = new char[4096];
        while (Read(xml))
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) { Read(xml); break; }
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)) continue;
            int n;
            while ((n = ReadChunk(xml, chunk)) > 0)
            {
                text.Append(chunk, 0, n);
                if (text.Length > maxChars) throw CellTooLong(maxChars);
            }
        }
        return text.ToString();
    }

    private static int ReadChunk(XmlReader xml, char[] chunk)
    {
        try
        {
            return xml.ReadValueChunk(chunk, 0, chunk.Length);
        }
        catch (XmlException e)
        {
            throw NotAWorkbook(e.Message);
        }
    }

    private static InputFormatException CellTooLong(int maxChars) => new(null, null, null,
        $"một ô của bảng tính dài hơn {maxChars} ký tự; từ chối để bảo vệ hệ thống",
        $"a cell of the workbook is longer than {maxChars} characters; refused");

    private void ReadWorkbook()
    {
        var rels = new Dictionary<string, string>();
        var relsEntry = _zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (relsEntry is not null)
        {
            using var xml = OpenXml(relsEntry, _limits.MaxOtherPartBytes);
            while (xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
                    rels[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
        }
        var workbook = _zip.GetEntry("xl/workbook.xml") ?? throw NotAWorkbook("xl/workbook.xml is missing");
        using (var xml = OpenXml(workbook, _limits.MaxOtherPartBytes))
        {
            var position = 0;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.LocalName == "workbookPr")
                    _date1904 = xml.GetAttribute("date1904") is "1" or "true";
                else if (xml.LocalName == "sheet")
                {
                    position++;
                    var name = xml.GetAttribute("name") ?? $"Sheet{position}";
                    var rid = xml.GetAttribute("id", RelNs);
                    var part = rid is not null && rels.TryGetValue(rid, out var t) ? t : $"xl/worksheets/sheet{position}.xml";
                    _sheets.Add((name, part, xml.GetAttribute("state") is "hidden" or "veryHidden"));
                }
            }
        }
        if (_sheets.Count == 0) throw NotAWorkbook("the workbook has no sheets");
    }

    private void ReadStyles()
    {
        var entry = _zip.GetEntry("xl/styles.xml");
        if (entry is null) return;
        var customDate = new Dictionary<int, bool>();
        var customPercent = new Dictionary<int, bool>();
        using var xml = OpenXml(entry, _limits.MaxOtherPartBytes);
        var inCellXfs = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs") inCellXfs = false;
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "numFmt" && int.TryParse(xml.GetAttribute("numFmtId"), out var id))
            {
                customDate[id] = IsDateFormat(xml.GetAttribute("formatCode") ?? "");
                customPercent[id] = IsPercentFormat(xml.GetAttribute("formatCode") ?? "");
            }
            else if (xml.LocalName == "cellXfs") inCellXfs = !xml.IsEmptyElement;
            else if (inCellXfs && xml.LocalName == "xf")
            {
                var fmt = int.TryParse(xml.GetAttribute("numFmtId"), out var f) ? f : 0;
                _dateStyles.Add(customDate.TryGetValue(fmt, out var isDate) ? isDate : IsBuiltInDateFormat(fmt));
                _percentStyles.Add(customPercent.TryGetValue(fmt, out var isPercent) ? isPercent : fmt is 9 or 10);
            }
        }
    }

    /// <summary>A custom format is a percent format when its first section has a % outside quoted text and escapes.</summary>
    internal static bool IsPercentFormat(string code)
    {
        var section = code.Split(';')[0];
        var quoted = false;
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            if (c == '"') { quoted = !quoted; continue; }
            if (quoted) continue;
            if (c == '\\' || c == '_' || c == '*') { i++; continue; }
            if (c == '%') return true;
        }
        return false;
    }

    private static bool IsBuiltInDateFormat(int id) => id is >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58;

    /// <summary>A custom format is a date format when, outside quoted text, brackets and escapes, it has a day or year part.</summary>
    internal static bool IsDateFormat(string code)
    {
        var section = code.Split(';')[0];
        var quoted = false;
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            if (c == '"') { quoted = !quoted; continue; }
            if (quoted) continue;
            if (c == '\\' || c == '_' || c == '*') { i++; continue; }
            if (c == '[') { var end = section.IndexOf(']', i); if (end < 0) break; i = end; continue; }
            if (c is 'd' or 'D' or 'y' or 'Y') return true;
        }
        return false;
    }

    private void ReadSharedStrings()
    {
        var entry = _zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null) return;
        using var xml = OpenXml(entry, _limits.MaxSharedStringsBytes);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                _sharedStrings.Add(ReadStringItem(xml, _limits.MaxCellChars));
    }

    private static XmlReader OpenXml(ZipArchiveEntry entry, long cap)
    {
        if (entry.Length > cap) throw TooLarge(entry.FullName, cap);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CloseInput = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        Stream raw;
        try
        {
            raw = entry.Open();
        }
        catch (InvalidDataException e)
        {
            throw NotAWorkbook($"part {entry.FullName}: {e.Message}");
        }
        return XmlReader.Create(new CappedStream(raw, cap, entry.FullName), settings);
    }

    private static InputFormatException NotAWorkbook(string detail) => new(null, null, null,
        $"tệp không phải bảng tính Excel (.xlsx) hợp lệ: {detail}", $"the file is not a valid Excel workbook (.xlsx): {detail}");

    private static InputFormatException TooLarge(string part, long cap) => new(null, null, part,
        $"phần {part} của bảng tính giải nén vượt quá {cap / (1 << 20)} MB; từ chối để bảo vệ hệ thống",
        $"part {part} of the workbook decompresses to more than {cap / (1 << 20)} MB; refused (zip bomb guard)");

    public void Dispose() => _zip.Dispose();

    /// <summary>Counts decompressed bytes and stops at the cap, whatever the zip header claims.</summary>
    private sealed class CappedStream(Stream inner, long cap, string part) : Stream
    {
        private long _read;
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n;
            try
            {
                n = inner.Read(buffer, offset, count);
            }
            catch (InvalidDataException e)
            {
                // A damaged or unsupported compressed stream is a broken file, not a crash.
                throw NotAWorkbook($"part {part}: {e.Message}");
            }
            _read += n;
            if (_read > cap) throw TooLarge(part, cap);
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}

/// <summary>A merged range of a sheet, 1-based rows and 0-based columns as the reader numbers them.</summary>
public sealed record MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    /// <summary>"B7:B12" → rows 7–12, column 1; null for anything else.</summary>
    public static MergedRange? Parse(string? reference)
    {
        if (reference is null) return null;
        var parts = reference.Split(':');
        if (parts.Length != 2 || Cell(parts[0]) is not { } a || Cell(parts[1]) is not { } b) return null;
        return new MergedRange(Math.Min(a.Row, b.Row), Math.Min(a.Col, b.Col), Math.Max(a.Row, b.Row), Math.Max(a.Col, b.Col));
    }

    private static (int Row, int Col)? Cell(string text)
    {
        int col = 0, i = 0;
        for (; i < text.Length && char.IsAsciiLetter(text[i]); i++)
        {
            col = col * 26 + (char.ToUpperInvariant(text[i]) - 'A' + 1);
            if (col > 16_384) return null;
        }
        if (col == 0 || i == text.Length) return null;
        return int.TryParse(text.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row >= 1 ? (row, col - 1) : null;
    }
}
