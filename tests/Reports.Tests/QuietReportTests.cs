using System.Diagnostics;
using System.Text;

namespace Analytics.Reports.Tests;

/// <summary>
/// `analytics report` run as a child process, so that what native code (Skia) writes to the process's
/// own stderr is seen: a report that succeeds prints nothing that looks like an error.
/// </summary>
[Trait("speed", "slow")]
public sealed class QuietReportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "quiet-report-" + Guid.NewGuid().ToString("N"));

    public QuietReportTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static (int Exit, string Out, string Err) Analytics(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "analytics.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) { p.Kill(); throw new TimeoutException($"analytics {string.Join(" ", args)}"); }
        return (p.ExitCode, output, err.Result);
    }

    [Fact]
    public void Figures_and_briefing_with_last_years_revenue_print_nothing_to_stderr()
    {
        var db = Path.Combine(_dir, "w.duckdb");
        var files = new[] { "units_provinces.csv", "units_31.csv", "revenue_31.csv", "revenue_targets_31.csv" }.Select(f => Path.Combine(RepoPaths.DataSamples, f));
        var load = Analytics(["load", "--db", db, .. files]);
        Assert.True(load.Exit == 0, load.Out + load.Err);

        var outDir = Path.Combine(_dir, "out");
        foreach (var kind in new[] { "figures", "briefing" })
        {
            var (exit, output, err) = Analytics("report", "--db", db, "--unit", "31", "--as-of", "2026-05-31", "--out", outDir, "--kind", kind);
            Assert.True(exit == 0, $"--kind {kind}: exit {exit}\n{output}\n{err}");
            Assert.True(err.Trim().Length == 0, $"--kind {kind} wrote to stderr: {err}");
            foreach (var word in new[] { "Unsupported", "path effect", "error", "warning", "exception" })
                Assert.DoesNotContain(word, output, StringComparison.OrdinalIgnoreCase);
        }
        // The pack holds the chart with two years of monthly revenue, the one that used to print.
        var cumulative = Directory.GetFiles(outDir, "*revenue-cumulative.svg", SearchOption.AllDirectories);
        var svg = File.ReadAllText(Assert.Single(cumulative)).Normalize(NormalizationForm.FormC);
        Assert.Contains("Năm 2025", svg);
        Assert.Contains("Năm 2026", svg);
    }
}
