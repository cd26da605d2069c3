using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Analytics.Cli.Tests.Reliability;

/// <summary>
/// Issue 14 item 1, measured on a real process as the hostile-file tests are: a 20 MB staffing file
/// whose every row has the same key, through a child `analytics validate`, its peak resident memory
/// read from /proc/PID/status (VmHWM). The duplicate-key check once listed, on every row, every
/// other line of its key: quadratic, 24 GB and the kernel's OOM killer for 19 MB.
///
/// What fails if the protection is removed: with the old sql/load/check_duplicate_keys.sql the peak
/// passes the bound (the watcher kills the child at 1.5 GB so the machine is not put at risk).
/// </summary>
public class DuplicateKeyMemoryTests(ITestOutputHelper output)
{
    private const double PeakBoundMb = 500;
    private const double KillAtMb = 1500;

    [Fact]
    public async Task A_20_MB_file_of_one_repeated_key_validates_in_linear_memory_with_one_error()
    {
        using var s = new CliScratch();
        var path = s.Path_("staffing_same_key.csv");
        const string row = "2026-03-31,sau_sap_xep,09802,cong_chuc,cntt,2,1,0,1\n";
        int rows;
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            w.Write("snapshot_date,phase,unit_code,position_group,specialty,quota,actual,from_old_district,from_old_commune\n");
            for (rows = 0; (rows + 1) * row.Length < 20 << 20; rows++) w.Write(row);
        }

        using var child = new ChildAnalytics("validate", path);
        var peakMb = 0.0;
        var killed = false;
        var watch = Task.Run(async () =>
        {
            while (!child.HasExited)
            {
                if (PeakMb(child.Id) is { } mb) peakMb = Math.Max(peakMb, mb);
                if (peakMb > KillAtMb) { killed = child.Kill(); break; }
                await Task.Delay(5);
            }
        });
        var exit = child.Wait(TimeSpan.FromMinutes(5));
        await watch;
        output.WriteLine($"{new FileInfo(path).Length / 1e6:F1} MB, {rows} rows of one key: exit {exit}, peak resident memory {peakMb:F0} MB{(killed ? " (killed)" : "")}");

        Assert.False(killed, $"killed at {peakMb:F0} MB");
        Assert.True(peakMb > 0, "no /proc reading of the child was taken");
        Assert.True(peakMb < PeakBoundMb, $"peak resident memory {peakMb:F0} MB, bound {PeakBoundMb} MB");
        Assert.Equal(1, exit);
        var text = child.Out + child.Err;
        var count = rows.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Contains($"trùng khóa (snapshot_date, unit_code, position_group, specialty) trên {count} dòng: 2, 3, 4, 5, 6, …", text);
    }

    private static double? PeakMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException) { return null; }
    }
}
