using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Analytics.Etl.Input;

/// <summary>
/// Writes a minimal, valid .xlsx workbook: one or more sheets, each a header row followed by rows of
/// cells. A cell value may be null (empty cell), a string (shared string), any .NET number, a bool,
/// or a DateOnly / DateTime (a real date cell: the serial number in a yyyy-mm-dd style, as Excel stores it).
/// A <see cref="PercentCell"/> is a number in a percent format (35% stored as 0.35, as Excel does).
/// AddRows writes a sheet as an office fills a template: rows from row 1 (title block, header rows,
/// data, signature), merged ranges, and the sheet hidden or not.
/// Sheets are streamed to the archive; only the distinct strings are held until the end.
/// <code>
/// XlsxWriter.WriteFile("staffing.xlsx", "Phụ lục", ["snapshot_date", "unit_code", "quota"],
///     [[new DateOnly(2026, 1, 15), "09801", 2]]);
/// </code>
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private readonly ZipArchive _zip;
    private readonly List<string> _sheetNames = [];
    private readonly List<bool> _hidden = [];
    private readonly Dictionary<string, int> _stringIndex = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private bool _finished;

    public XlsxWriter(Stream output, bool leaveOpen = false) =>
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen);

    /// <summary>Writes a one-sheet workbook to a file.</summary>
    public static void WriteFile(string path, string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var writer = new XlsxWriter(stream);
        writer.AddSheet(sheetName, header, rows);
    }

    /// <summary>Appends a sheet: the header in row 1, then one row per item of rows.</summary>
    public void AddSheet(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) =>
        AddRows(name, rows.Prepend(header.Cast<object?>().ToList()));

    /// <summary>Appends a sheet whose rows start at row 1 (a null row is left blank), with merged ranges ("A5:A6") and visibility.</summary>
    public void AddRows(string name, IEnumerable<IReadOnlyList<object?>?> rows, IReadOnlyList<string>? merges = null, bool hidden = false)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0)
            throw new ArgumentException($"'{name}' is not a valid sheet name (1-31 characters, none of []:*?/\\)", nameof(name));
        if (_sheetNames.Contains(name, StringComparer.OrdinalIgnoreCase)) throw new ArgumentException($"sheet '{name}' already exists", nameof(name));
        _sheetNames.Add(name);
        _hidden.Add(hidden);
        using var xml = Create($"xl/worksheets/sheet{_sheetNames.Count}.xml");
        xml.WriteStartElement("worksheet", MainNs);
        xml.WriteStartElement("sheetData", MainNs);
        var rowNumber = 0;
        foreach (var row in rows)
        {
            rowNumber++;
            if (row is not null) WriteRow(xml, rowNumber, row);
        }
        xml.WriteEndElement();
        if (merges is { Count: > 0 })
        {
            xml.WriteStartElement("mergeCells", MainNs);
            xml.WriteAttributeString("count", merges.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var range in merges)
            {
                xml.WriteStartElement("mergeCell", MainNs);
                xml.WriteAttributeString("ref", range);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private void WriteRow(XmlWriter xml, int rowNumber, IReadOnlyList<object?> cells)
    {
        xml.WriteStartElement("row", MainNs);
        xml.WriteAttributeString("r", rowNumber.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < cells.Count; i++)
        {
            var value = cells[i];
            if (value is null) continue;
            xml.WriteStartElement("c", MainNs);
            xml.WriteAttributeString("r", ColumnName(i) + rowNumber.ToString(CultureInfo.InvariantCulture));
            switch (value)
            {
                case string s:
                    xml.WriteAttributeString("t", "s");
                    xml.WriteElementString("v", MainNs, StringIndex(s).ToString(CultureInfo.InvariantCulture));
                    break;
                case bool b:
                    xml.WriteAttributeString("t", "b");
                    xml.WriteElementString("v", MainNs, b ? "1" : "0");
                    break;
                case DateOnly d:
                    xml.WriteAttributeString("s", "1");
                    xml.WriteElementString("v", MainNs, Serial(d.ToDateTime(TimeOnly.MinValue)));
                    break;
                case DateTime dt:
                    xml.WriteAttributeString("s", "1");
                    xml.WriteElementString("v", MainNs, Serial(dt));
                    break;
                case PercentCell p:
                    xml.WriteAttributeString("s", "2");
                    xml.WriteElementString("v", MainNs, p.Fraction.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case IConvertible n when IsNumber(n):
                    xml.WriteElementString("v", MainNs, Convert.ToDouble(n, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ArgumentException($"cannot write a {value.GetType().Name} to a cell (use string, number, bool, DateOnly, DateTime or null)");
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static bool IsNumber(IConvertible value) => value.GetTypeCode() is TypeCode.Byte or TypeCode.SByte or TypeCode.Int16
        or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single
        or TypeCode.Double or TypeCode.Decimal;

    /// <summary>Serial day number in the 1900 date system (valid from 1 March 1900).</summary>
    private static string Serial(DateTime value) =>
        (value - new DateTime(1899, 12, 30)).TotalDays.ToString("R", CultureInfo.InvariantCulture);

    private int StringIndex(string s)
    {
        if (_stringIndex.TryGetValue(s, out var i)) return i;
        _stringIndex[s] = _strings.Count;
        _strings.Add(s);
        return _strings.Count - 1;
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private XmlWriter Create(string part)
    {
        var stream = _zip.CreateEntry(part, CompressionLevel.Fastest).Open();
        var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), CloseOutput = true });
        xml.WriteStartDocument(true);
        return xml;
    }

    private void Finish()
    {
        if (_sheetNames.Count == 0) throw new InvalidOperationException("a workbook needs at least one sheet");
        using (var xml = Create("xl/sharedStrings.xml"))
        {
            xml.WriteStartElement("sst", MainNs);
            xml.WriteAttributeString("count", _strings.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("uniqueCount", _strings.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var s in _strings)
            {
                xml.WriteStartElement("si", MainNs);
                xml.WriteStartElement("t", MainNs);
                if (s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))) xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(s);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        using (var xml = Create("xl/styles.xml"))
        {
            xml.WriteRaw("""<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>""");
        }
        using (var xml = Create("xl/workbook.xml"))
        {
            xml.WriteStartElement("workbook", MainNs);
            xml.WriteAttributeString("xmlns", "r", null, RelNs);
            xml.WriteStartElement("sheets", MainNs);
            for (var i = 0; i < _sheetNames.Count; i++)
            {
                xml.WriteStartElement("sheet", MainNs);
                xml.WriteAttributeString("name", _sheetNames[i]);
                xml.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
                if (_hidden[i]) xml.WriteAttributeString("state", "hidden");
                xml.WriteAttributeString("id", RelNs, $"rId{i + 1}");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        using (var xml = Create("xl/_rels/workbook.xml.rels"))
        {
            const string pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
            const string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
            xml.WriteStartElement("Relationships", pkg);
            var n = _sheetNames.Count;
            for (var i = 0; i < n; i++) Relationship(xml, pkg, $"rId{i + 1}", type + "worksheet", $"worksheets/sheet{i + 1}.xml");
            Relationship(xml, pkg, $"rId{n + 1}", type + "styles", "styles.xml");
            Relationship(xml, pkg, $"rId{n + 2}", type + "sharedStrings", "sharedStrings.xml");
            xml.WriteEndElement();
        }
        using (var xml = Create("_rels/.rels"))
        {
            const string pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
            xml.WriteStartElement("Relationships", pkg);
            Relationship(xml, pkg, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
            xml.WriteEndElement();
        }
        using (var xml = Create("[Content_Types].xml"))
        {
            const string ct = "http://schemas.openxmlformats.org/package/2006/content-types";
            const string sml = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
            xml.WriteStartElement("Types", ct);
            Default(xml, ct, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, ct, "xml", "application/xml");
            Override(xml, ct, "/xl/workbook.xml", sml + "sheet.main+xml");
            for (var i = 0; i < _sheetNames.Count; i++) Override(xml, ct, $"/xl/worksheets/sheet{i + 1}.xml", sml + "worksheet+xml");
            Override(xml, ct, "/xl/styles.xml", sml + "styles+xml");
            Override(xml, ct, "/xl/sharedStrings.xml", sml + "sharedStrings+xml");
            xml.WriteEndElement();
        }
    }

    private static void Relationship(XmlWriter xml, string ns, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", ns);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private static void Default(XmlWriter xml, string ns, string ext, string type)
    {
        xml.WriteStartElement("Default", ns);
        xml.WriteAttributeString("Extension", ext);
        xml.WriteAttributeString("ContentType", type);
        xml.WriteEndElement();
    }

    private static void Override(XmlWriter xml, string ns, string part, string type)
    {
        xml.WriteStartElement("Override", ns);
        xml.WriteAttributeString("PartName", part);
        xml.WriteAttributeString("ContentType", type);
        xml.WriteEndElement();
    }

    /// <summary>Writes the shared strings, styles and workbook parts and closes the archive.</summary>
    public void Dispose()
    {
        if (_finished) return;
        _finished = true;
        try
        {
            Finish();
        }
        finally
        {
            _zip.Dispose();
        }
    }
}

/// <summary>A number written in a percent format: 0.35 shows as 35,00%.</summary>
public readonly record struct PercentCell(double Fraction);
