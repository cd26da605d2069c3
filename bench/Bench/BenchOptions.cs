using System.Globalization;

namespace Analytics.Bench;

/// <summary>bench/run [--scale province|national] [--runs N] [--rows N] [--work DIR] --cli analytics.dll --repo ROOT</summary>
public sealed record BenchOptions(string Scale, int Runs, int StaffingRows, string Work, string Cli, string Repo, string Self,
    IReadOnlySet<string>? Steps = null, string? Results = null)
{
    public string ResultsPath => Results ?? Path.Combine(Repo, "bench", "RESULTS.md");

    /// <summary>--steps staffing,briefings,dashboard,soak,catalogue,export,catalogue-all,load (default: all).</summary>
    public bool Includes(string step) => Steps is null || Steps.Contains(step);
    public string NotesPath => Path.Combine(Repo, "bench", "NOTES.md");

    public static BenchOptions Parse(string[] args)
    {
        string? Get(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var repo = Get("--repo") ?? Directory.GetCurrentDirectory();
        var cli = Get("--cli") ?? throw new ArgumentException("--cli PATH/analytics.dll is required (bench/run passes it)");
        var self = typeof(BenchOptions).Assembly.Location;
        return new BenchOptions(
            Get("--scale") ?? "province",
            int.Parse(Get("--runs") ?? "3", CultureInfo.InvariantCulture),
            int.Parse(Get("--rows") ?? "3000000", CultureInfo.InvariantCulture),
            Get("--work") ?? "/tmp/analytics-bench",
            Path.GetFullPath(cli), Path.GetFullPath(repo), self,
            Get("--steps")?.Split(',').ToHashSet(), Get("--results") is { } r ? Path.GetFullPath(r) : null);
    }
}
