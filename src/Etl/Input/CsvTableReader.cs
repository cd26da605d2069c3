using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Analytics.Etl.Input;

/// <summary>
/// Streams an RFC 4180 CSV file: UTF-8 with or without BOM, or UTF-16 (LE or BE) with its BOM, as
/// Excel's "Unicode text" writes it (invalid UTF-8 is refused with its line, never replaced), delimiter ',' ';' or tab detected from the header line, quoted fields may hold
/// delimiters, quotes ("") and newlines. Each record carries the physical line it starts on
/// (the header is line 1). Lines with no content at all are skipped.
/// </summary>
public sealed class CsvTableReader : IDisposable
{
    private readonly string _path;
    private readonly StreamReader _reader;
    private readonly char[] _buffer = new char[1 << 16];
    private int _pos, _len;
    private int _line = 1;
    private readonly StringBuilder _field = new();

    /// <summary>Longest field accepted (characters): no cell of the contracts comes near; a damaged quote could otherwise swallow the file.</summary>
    public const int MaxFieldChars = 1 << 20;
    /// <summary>Most fields in one record, Excel's column limit.</summary>
    public const int MaxFields = 16_384;

    public char Delimiter { get; }
    /// <summary>Header cells, or null when the file has no header (empty file).</summary>
    public string[]? Header { get; }
    public int HeaderLine { get; }

    private CsvTableReader(string path)
    {
        _path = path;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> bom = stackalloc byte[2];
        var got = stream.ReadAtLeast(bom, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        Encoding encoding = got == 2 && bom[0] == 0xFF && bom[1] == 0xFE ? new UnicodeEncoding(false, true, throwOnInvalidBytes: true)
            : got == 2 && bom[0] == 0xFE && bom[1] == 0xFF ? new UnicodeEncoding(true, true, throwOnInvalidBytes: true)
            : new UTF8Encoding(false, throwOnInvalidBytes: true);
        Utf16 = encoding is UnicodeEncoding;
        // the BOM decodes to U+FEFF, skipped below for every encoding
        _reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, 1 << 16);
        Fill();
        if (_len > 0 && _buffer[0] == '\uFEFF') _pos = 1;
        Delimiter = DetectDelimiter();
        while (true)
        {
            var start = _line;
            var fields = ReadRecord();
            if (fields is null) break;
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            Header = fields;
            HeaderLine = start;
            break;
        }
    }

    public static CsvTableReader Open(string path) => new(path);

    /// <summary>True when the file is UTF-16 (it had a UTF-16 byte order mark).</summary>
    public bool Utf16 { get; }

    /// <summary>Every non-empty record from the first one (what Header holds) on: for finding a header below a title block.</summary>
    public IEnumerable<SourceRecord> Rows()
    {
        if (Header is null) yield break;
        yield return new SourceRecord(HeaderLine, null, Header.Select(h => new Cell(h)).ToArray());
        foreach (var r in Records()) yield return r;
    }

    /// <summary>The data records after the header, streamed.</summary>
    public IEnumerable<SourceRecord> Records()
    {
        if (Header is null) yield break;
        while (true)
        {
            var start = _line;
            var fields = ReadRecord();
            if (fields is null) yield break;
            if (AllEmpty(fields)) continue;
            var cells = new Cell[fields.Length];
            for (var i = 0; i < fields.Length; i++) cells[i] = new Cell(fields[i]);
            yield return new SourceRecord(start, null, cells);
        }
    }

    private static bool AllEmpty(string[] fields)
    {
        foreach (var f in fields) if (f.Length != 0) return false;
        return true;
    }

    private bool Fill()
    {
        try
        {
            _len = _reader.Read(_buffer, 0, _buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            if (Utf16) throw new InputFormatException(_line, null, null,
                "tệp UTF-16 có byte không hợp lệ; hãy lưu lại dưới dạng CSV UTF-8",
                "the UTF-16 file has invalid bytes; save it again as CSV UTF-8");
            throw InvalidUtf8();
        }
        _pos = 0;
        return _len > 0;
    }

    private int Peek() => _pos < _len || Fill() ? _buffer[_pos] : -1;

    private char Next()
    {
        var c = _buffer[_pos++];
        if (c == '\n') _line++;
        return c;
    }

    /// <summary>The delimiter that occurs most often outside quotes in the first line; ',' when none does.</summary>
    private char DetectDelimiter()
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        for (var i = _pos; i < _len; i++)
        {
            var c = _buffer[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ',') comma++;
            else if (!quoted && c == ';') semicolon++;
            else if (!quoted && c == '\t') tab++;
        }
        if (tab > comma && tab > semicolon) return '\t';
        if (semicolon > comma) return ';';
        return ',';
    }

    private string[]? ReadRecord()
    {
        if (Peek() < 0) return null;
        var fields = new List<string>(16);
        var recordLine = _line;
        while (true)
        {
            fields.Add(Peek() == '"' ? ReadQuoted(recordLine) : ReadUnquoted());
            if (fields.Count > MaxFields)
                throw new InputFormatException(recordLine, null, null,
                    $"dòng có hơn {MaxFields} ô; tệp hỏng hoặc sai dấu phân cách",
                    $"the line has more than {MaxFields} cells; the file is damaged or the delimiter is wrong");
            var end = Peek();
            if (end == Delimiter) { Next(); continue; }
            if (end == '\r')
            {
                Next();
                if (Peek() == '\n') Next(); else _line++;
            }
            else if (end == '\n') Next();
            return fields.ToArray();
        }
    }

    /// <summary>An unquoted field: the run up to the next delimiter or line end, taken straight from the buffer.</summary>
    private string ReadUnquoted()
    {
        _field.Clear();
        while (Peek() >= 0)
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var stop = span.IndexOfAny(Delimiter, '\r', '\n');
            if (stop >= 0)
            {
                _pos += stop;
                if (_field.Length == 0) return new string(span[..stop]);
                _field.Append(span[..stop]);
                break;
            }
            _field.Append(span);
            _pos = _len;
            if (_field.Length > MaxFieldChars) throw FieldTooLong(_line);
        }
        return _field.ToString();
    }

    private string ReadQuoted(int recordLine)
    {
        _field.Clear();
        Next();
        while (true)
        {
            var q = Peek();
            if (q < 0)
                throw new InputFormatException(recordLine, null, null,
                    "dấu ngoặc kép mở nhưng không đóng đến hết tệp",
                    "a quoted field is never closed before the end of the file");
            Next();
            if (q == '"')
            {
                if (Peek() == '"') { Next(); _field.Append('"'); continue; }
                break;
            }
            _field.Append((char)q);
            if (_field.Length > MaxFieldChars) throw FieldTooLong(recordLine);
        }
        var after = Peek();
        if (after >= 0 && after != Delimiter && after != '\r' && after != '\n')
            throw new InputFormatException(_line, null, _field.ToString(),
                "ký tự sau dấu ngoặc kép đóng không phải dấu phân cách",
                "a character follows the closing quote of a field instead of the delimiter");
        return _field.ToString();
    }

    private static InputFormatException FieldTooLong(int line) => new(line, null, null,
        $"một ô dài hơn {MaxFieldChars / (1 << 20)} triệu ký tự; tệp hỏng (ví dụ dấu ngoặc kép không đóng)",
        $"a field is longer than {MaxFieldChars / (1 << 20)} million characters; the file is damaged (e.g. an unclosed quote)");

    /// <summary>Finds the line of the first invalid UTF-8 sequence by scanning the bytes again.</summary>
    private InputFormatException InvalidUtf8()
    {
        using var stream = File.OpenRead(_path);
        var bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
        var chars = ArrayPool<char>.Shared.Rent(1 << 17);
        try
        {
            int line = 1, carry = 0;
            long offset = 0;
            while (true)
            {
                var read = stream.Read(bytes, carry, (1 << 16) - carry);
                var total = carry + read;
                var final = read == 0;
                var status = Utf8.ToUtf16(bytes.AsSpan(0, total), chars, out var used, out _, replaceInvalidSequences: false, isFinalBlock: final);
                for (var i = 0; i < used; i++) if (bytes[i] == (byte)'\n') line++;
                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    var bad = string.Join(" ", bytes.AsSpan(used, Math.Min(4, total - used)).ToArray().Select(b => $"0x{b:X2}"));
                    return new InputFormatException(line, null, null,
                        "tệp không phải UTF-8: có thể tệp được lưu bằng mã Windows-1258/TCVN3; hãy lưu lại dưới dạng CSV UTF-8"
                        + $" (byte đầu tiên không đọc được ở dòng {line}, vị trí {offset + used}: {bad})",
                        "the file is not UTF-8: it was probably saved as Windows-1258 or TCVN3 (ABC); save it again as CSV UTF-8"
                        + $" (first unreadable byte on line {line}, offset {offset + used}: {bad})");
                }
                if (final) break;
                carry = total - used;
                Array.Copy(bytes, used, bytes, 0, carry);
                offset += used;
            }
            return new InputFormatException(null, null, null, "tệp không phải UTF-8 hợp lệ", "the file is not valid UTF-8");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public void Dispose() => _reader.Dispose();
}
