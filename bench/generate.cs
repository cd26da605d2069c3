#:project ../src/Synthetic/Synthetic.csproj
#:property TreatWarningsAsErrors=true
#:property PublishAot=false
// Synthetic generator throughput against the I/O floor: copying the very files it wrote, in the same run.
// Usage: dotnet run bench/generate.cs -- [SCALE] [WORKDIR]     (default national, /tmp/generate-bench)
// Prints rows, seconds of each, the ratio (generate ÷ copy; the number to watch) and the peak working set.
using System.Diagnostics;
using Analytics.Synthetic;

var scale = args.Length > 0 ? args[0] : "national";
var dir = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "generate-bench");
var generated = Path.Combine(dir, "generated");
var copied = Path.Combine(dir, "copied");
foreach (var d in new[] { generated, copied }) if (Directory.Exists(d)) Directory.Delete(d, true);
Directory.CreateDirectory(copied);

var sw = Stopwatch.StartNew();
var summary = SyntheticGenerator.Generate(SyntheticScale.For(scale), generated, 1);
var generate = sw.Elapsed.TotalSeconds;
var peak = Process.GetCurrentProcess().PeakWorkingSet64;

sw.Restart();
foreach (var f in summary.Files) File.Copy(f, Path.Combine(copied, Path.GetFileName(f)));
var copy = sw.Elapsed.TotalSeconds;

var bytes = summary.Files.Sum(f => new FileInfo(f).Length);
Console.WriteLine($"{scale}: {summary.Files.Count} files, {summary.TotalRows:N0} rows, {bytes / 1e6:F0} MB");
Console.WriteLine($"generate {generate:F1} s ({summary.TotalRows / generate / 1e6:F2} M rows/s), copy {copy:F1} s, ratio {generate / copy:F1}");
Console.WriteLine($"peak working set {peak / 1e6:F0} MB");
