using System.Globalization;
using System.Text;

namespace Analytics.Synthetic;

/// <summary>
/// Writes one contract CSV: UTF-8 without BOM, comma-delimited, RFC 4180 quoting, LF line ends,
/// invariant numbers. Rows are streamed through a large buffer, so a file of millions of rows
/// costs no more memory than one row.
/// </summary>
public sealed class ContractCsvWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter _writer;
    private bool _rowStarted;

    public string Path { get; }
    public long Rows { get; private set; }

    public ContractCsvWriter(string path, params string[] header)
    {
        Path = path;
        _writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), Utf8NoBom, 1 << 16)
        {
            NewLine = "\n",
        };
        foreach (var h in header) Field(h);
        _writer.Write('\n');
        _rowStarted = false;
    }

    public ContractCsvWriter Field(string? value)
    {
        if (_rowStarted) _writer.Write(',');
        _rowStarted = true;
        if (string.IsNullOrEmpty(value)) return this;
        if (NeedsQuotes(value))
        {
            _writer.Write('"');
            _writer.Write(value.Replace("\"", "\"\""));
            _writer.Write('"');
        }
        else _writer.Write(value);
        return this;
    }

    // most numbers written are small counts and most dates repeat row after row: format them once
    private static readonly string[] SmallInts = Enumerable.Range(0, 1024).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
    private DateOnly _lastDate;
    private string _lastDateText = "";

    public ContractCsvWriter Field(long value) =>
        Field(value is >= 0 and < 1024 ? SmallInts[value] : value.ToString(CultureInfo.InvariantCulture));

    public ContractCsvWriter Field(long? value) => value is null ? Field((string?)null) : Field(value.Value);

    public ContractCsvWriter Field(DateOnly value)
    {
        if (value != _lastDate || _lastDateText.Length == 0)
        {
            _lastDate = value;
            _lastDateText = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return Field(_lastDateText);
    }

    public ContractCsvWriter Field(DateOnly? value) => value is null ? Field((string?)null) : Field(value.Value);

    public ContractCsvWriter Field(bool value) => Field(value ? "true" : "false");

    /// <summary>A decimal held as an integer count of hundredths/tenths (scale 10^decimals), printed exactly.</summary>
    public ContractCsvWriter Fixed(long scaled, int decimals) => Field(FormatFixed(scaled, decimals));

    public void EndRow()
    {
        _writer.Write('\n');
        _rowStarted = false;
        Rows++;
    }

    public static string FormatFixed(long scaled, int decimals)
    {
        if (decimals == 0) return scaled.ToString(CultureInfo.InvariantCulture);
        long pow = 1;
        for (var i = 0; i < decimals; i++) pow *= 10;
        var sign = scaled < 0 ? "-" : "";
        var abs = Math.Abs(scaled);
        var frac = abs % pow;
        var whole = (abs / pow).ToString(CultureInfo.InvariantCulture);
        if (frac == 0) return sign + whole;
        return sign + whole + "." + frac.ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0').TrimEnd('0');
    }

    private static bool NeedsQuotes(string v)
    {
        foreach (var c in v)
            if (c is ',' or '"' or '\n' or '\r' or ';' or '\t') return true;
        return v[0] == ' ' || v[^1] == ' ';
    }

    public void Dispose() => _writer.Dispose();
}
