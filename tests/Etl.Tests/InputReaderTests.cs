using System.IO.Compression;
using System.Text;
using Analytics.Etl.Input;

namespace Analytics.Etl.Tests;

public class CsvTableReaderTests
{
    private static (CsvTableReader Reader, List<SourceRecord> Records) Read(Scratch s, string content, bool bom = false)
    {
        var reader = CsvTableReader.Open(s.Write("f.csv", content, bom));
        return (reader, reader.Records().ToList());
    }

    [Theory]
    [InlineData(",")]
    [InlineData(";")]
    [InlineData("\t")]
    public void Detects_the_delimiter_from_the_header_line(string d)
    {
        using var s = new Scratch();
        var (reader, rows) = Read(s, $"a{d}b{d}c\n1{d}\"x{d}y\"{d}3\n");
        using var _ = reader;
        Assert.Equal(d[0], reader.Delimiter);
        Assert.Equal(["a", "b", "c"], reader.Header!);
        Assert.Equal(["1", $"x{d}y", "3"], rows.Single().Cells.Select(c => c.Text));
    }

    [Fact]
    public void Strips_the_BOM_and_keeps_Vietnamese_text()
    {
        using var s = new Scratch();
        var (reader, rows) = Read(s, "unit_code,unit_name\r\n09801,Phường Bắc\r\n", bom: true);
        using var _ = reader;
        Assert.Equal("unit_code", reader.Header![0]);
        Assert.Equal("Phường Bắc", rows.Single().Cells[1].Text);
    }

    [Fact]
    public void Quoted_newlines_and_quotes_keep_physical_line_numbers()
    {
        using var s = new Scratch();
        var (reader, rows) = Read(s, "a,b\n1,\"two\nlines \"\"quoted\"\"\"\n3,x\n\n4,y\n");
        using var _ = reader;
        Assert.Equal([2, 4, 6], rows.Select(r => r.Line));
        Assert.Equal("two\nlines \"quoted\"", rows[0].Cells[1].Text);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_its_line()
    {
        using var s = new Scratch();
        var bytes = Encoding.UTF8.GetBytes("a,b\n1,ok\n2,").Concat(new byte[] { 0x50, 0x68, 0xB0, 0x1EDD & 0xFF }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();
        var path = s.WriteBytes("latin.csv", bytes);
        var e = Assert.Throws<InputFormatException>(() =>
        {
            using var reader = CsvTableReader.Open(path);
            _ = reader.Records().ToList();
        });
        Assert.Equal(3, e.Line);
        Assert.Contains("UTF-8", e.ReasonEn);
    }

    [Fact]
    public void Empty_file_has_no_header_and_header_only_has_no_rows()
    {
        using var s = new Scratch();
        using (var empty = CsvTableReader.Open(s.Write("e.csv", ""))) Assert.Null(empty.Header);
        using (var blank = CsvTableReader.Open(s.Write("b.csv", "\n\n"))) Assert.Null(blank.Header);
        using var only = CsvTableReader.Open(s.Write("h.csv", "a,b\n"));
        Assert.Equal(["a", "b"], only.Header!);
        Assert.Empty(only.Records());
    }

    [Fact]
    public void Unclosed_quote_is_refused_with_the_line_it_opens_on()
    {
        using var s = new Scratch();
        var e = Assert.Throws<InputFormatException>(() => Read(s, "a,b\n1,2\n3,\"never closed\n4,5\n"));
        Assert.Equal(3, e.Line);
    }
}

public class XlsxTests
{
    [Fact]
    public void Writer_and_reader_round_trip_every_cell_kind()
    {
        using var s = new Scratch();
        var path = Path.Combine(s.Dir, "t.xlsx");
        XlsxWriter.WriteFile(path, "Phụ lục", ["unit_code", "n", "d", "b", "empty", "text"],
        [
            ["09801", 197810, new DateOnly(2025, 7, 1), true, null, "Xã Nam"],
            ["09802", 134.2, new DateTime(2026, 3, 31), false, null, " lead space"],
        ]);
        using var reader = XlsxReader.Open(path);
        Assert.Equal(["Phụ lục"], reader.SheetNames);
        var rows = reader.ReadSheet(0).ToList();
        Assert.Equal([1, 2, 3], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.Equal("Phụ lục", r.Sheet));
        var r1 = rows[1].Cells;
        Assert.Equal(new Cell("09801"), r1[0]);
        Assert.Equal(new Cell("197810", CellKind.Number), r1[1]);
        Assert.Equal(new Cell("2025-07-01", CellKind.Date), r1[2]);
        Assert.Equal(new Cell("true", CellKind.Boolean), r1[3]);
        Assert.True(r1[4].IsEmpty);
        Assert.Equal("Xã Nam", r1[5].Text);
        var r2 = rows[2].Cells;
        Assert.Equal("134.2", r2[1].Text);
        Assert.Equal("2026-03-31", r2[2].Text);
        Assert.Equal(" lead space", r2[5].Text);
    }

    [Fact]
    public void Reads_inline_strings_rich_text_custom_date_formats_and_the_1904_system()
    {
        using var s = new Scratch();
        var path = Path.Combine(s.Dir, "hand.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Entry(zip, "xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="Trống" sheetId="1" r:id="rId1"/><sheet name="Dữ liệu" sheetId="2" r:id="rId2"/></sheets></workbook>""");
            Entry(zip, "xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="worksheets/a.xml"/><Relationship Id="rId2" Type="x" Target="/xl/worksheets/b.xml"/></Relationships>""");
            Entry(zip, "xl/styles.xml", """<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="170" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="171" formatCode="#,##0.00&quot; d&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="171"/></cellXfs></styleSheet>""");
            Entry(zip, "xl/sharedStrings.xml", """<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>Phường </t></r><r><t>Bắc</t></r><rPh><t>ignored</t></rPh></si></sst>""");
            Entry(zip, "xl/worksheets/a.xml", """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>""");
            Entry(zip, "xl/worksheets/b.xml", """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>name</t></is></c><c r="D3" t="s"><v>0</v></c></row><row r="4"><c r="A4" s="1"><v>0</v></c><c r="B4" s="2"><v>1234.5</v></c><c r="C4" t="e"><v>#N/A</v></c></row></sheetData></worksheet>""");
        }
        using var reader = XlsxReader.Open(path);
        Assert.Empty(reader.ReadSheet(0));
        var rows = reader.ReadSheet(1).ToList();
        Assert.Equal(3, rows[0].Line);
        Assert.Equal(["", "name", "", "Phường Bắc"], rows[0].Cells.Select(c => c.Text));
        Assert.Equal(new Cell("1904-01-01", CellKind.Date), rows[1].Cells[0]);
        Assert.Equal(new Cell("1234.5", CellKind.Number), rows[1].Cells[1]);
        Assert.Equal("#N/A", rows[1].Cells[2].Text);
    }

    [Fact]
    public void A_part_larger_than_the_cap_is_refused()
    {
        using var s = new Scratch();
        var path = Path.Combine(s.Dir, "big.xlsx");
        XlsxWriter.WriteFile(path, "S", ["a"], Enumerable.Range(0, 5000).Select(i => (IReadOnlyList<object?>)[(object)i]));
        using var reader = XlsxReader.Open(path, new XlsxLimits(MaxSheetBytes: 10_000));
        var e = Assert.Throws<InputFormatException>(() => reader.ReadSheet(0).ToList());
        Assert.Contains("zip bomb", e.ReasonEn);
    }

    [Fact]
    public void A_DTD_is_refused()
    {
        using var s = new Scratch();
        var path = Path.Combine(s.Dir, "dtd.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            Entry(zip, "xl/workbook.xml", """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="&e;" sheetId="1"/></sheets></workbook>""");
        Assert.Throws<InputFormatException>(() => XlsxReader.Open(path));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused()
    {
        using var s = new Scratch();
        Assert.Throws<InputFormatException>(() => XlsxReader.Open(s.Write("x.xlsx", "unit_code,unit_name\n")));
    }

    [Theory]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("[$-42A]dd/mm/yyyy", true)]
    [InlineData("0.00", false)]
    [InlineData("#,##0\" ngày\"", false)]
    [InlineData("[Red]0.0", false)]
    public void Custom_date_formats_are_recognised(string code, bool isDate) => Assert.Equal(isDate, XlsxReader.IsDateFormat(code));

    private static void Entry(ZipArchive zip, string name, string xml)
    {
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(xml);
    }
}
