using System.Globalization;
using System.IO.Compression;
using System.Text;
using Xunit.Abstractions;

namespace Analytics.Cli.Tests.Reliability;

/// <summary>
/// Issue 6, the fuzz test's memory bound measured on a real process: hostile files through a child
/// `analytics validate`, its managed heap capped by the runtime (DOTNET_GCHeapHardLimit: past it the
/// process dies of OutOfMemoryException instead of answering) and its peak resident memory read from
/// /proc/PID/status (VmHWM, the whole process: runtime, DuckDB, buffers). The in-process fuzz tests
/// (tests/Etl.Tests/Fuzz) count allocated bytes only.
///
/// What fails if a guard is removed: the readers' cell length, cell count and zip inflation limits
/// (src/Etl/Input) are what keep these files from being read whole; without them the heap cap kills
/// the child (exit code, no refusal message) or the peak passes the bound.
/// </summary>
[Trait("speed", "slow")]
public class HostileFileMemoryTests(ITestOutputHelper output)
{
    private const string HeapCap = "0x4000000"; // 64 MB of managed heap (a 10 MB cell read whole would take 20 MB as a string, its builder more)
    private const double PeakBoundMb = 250; // measured 112–118 MB, of which about 100 MB is the runtime and DuckDB at start

    [Theory]
    [InlineData("10 MB cell", "longer than 1 million characters")]
    [InlineData("100k columns", "more than 16384 cells")]
    [InlineData("zip bomb", "zip bomb guard")]
    public async Task A_hostile_file_is_refused_within_a_memory_bound_in_a_real_process(string kind, string reason)
    {
        using var s = new CliScratch();
        var path = kind switch
        {
            "10 MB cell" => s.Write("units_huge_cell.csv", "unit_code,unit_name,unit_type,parent_code\n09803,\"" + new string('x', 10 << 20) + "\",xa,98\n"),
            "100k columns" => s.Write("units_wide.csv", "unit_code,unit_name,unit_type,parent_code," + string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"c{i}"))
                + "\n09803,Xã Rộng,xa,98" + new string(',', 100_000) + "\n"),
            _ => ZipBomb(s.Path_("units_bomb.xlsx")),
        };

        using var child = new ChildAnalytics(new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = HeapCap }, "validate", path);
        var peakMb = 0.0;
        var watch = Task.Run(async () =>
        {
            while (!child.HasExited)
            {
                if (PeakMb(child.Id) is { } mb) peakMb = Math.Max(peakMb, mb);
                await Task.Delay(5);
            }
        });
        var exit = child.Wait(TimeSpan.FromMinutes(3));
        await watch;
        output.WriteLine($"{kind}: {new FileInfo(path).Length / 1e6:F1} MB file, exit {exit}, peak resident memory {peakMb:F0} MB (managed heap capped at 64 MB)");

        Assert.True(exit == 1, $"{kind}: exit {exit} (1 = refused); stdout: {child.Out}\nstderr: {child.Err}");
        Assert.Contains(reason, child.Out + child.Err);
        Assert.True(peakMb > 0, "no /proc reading of the child was taken");
        Assert.True(peakMb < PeakBoundMb, $"{kind}: peak resident memory {peakMb:F0} MB, bound {PeakBoundMb} MB");
    }

    /// <summary>
    /// Issue 14 item 7: a small workbook whose sheet expands to more rows than a sheet may hold,
    /// each row with five bad cells. The errors kept are bounded (the first 1,000, with the count),
    /// the refused lines are kept without their reasons, and the sheet stops at 1,048,576 rows.
    /// Without the row cap the child reads every row; without the bounds its heap grows with the
    /// errors (about 5.5 million here) until the heap cap kills it.
    /// </summary>
    [Fact]
    public async Task A_workbook_that_expands_to_a_million_broken_rows_is_refused_within_a_memory_bound()
    {
        using var s = new CliScratch();
        var path = s.Path_("staffing_expands.xlsx");
        const int rows = 1_100_000;
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open(), new UTF8Encoding(false)))
                w.Write("""<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);
            sheet.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            sheet.Write("""<row r="1"><c t="inlineStr"><is><t>snapshot_date</t></is></c><c t="inlineStr"><is><t>unit_code</t></is></c><c t="inlineStr"><is><t>position_group</t></is></c><c t="inlineStr"><is><t>specialty</t></is></c><c t="inlineStr"><is><t>quota</t></is></c><c t="inlineStr"><is><t>actual</t></is></c></row>""");
            for (var r = 2; r <= rows; r++)
                sheet.Write($"""<row r="{r}"><c t="inlineStr"><is><t>x</t></is></c><c t="inlineStr"><is><t>09801</t></is></c><c t="inlineStr"><is><t>b</t></is></c><c t="inlineStr"><is><t>b</t></is></c><c t="inlineStr"><is><t>q</t></is></c><c t="inlineStr"><is><t>a</t></is></c></row>""");
            sheet.Write("</sheetData></worksheet>");
        }

        using var child = new ChildAnalytics(new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x10000000" }, "validate", path);
        var peakMb = 0.0;
        var watch = Task.Run(async () =>
        {
            while (!child.HasExited)
            {
                if (PeakMb(child.Id) is { } mb) peakMb = Math.Max(peakMb, mb);
                await Task.Delay(20);
            }
        });
        var exit = child.Wait(TimeSpan.FromMinutes(8));
        await watch;
        output.WriteLine($"{new FileInfo(path).Length / 1e3:F0} KB workbook of {rows:N0} rows: exit {exit}, peak resident memory {peakMb:F0} MB (managed heap capped at 256 MB)");

        Assert.True(exit == 1, $"exit {exit} (1 = refused); stdout: {child.Out[..Math.Min(2000, child.Out.Length)]}\nstderr: {child.Err}");
        Assert.Contains("more than 1,048,576 rows", child.Out);
        Assert.Contains("first 1000 listed", child.Out);
        Assert.Contains("5.242.876", child.Out); // 1,048,575 rows of five errors each, and the row limit: all counted
        Assert.True(peakMb > 0, "no /proc reading of the child was taken");
        Assert.True(peakMb < 600, $"peak resident memory {peakMb:F0} MB, bound 600 MB");
    }

    /// <summary>VmHWM of a running process, in MB (null once it has gone).</summary>
    private static double? PeakMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException) { return null; }
    }

    /// <summary>A workbook whose sheet inflates to 1,1 GB of whitespace from about 11 MB (as in the fuzz test).</summary>
    private static string ZipBomb(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open(), new UTF8Encoding(false)))
            w.Write("""<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>""");
        using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        sheet.Write(Encoding.UTF8.GetBytes("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"));
        var spaces = new byte[1 << 20];
        Array.Fill(spaces, (byte)' ');
        for (var i = 0; i < 1100; i++) sheet.Write(spaces);
        return path;
    }
}
