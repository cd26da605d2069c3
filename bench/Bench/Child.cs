using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Bench;

/// <summary>One run of a child process under /usr/bin/time -v: wall seconds and peak RSS (VmHWM).</summary>
public sealed record ChildRun(double Seconds, double PeakMb, double CpuSeconds, int ExitCode, string Output);

public static partial class Child
{
    /// <summary>Runs `dotnet DLL args` (or any program) under /usr/bin/time -v and returns its time and peak memory.</summary>
    public static ChildRun Run(string program, IEnumerable<string> arguments, bool mustSucceed = true)
    {
        var timeFile = Path.GetTempFileName();
        var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", "-o", timeFile, program }.Concat(arguments)) psi.ArgumentList.Add(a);
        Console.WriteLine($"   $ {Command(program, arguments)}");
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        var seconds = watch.Elapsed.TotalSeconds;
        var output = stdout.Result + stderr.Result;
        var report = File.ReadAllText(timeFile);
        File.Delete(timeFile);
        var rss = MaxRss().Match(report) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1024 : double.NaN;
        // CPU time (user + system, all threads): what the work costs, whatever else the machine is doing
        var cpu = Seconds(UserTime(), report) + Seconds(SystemTime(), report);
        Console.WriteLine($"     {seconds:F2} s wall, {cpu:F2} s CPU, peak {rss:F0} MB, exit {p.ExitCode}");
        if (mustSucceed && p.ExitCode != 0)
            throw new InvalidOperationException($"{Command(program, arguments)} exited {p.ExitCode}: {Tail(output)}");
        return new ChildRun(seconds, rss, cpu, p.ExitCode, output);
    }

    public static ChildRun Dotnet(string dll, params string[] arguments) => Run("dotnet", [dll, .. arguments]);

    public static string Command(string program, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { program }.Concat(arguments).Select(a => a.Contains(' ') ? $"'{a}'" : a));

    public static string Tail(string s, int n = 1500) => s.Length <= n ? s : s[^n..];

    private static double Seconds(Regex r, string report) =>
        r.Match(report) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;

    [GeneratedRegex(@"User time \(seconds\): ([\d.]+)")]
    private static partial Regex UserTime();

    [GeneratedRegex(@"System time \(seconds\): ([\d.]+)")]
    private static partial Regex SystemTime();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();
}
