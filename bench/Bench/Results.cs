using System.Globalization;
using System.Text;

namespace Analytics.Bench;

/// <summary>One measured figure: the median of its runs, its baseline (same run) and target.</summary>
public sealed record Figure(string Name, string Unit, IReadOnlyList<double> Runs, IReadOnlyList<double>? BaselineRuns,
    string BaselineName, string Target, bool? Met, string Note)
{
    public double Median => Results.Median(Runs);
    public double? BaselineMedian => BaselineRuns is { Count: > 0 } b ? Results.Median(b) : null;
}

public sealed class Results(BenchOptions options)
{
    private readonly List<Figure> figures = [];
    private readonly List<string> commands = [];
    private readonly List<(string Name, string Value)> sizes = [];
    private readonly List<string> machine = [];
    private readonly List<string> failures = [];
    private string finish = "(run in progress or interrupted)";

    public static double Median(IReadOnlyList<double> xs)
    {
        var s = xs.Where(x => !double.IsNaN(x)).Order().ToList();
        if (s.Count == 0) return double.NaN;
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    /// <summary>Adds the figure, or replaces the one of the same name (a step records its runs as they finish).</summary>
    public void Add(Figure f)
    {
        lock (figures) AddLocked(f);
    }

    private void AddLocked(Figure f)
    {
        var i = figures.FindIndex(x => x.Name == f.Name);
        if (i >= 0) figures[i] = f; else figures.Add(f);
        Console.WriteLine($"   -> {f.Name}: {Format(f.Median, f.Unit)}" + (f.BaselineMedian is { } b ? $" vs {Format(b, f.Unit)}" : "") + $" [{f.Target}] {(f.Met is null ? "" : f.Met.Value ? "met" : "MISSED")}");
    }

    public void Command(string c) { lock (figures) if (!commands.Contains(c)) commands.Add(c); }
    public void Size(string name, string value)
    {
        lock (figures) SizeLocked(name, value);
    }

    private void SizeLocked(string name, string value)
    {
        sizes.RemoveAll(x => x.Name == name);
        sizes.Add((name, value));
    }
    public void Failure(string step, string message) { lock (figures) failures.Add($"{step}: {message}"); }

    public void Machine()
    {
        machine.Add($"date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}");
        machine.Add($"nproc: {Environment.ProcessorCount}");
        machine.Add($"memory: {MemTotalGb():F1} GB");
        machine.Add($"CPU: {CpuModel()}");
        machine.Add($"OS: {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; .NET {Environment.Version}");
        machine.Add($"load average at start (1, 5, 15 min): {LoadAverage()}");
        machine.Add($"scale: {options.Scale}; runs per figure: {options.Runs}; staffing file: {options.StaffingRows:N0} rows");
    }

    public void Finish(TimeSpan total) =>
        finish = $"load average at end (1, 5, 15 min): {LoadAverage()}; whole bench took {total.TotalMinutes:F1} min";

    public static string LoadAverage() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static double MemTotalGb() =>
        File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] is var kb ? double.Parse(kb, CultureInfo.InvariantCulture) / 1024 / 1024 : 0;

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    public static string Format(double v, string unit) => double.IsNaN(v) ? "n/a" : unit switch
    {
        "s" => $"{v:F2} s",
        "ms" => $"{v:F1} ms",
        "MB" => $"{v:F0} MB",
        "count" => $"{v:F0}",
        _ => $"{v:F2} {unit}",
    };

    public void Write()
    {
        lock (figures) WriteLocked();
    }

    /// <summary>Wall and CPU seconds (all threads of this process, DuckDB's included) of one call.</summary>
    public static (double Wall, double Cpu) Measure(Action action)
    {
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var w = System.Diagnostics.Stopwatch.StartNew();
        action();
        return (w.Elapsed.TotalSeconds, (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private void WriteLocked()
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmark results");
        md.AppendLine();
        md.AppendLine("Written by `bench/run` (do not edit by hand; the analysis is in `bench/NOTES.md`, copied below).");
        md.AppendLine("Every figure is the median of the runs listed; the baseline is measured in the same run, on the same files.");
        md.AppendLine();
        md.AppendLine("## Machine");
        md.AppendLine();
        foreach (var m in machine) md.AppendLine($"- {m}");
        md.AppendLine($"- {finish}");
        md.AppendLine();
        md.AppendLine("## Figures");
        md.AppendLine();
        md.AppendLine("| figure | ours (median) | baseline (median) | ratio | target | met | runs |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var f in figures)
        {
            var ratio = f.BaselineMedian is { } b && b > 0 ? $"{f.Median / b:F2}×" : "";
            var baseline = f.BaselineMedian is { } bm ? $"{Format(bm, f.Unit)} ({f.BaselineName})" : f.BaselineName;
            var met = f.Met is null ? "" : f.Met.Value ? "yes" : "**no**";
            var runs = string.Join(", ", f.Runs.Select(r => Format(r, f.Unit)));
            if (f.BaselineRuns is { Count: > 0 }) runs += "; baseline " + string.Join(", ", f.BaselineRuns.Select(r => Format(r, f.Unit)));
            md.AppendLine($"| {f.Name}{(f.Note.Length > 0 ? $" ({f.Note})" : "")} | {Format(f.Median, f.Unit)} | {baseline} | {ratio} | {f.Target} | {met} | {runs} |");
        }
        md.AppendLine();
        if (sizes.Count > 0)
        {
            md.AppendLine("## Sizes on disk");
            md.AppendLine();
            md.AppendLine("| what | size |");
            md.AppendLine("| --- | --- |");
            foreach (var (n, v) in sizes) md.AppendLine($"| {n} | {v} |");
            md.AppendLine();
        }
        if (failures.Count > 0)
        {
            md.AppendLine("## Steps that failed in this run");
            md.AppendLine();
            foreach (var f in failures) md.AppendLine($"- {f}");
            md.AppendLine();
        }
        md.AppendLine("## Commands");
        md.AppendLine();
        md.AppendLine("```");
        md.AppendLine($"bench/run --scale {options.Scale} --runs {options.Runs} --rows {options.StaffingRows}");
        foreach (var c in commands) md.AppendLine(c);
        md.AppendLine("```");
        md.AppendLine();
        if (File.Exists(options.NotesPath))
        {
            md.AppendLine(File.ReadAllText(options.NotesPath).TrimEnd());
            md.AppendLine();
        }
        File.WriteAllText(options.ResultsPath, md.ToString());
    }
}
