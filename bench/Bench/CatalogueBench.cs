using System.Diagnostics;
using Analytics.Etl.Warehouse;
using Analytics.Metrics;
using Dapper;

namespace Analytics.Bench;

/// <summary>The whole catalogue (MetricsService.Compute) for a province and each unit directly under
/// it, at the latest month end, in-process on a read-only connection (as the CLI and reports use it).</summary>
public static class CatalogueBench
{
    public static void Run(BenchOptions o, Results results)
    {
        var db = LoadBench.ScaleDb(o);
        using var connection = Warehouse.Open(db, readOnly: true);
        var metrics = new MetricsService(connection);
        var asOf = metrics.LatestMonthEnd() ?? throw new InvalidOperationException("no month end in " + db);
        var units = metrics.Units();
        var provinces = units.Where(u => u.ParentCode is null && u.Type is "tinh" or "thanh_pho").Select(u => u.Code).ToList();
        var one = provinces.Contains("31") ? "31" : provinces[0];
        var children = units.Where(u => u.ParentCode == one).Select(u => u.Code).ToList();

        double Province(string code)
        {
            var kids = units.Where(u => u.ParentCode == code).Select(u => u.Code).ToList();
            var w = Stopwatch.StartNew();
            var n = metrics.Compute(code, asOf).Count;
            foreach (var k in kids) n += metrics.Compute(k, asOf).Count;
            if (n == 0) throw new InvalidOperationException($"no values for {code}");
            return w.Elapsed.TotalSeconds;
        }

        Province(one); // warm: the first query plans the macros and reads the file into the buffer pool
        var oneRuns = Enumerable.Range(0, o.Runs).Select(_ => Province(one)).ToList();
        results.Add(new Figure($"catalogue for province {one} + its {children.Count} units (Compute per unit, as of {asOf:yyyy-MM-dd})",
            "s", oneRuns, null, "", "< 1 s", Results.Median(oneRuns) < 1, $"{o.Scale} warehouse"));

        var allRuns = Enumerable.Range(0, o.Runs).Select(_ => provinces.Sum(Province)).ToList();
        results.Add(new Figure($"catalogue for every province ({provinces.Count}) + all their units",
            "s", allRuns, null, "", "< 5 s", Results.Median(allRuns) < 5, $"{units.Count} units in the warehouse"));

        // the set-based form, for comparison: every unit in one query through the same macro
        double Batch()
        {
            var w = Stopwatch.StartNew();
            var n = connection.ExecuteScalar<long>("select count(*) from metrics.indicator_values_at(null, [$d::date])", new { d = asOf.ToString("yyyy-MM-dd") });
            if (n == 0) throw new InvalidOperationException("no values");
            return w.Elapsed.TotalSeconds;
        }
        Batch();
        var batchRuns = Enumerable.Range(0, o.Runs).Select(_ => Batch()).ToList();
        results.Add(new Figure("diagnostic: every unit's catalogue in ONE query (metrics.indicator_values_at(null, [D]))",
            "s", batchRuns, null, "", "(none)", null, "set-based"));
        results.Command($"in-process: MetricsService.Compute(unit, {asOf:yyyy-MM-dd}) on {db} (read-only), province and each unit whose parent it is");
    }
}
