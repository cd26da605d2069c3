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
        // Hải Phòng when its communes are there (national), else the province that has communes
        var one = provinces.OrderByDescending(p => p == "31" && units.Any(u => u.ParentCode == p)).ThenByDescending(p => units.Count(u => u.ParentCode == p)).First();
        var children = units.Where(u => u.ParentCode == one).Select(u => u.Code).ToList();

        (double Wall, double Cpu) Province(IEnumerable<string> codes) => Results.Measure(() =>
        {
            var n = 0;
            foreach (var code in codes)
            {
                n += metrics.Compute(code, asOf).Count;
                foreach (var k in units.Where(u => u.ParentCode == code)) n += metrics.Compute(k.Code, asOf).Count;
            }
            if (n == 0) throw new InvalidOperationException("no values");
        });

        Province([one]); // warm: the first query plans the macros and reads the file into the buffer pool
        var oneRuns = new List<(double Wall, double Cpu)>();
        for (var i = 0; i < o.Runs; i++)
        {
            oneRuns.Add(Province([one]));
            var name = $"catalogue for province {one} + its {children.Count} units (Compute per unit, as of {asOf:yyyy-MM-dd})";
            results.Add(new Figure(name + ": wall", "s", oneRuns.Select(r => r.Wall).ToList(), null, "", "< 1 s", Results.Median(oneRuns.Select(r => r.Wall).ToList()) < 1, $"{o.Scale} warehouse, {children.Count + 1} Compute calls"));
            results.Add(new Figure(name + ": CPU", "s", oneRuns.Select(r => r.Cpu).ToList(), null, "", "(< 1 s on 1 core would need ≤ 1 s)", Results.Median(oneRuns.Select(r => r.Cpu).ToList()) < 1, "CPU of this process, DuckDB threads included"));
            results.Write();
        }

        var allRuns = new List<(double Wall, double Cpu)>();
        for (var i = 0; i < o.Runs; i++)
        {
            allRuns.Add(Province(provinces));
            var name = $"catalogue for every province ({provinces.Count}) + all their units";
            results.Add(new Figure(name + ": wall", "s", allRuns.Select(r => r.Wall).ToList(), null, "", "< 5 s", Results.Median(allRuns.Select(r => r.Wall).ToList()) < 5, $"{units.Count} units in the warehouse, one Compute each"));
            results.Add(new Figure(name + ": CPU", "s", allRuns.Select(r => r.Cpu).ToList(), null, "", "(for reference)", null, ""));
            results.Write();
        }

        // the set-based form, for comparison: every unit in one query through the same macro
        (double Wall, double Cpu) Batch() => Results.Measure(() =>
        {
            var n = connection.ExecuteScalar<long>("select count(*) from metrics.indicator_values_at(null, [$d::date])", new { d = asOf.ToString("yyyy-MM-dd") });
            if (n == 0) throw new InvalidOperationException("no values");
        });
        Batch();
        var batchRuns = Enumerable.Range(0, o.Runs).Select(_ => Batch()).ToList();
        results.Add(new Figure("diagnostic: every unit's catalogue in ONE query (metrics.indicator_values_at(null, [D])): wall",
            "s", batchRuns.Select(r => r.Wall).ToList(), null, "", "(compare with the per-unit figures)", null, "set-based"));
        results.Add(new Figure("diagnostic: the same ONE query: CPU",
            "s", batchRuns.Select(r => r.Cpu).ToList(), null, "", "", null, "set-based"));
        results.Command($"in-process: MetricsService.Compute(unit, {asOf:yyyy-MM-dd}) on {db} (read-only), province and each unit whose parent it is");
    }
}
