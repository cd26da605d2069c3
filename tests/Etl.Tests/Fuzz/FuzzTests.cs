using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Analytics.Etl.Input;
using Analytics.Etl.Loading;

namespace Analytics.Etl.Tests.Fuzz;

/// <summary>
/// Issue 6 item 3: damaged and hostile input is either loaded or refused with a reported error —
/// never an unhandled exception, a hang beyond 20 s, more than 1,5 GB allocated, or a changed
/// warehouse after a refusal. Mutations come from a fixed seed, so a failure can be replayed.
/// </summary>
public class FuzzTests
{
    private const int Seed = 20261125;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private const long AllocationBound = 1_500L << 20;

    private const string UnitsCsv = """
        unit_code,unit_name,unit_type,parent_code,population,area_km2,established
        09803,"Phường Đông, mới",phuong,98,"12.345",4.5,01/07/2025
        09804,Xã Tây,xa,98,8000,,2025-07-01
        """;

    private const string StaffingCsv = """
        snapshot_date,phase,unit_code,position_group,specialty,quota,actual,from_old_district,from_old_commune
        2025-07-01,sau_sap_xep,09801,cong_chuc,dat_dai,3,2,1,1
        2025-07-01,sau_sap_xep,09801,cong_chuc,cntt,1,0,,
        2025-07-01,sau_sap_xep,09802,can_bo,lanh_dao,9,10,4,5
        """;

    /// <summary>Loads one file into a warehouse holding the base rows and checks the promise of this test.</summary>
    private static FileReport LoadChecked(Scratch s, string path, string label)
    {
        var before = s.RawCounts();
        var allocated = GC.GetTotalAllocatedBytes(true);
        var clock = Stopwatch.StartNew();
        var load = Task.Run(() => s.Load(path));
        Assert.True(load.Wait(Bound), $"{label}: no answer within {Bound.TotalSeconds} s");
        var report = load.Result; // an unhandled exception in the loader fails the test here
        var used = GC.GetTotalAllocatedBytes(true) - allocated;
        Assert.True(used < AllocationBound, $"{label}: {used >> 20} MB allocated");
        var file = Assert.Single(report.Files);
        if (file.Outcome == LoadOutcome.Refused)
        {
            Assert.NotEmpty(file.Errors);
            Assert.All(file.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ReasonVi) || string.IsNullOrWhiteSpace(e.ReasonEn), label));
            Assert.Equal(before, s.RawCounts());
        }
        else Assert.Contains(file.Outcome, new[] { LoadOutcome.Loaded, LoadOutcome.Unchanged });
        return file;
    }

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in new[] { "units.csv", "staffing.csv", "units.xlsx", "staffing.xlsx" })
            for (var batch = 0; batch < 4; batch++) data.Add(kind, batch);
        return data;
    }

    /// <summary>25 mutants per (file, batch): byte flips, inserted and deleted bytes, quote damage, re-encodings; XLSX mutated inside its sheet XML and as raw zip bytes.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Mutated_files_are_loaded_or_refused_with_a_reason(string kind, int batch)
    {
        using var s = new Scratch();
        s.LoadBase();
        var rng = new Random(Seed + batch * 97 + kind.Sum(c => c) % 1000);
        var csv = kind.StartsWith("units", StringComparison.Ordinal) ? UnitsCsv : StaffingCsv;
        var dataset = kind[..kind.IndexOf('.')];
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 25; i++)
        {
            var name = $"{dataset}_{batch}_{i}{Path.GetExtension(kind)}";
            var (bytes, how) = kind.EndsWith(".csv", StringComparison.Ordinal)
                ? MutateCsv(Encoding.UTF8.GetBytes(csv), rng)
                : MutateXlsx(csv, rng);
            var path = s.WriteBytes(name, bytes);
            var file = LoadChecked(s, path, $"{name} ({how})");
            outcomes[file.Outcome] = outcomes.GetValueOrDefault(file.Outcome) + 1;
            // Keep the warehouse at its base: a loaded mutant is a valid file and stays; the next mutant compares to it.
        }
        Assert.True(outcomes.GetValueOrDefault(LoadOutcome.Refused) > 0, "no mutant was refused: the mutations are too weak to test anything");
    }

    private static (byte[], string) MutateCsv(byte[] valid, Random rng)
    {
        var b = valid.ToList();
        switch (rng.Next(8))
        {
            case 0:
                for (var k = rng.Next(1, 6); k > 0; k--) b[rng.Next(b.Count)] = (byte)rng.Next(256);
                return (b.ToArray(), "byte flips");
            case 1:
                b.Insert(rng.Next(b.Count), (byte)'"');
                return (b.ToArray(), "stray quote");
            case 2:
                var q = b.IndexOf((byte)'"');
                if (q >= 0) b.RemoveAt(q);
                return (b.ToArray(), "quote removed");
            case 3:
                b.RemoveRange(rng.Next(b.Count / 2), rng.Next(1, 20));
                return (b.ToArray(), "bytes deleted");
            case 4:
                return (Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(valid))).ToArray(), "UTF-16 with BOM");
            case 5:
                return (Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(valid).Normalize(NormalizationForm.FormD)), "Latin-1");
            case 6:
                var at = rng.Next(b.Count);
                b.InsertRange(at, Enumerable.Repeat((byte)(rng.Next(2) == 0 ? ',' : '\n'), rng.Next(1, 300)));
                return (b.ToArray(), "delimiters or newlines inserted");
            default:
                b.InsertRange(rng.Next(b.Count), Encoding.UTF8.GetBytes("\u0000\uFEFF=cmd|' /C calc'!A0\r"));
                return (b.ToArray(), "control characters and a formula");
        }
    }

    private static (byte[], string) MutateXlsx(string csv, Random rng)
    {
        var rows = csv.Split('\n').Select(l => (IReadOnlyList<object?>)ParseLine(l).Cast<object?>().ToList()).ToList();
        var path = Path.GetTempFileName();
        try
        {
            XlsxWriter.WriteFile(path, "Dữ liệu", rows[0].Select(c => (string)c!).ToList(), rows.Skip(1));
            var bytes = File.ReadAllBytes(path);
            if (rng.Next(4) == 0)
            {
                for (var k = rng.Next(1, 8); k > 0; k--) bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
                return (bytes, "zip bytes flipped");
            }
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var output = new MemoryStream();
            var how = "";
            using (var copy = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var entry in zip.Entries)
                {
                    using var reader = new StreamReader(entry.Open());
                    var xml = reader.ReadToEnd();
                    if (entry.FullName.Contains("sheet", StringComparison.Ordinal) || entry.FullName.Contains("sharedStrings", StringComparison.Ordinal))
                    {
                        var chars = xml.ToCharArray().ToList();
                        switch (rng.Next(4))
                        {
                            case 0: chars.RemoveRange(rng.Next(chars.Count / 2), rng.Next(1, 30)); how = "xml cut"; break;
                            case 1: chars[rng.Next(chars.Count)] = (char)rng.Next(32, 127); how = "xml char changed"; break;
                            case 2: chars.InsertRange(rng.Next(chars.Count), "<c r=\"ZZZZ9\"><v>1</v></c>"); how = "cell beyond the last column"; break;
                            default: chars.InsertRange(rng.Next(chars.Count), "<x><x><x></y>"); how = "bad nesting"; break;
                        }
                        xml = new string(chars.ToArray());
                    }
                    using var w = new StreamWriter(copy.CreateEntry(entry.FullName).Open());
                    w.Write(xml);
                }
            return (output.ToArray(), how);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<string> ParseLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var ch in line.TrimEnd('\r'))
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    // ---- hostile files, each with the refusal it must get ----

    [Fact]
    public void A_ten_megabyte_cell_is_refused_at_its_line()
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = s.Write("units_huge_cell.csv", "unit_code,unit_name,unit_type,parent_code\n09803,\"" + new string('x', 10 << 20) + "\",xa,98\n");
        var file = LoadChecked(s, path, "10 MB cell");
        Assert.Equal(LoadOutcome.Refused, file.Outcome);
        Assert.Contains(file.Errors, e => e.Line == 2 && e.ReasonEn.Contains("longer than 1 million characters"));
    }

    [Fact]
    public void An_unclosed_quote_in_a_large_file_is_refused_without_reading_it_into_one_cell()
    {
        using var s = new Scratch();
        s.LoadBase();
        var text = new StringBuilder("unit_code,unit_name,unit_type,parent_code\n09803,\"Xã mở ngoặc,xa,98\n");
        for (var i = 0; i < 200_000; i++) text.Append("09804,Xã Tây,xa,98\n");
        var file = LoadChecked(s, s.Write("units_unclosed_large.csv", text.ToString()), "unclosed quote, 4 MB after it");
        Assert.Equal(LoadOutcome.Refused, file.Outcome);
        Assert.Contains(file.Errors, e => e.Line == 2);
    }

    [Fact]
    public void A_hundred_thousand_columns_are_refused()
    {
        using var s = new Scratch();
        s.LoadBase();
        var header = "unit_code,unit_name,unit_type,parent_code," + string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"c{i}"));
        var path = s.Write("units_wide.csv", header + "\n09803,Xã Rộng,xa,98" + new string(',', 100_000) + "\n");
        var file = LoadChecked(s, path, "100k columns");
        Assert.Equal(LoadOutcome.Refused, file.Outcome);
        Assert.Contains(file.Errors, e => e.ReasonEn.Contains("more than 16384 cells"));
    }

    [Fact]
    public void A_workbook_row_of_a_hundred_thousand_cells_is_refused()
    {
        using var s = new Scratch();
        s.LoadBase();
        var cells = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"<c t=\"inlineStr\"><is><t>c{i}</t></is></c>"));
        var path = Workbook(s, "units_wide.xlsx", $"<row r=\"1\">{cells}</row>");
        var file = LoadChecked(s, path, "100k cells in a row");
        Assert.Equal(LoadOutcome.Refused, file.Outcome);
        Assert.Contains(file.Errors, e => e.ReasonEn.Contains("more than 16384 cells"));
    }

    [Fact]
    public void A_huge_inline_string_is_refused_before_it_is_built()
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = Workbook(s, "units_long_text.xlsx",
            "<row r=\"1\"><c t=\"inlineStr\"><is><t>unit_code</t></is></c><c t=\"inlineStr\"><is><t>unit_name</t></is></c><c t=\"inlineStr\"><is><t>unit_type</t></is></c><c t=\"inlineStr\"><is><t>parent_code</t></is></c></row>"
            + $"<row r=\"2\"><c t=\"inlineStr\"><is><t>09803</t></is></c><c t=\"inlineStr\"><is><t>{new string('x', 50 << 20)}</t></is></c></row>");
        var file = LoadChecked(s, path, "50 MB inline string");
        Assert.Equal(LoadOutcome.Refused, file.Outcome);
        Assert.Contains(file.Errors, e => e.ReasonEn.Contains("longer than 1048576 characters"));
    }

    [Fact]
    public void Deeply_nested_xml_is_refused_or_read_within_bounds()
    {
        using var s = new Scratch();
        s.LoadBase();
        var deep = string.Concat(Enumerable.Repeat("<x>", 200_000)) + string.Concat(Enumerable.Repeat("</x>", 200_000));
        var path = Workbook(s, "units_deep.xlsx", $"<row r=\"1\"><c t=\"inlineStr\"><is>{deep}</is></c></row>");
        var file = LoadChecked(s, path, "200k levels of nesting");
        Assert.Equal(LoadOutcome.Refused, file.Outcome);
    }

    [Fact]
    public void A_zip_bomb_sheet_is_refused_without_inflating_it()
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = Path.Combine(s.Dir, "units_bomb.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Entry(zip, "xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>""");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            var head = Encoding.UTF8.GetBytes("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            sheet.Write(head);
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 1100; i++) sheet.Write(spaces); // 1,1 GB of whitespace, about 11 MB compressed
        }
        Assert.True(new FileInfo(path).Length < 16 << 20, $"the bomb is {new FileInfo(path).Length} bytes");
        var file = LoadChecked(s, path, "zip bomb");
        Assert.Equal(LoadOutcome.Refused, file.Outcome);
        Assert.Contains(file.Errors, e => e.ReasonEn.Contains("zip bomb guard"));
    }

    [Theory]
    [InlineData("xl/workbook.xml", """<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="&x;" sheetId="1"/></sheets></workbook>""")]
    [InlineData("xl/worksheets/sheet1.xml", """<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>""")]
    public void External_entities_and_entity_expansion_are_refused(string part, string xml)
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = Path.Combine(s.Dir, "units_xxe.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Entry(zip, "xl/workbook.xml", part == "xl/workbook.xml" ? xml
                : """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>""");
            if (part != "xl/workbook.xml") Entry(zip, part, xml);
        }
        var file = LoadChecked(s, path, "DTD in " + part);
        Assert.Equal(LoadOutcome.Refused, file.Outcome);
        Assert.Contains(file.Errors, e => e.ReasonEn.Contains("DTD", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(file.Errors, e => (e.Value ?? "").Contains("root:", StringComparison.Ordinal));
    }

    private static string Workbook(Scratch s, string name, string sheetRows)
    {
        var path = Path.Combine(s.Dir, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Entry(zip, "xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>""");
        Entry(zip, "xl/worksheets/sheet1.xml", $"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheetRows}</sheetData></worksheet>""");
        return path;
    }

    private static void Entry(ZipArchive zip, string name, string xml)
    {
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(xml);
    }
}
