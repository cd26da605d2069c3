using System.Globalization;

namespace Analytics.Bench;

/// <summary>bench/run [--scale province|national] [--runs N] [--rows N] [--work DIR] --cli analytics.dll --repo ROOT</summary>
public sealed record BenchOptions(string Scale, int Runs, int StaffingRows, string Work, string Cli, string Repo, string Self)
{
    public string ResultsPath => Path.Combine(Repo, "bench", "RESULTS.md");
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
            Path.GetFullPath(cli), Path.GetFullPath(repo), self);
    }
}
