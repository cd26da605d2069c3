// The benchmark harness: every figure of bench/RESULTS.md, each the median of several runs with
// its baseline measured in the same run. Started by bench/run; see the usage line below.
using System.Diagnostics;
using System.Globalization;
using Analytics.Bench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length > 0 && args[0] == "read-csv")
    return Baseline.ReadCsv(args[1], args[2..]);

var options = BenchOptions.Parse(args);
var results = new Results(options);
results.Machine();
var timer = Stopwatch.StartNew();

void Step(string name, Action action)
{
    if (!options.Includes(name)) return;
    Console.WriteLine($"== {name} ({timer.Elapsed.TotalMinutes:F1} min)");
    try { action(); }
    catch (Exception e)
    {
        Console.WriteLine($"   failed: {e}");
        results.Failure(name, e.Message);
    }
    results.Write(); // after every step, so an interrupted run still leaves what it measured
}

// the slowest (loads) last, so a run cut short at a deadline still holds the quick figures;
// a warehouse left by an earlier run of the same scale is reused until the load step rebuilds it
// one step at a time: on 2 cores a step running beside another would measure both
var scaleLoaded = !File.Exists(LoadBench.ScaleDb(options));
if (scaleLoaded) Step("load", () => LoadBench.Scale(options, results));
Step("briefings", () => ReportBench.Run(options, results));
Step("dashboard", () => DashboardBench.Run(options, results));
Step("soak", () => SoakBench.Run(options, results));
Step("catalogue", () => CatalogueBench.Run(options, results, everyProvince: false));
Step("export", () => ExportBench.Run(options, results));
Step("catalogue-all", () => CatalogueBench.Run(options, results, everyProvince: true));
if (!scaleLoaded) Step("load", () => LoadBench.Scale(options, results));
Step("staffing", () => LoadBench.Staffing(options, results));
results.Finish(timer.Elapsed);
results.Write();
Console.WriteLine($"wrote {options.ResultsPath}");
return 0;
