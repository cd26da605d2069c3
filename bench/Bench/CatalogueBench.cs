using Analytics.Warehouse;
using Analytics.Metrics;
using Dapper;

namespace Analytics.Bench;

/// <summary>The whole catalogue for a province and each unit directly under it, at the latest month
/// end, in-process on a read-only connection: headline, the product's way (MetricsService over the
/// snapshot's SnapshotValues, as the dashboard and the commune briefs use it: every unit's catalogue
/// at D in one set-based query, then each unit from memory; a fresh SnapshotValues per run, so the
/// query is part of every run); baseline beside it, one Compute query per unit (no held values).</summary>
public static class CatalogueBench
{
    public static void Run(BenchOptions o, Results results, bool everyProvince)
    {
        var db = LoadBench.ScaleDb(o);
        using var connection = WarehouseFile.Open(db, readOnly: true);
        var metrics = new MetricsService(connection);
        var asOf = metrics.LatestMonthEnd() ?? throw new InvalidOperationException("no month end in " + db);
        var units = metrics.Units();
        var provinces = units.Where(u => u.ParentCode is null && u.Type is "tinh" or "thanh_pho").Select(u => u.Code).ToList();
        // Hải Phòng when its communes are there (national), else the province that has communes
        var one = provinces.OrderByDescending(p => p == "31" && units.Any(u => u.ParentCode == p)).ThenByDescending(p => units.Count(u => u.ParentCode == p)).First();
        var children = units.Where(u => u.ParentCode == one).Select(u => u.Code).ToList();

        (double Wall, double Cpu) Province(MetricsService m, IEnumerable<string> codes) => Results.Measure(() =>
        {
            var n = 0;
            foreach (var code in codes)
            {
                n += m.Compute(code, asOf).Count;
                foreach (var k in units.Where(u => u.ParentCode == code)) n += m.Compute(k.Code, asOf).Count;
            }
            if (n == 0) throw new InvalidOperationException("no values");
        });
        // each run starts with nothing held: the set-based query and reading its rows are measured every time
        (double Wall, double Cpu) Held(IEnumerable<string> codes) => Province(new SnapshotMetricsService(connection, new SnapshotValues()), codes);

        metrics.Compute(one, asOf); // warm: the first query plans the macros and reads the file into the buffer pool
        Held([one]);
        if (!everyProvince)
        {
            Record(o, results, $"catalogue for province {one} + its {children.Count} units (the product's way: SnapshotValues, every unit at D in one query, as of {asOf:yyyy-MM-dd})",
                "< 1 s", 1, $"{o.Scale} warehouse, {children.Count + 1} units, fresh SnapshotValues per run", () => Held([one]));
            Record(o, results, $"baseline: catalogue for province {one} + its {children.Count} units (Compute per unit, no held values, as of {asOf:yyyy-MM-dd})",
                "(baseline)", null, $"{o.Scale} warehouse, {children.Count + 1} Compute queries", () => Province(metrics, [one]));
            // the set-based query alone, without shaping the rows
            Record(o, results, "diagnostic: every unit's catalogue in ONE query (metrics.indicator_values_at(null, [D]), count only)",
                "(compare with the per-unit figure)", null, $"{units.Count} units, set-based", () => Results.Measure(() =>
                {
                    var n = connection.ExecuteScalar<long>("select count(*) from metrics.indicator_values_at(null, [$d::date])", new { d = asOf.ToString("yyyy-MM-dd") });
                    if (n == 0) throw new InvalidOperationException("no values");
                }));
        }
        else
        {
            Record(o, results, $"catalogue for every province ({provinces.Count}) + all their units (the product's way: SnapshotValues)",
                "< 5 s", 5, $"{units.Count} units in the warehouse, fresh SnapshotValues per run", () => Held(provinces));
            // one Compute per unit costs ≈ 0.2–0.4 s of planning each: at national scale (3,300+ units)
            // one run would take 15–20 minutes, so there the one-province baseline stands for it
            if (units.Count <= 1000)
                Record(o, results, $"baseline: catalogue for every province ({provinces.Count}) + all their units (Compute per unit)",
                    "(baseline)", null, $"{units.Count} units in the warehouse, one Compute query each", () => Province(metrics, provinces));
            else
                results.Command($"baseline for every province not run at {units.Count} units (one Compute per unit ≈ 0.2–0.4 s each); see the one-province baseline");
        }
        results.Command($"in-process: MetricsService(connection, new SnapshotValues()).Compute(unit, {asOf:yyyy-MM-dd}) on {db} (read-only), province and each unit whose parent it is; baseline MetricsService(connection).Compute per unit");
    }

    /// <summary>Runs the measurement o.Runs times, recording wall and CPU after each run (a run cut short keeps what it measured).</summary>
    private static void Record(BenchOptions o, Results results, string name, string target, double? limit, string note, Func<(double Wall, double Cpu)> measure)
    {
        var runs = new List<(double Wall, double Cpu)>();
        for (var i = 0; i < o.Runs; i++)
        {
            runs.Add(measure());
            var partial = i + 1 < o.Runs ? $"; only {i + 1} of {o.Runs} runs finished" : "";
            var wall = runs.Select(r => r.Wall).ToList();
            results.Add(new Figure(name + ": wall", "s", wall, null, "", target, limit is { } l ? Results.Median(wall) < l : null, note + partial));
            results.Add(new Figure(name + ": CPU", "s", runs.Select(r => r.Cpu).ToList(), null, "", "", null, "CPU of this process, DuckDB threads included" + partial));
            results.Write();
        }
    }
}
