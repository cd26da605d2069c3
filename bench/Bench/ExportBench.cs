namespace Analytics.Bench;

/// <summary>`analytics export --format parquet` of the scale warehouse: time and the lake's size.</summary>
public static class ExportBench
{
    public static void Run(BenchOptions o, Results results)
    {
        var db = LoadBench.ScaleDb(o);
        var lake = Path.Combine(o.Work, $"{o.Scale}-lake");
        var runs = new List<double>();
        var mb = new List<double>();
        for (var i = 0; i < o.Runs; i++)
        {
            if (Directory.Exists(lake)) Directory.Delete(lake, true);
            var r = Child.Dotnet(o.Cli, "export", "--db", db, "--format", "parquet", "--out", lake);
            runs.Add(r.Seconds);
            mb.Add(r.PeakMb);
        }
        results.Command($"dotnet {o.Cli} export --db {db} --format parquet --out {lake}");
        results.Add(new Figure($"export the {o.Scale} warehouse to Hive-partitioned Parquet", "s", runs, null, "", "(none)", null, ""));
        results.Add(new Figure("export: peak memory", "MB", mb, null, "", "(none)", null, "VmHWM"));
        var files = Directory.GetFiles(lake, "*.parquet", SearchOption.AllDirectories);
        long bytes = files.Sum(f => new FileInfo(f).Length);
        long warehouse = new FileInfo(db).Length;
        results.Size($"{o.Scale}: Parquet lake", $"{bytes / 1e6:F1} MB in {files.Length} files ({(double)bytes / warehouse:F2}× the warehouse file)");
        foreach (var table in Directory.GetDirectories(lake).Order(StringComparer.Ordinal))
        {
            long b = Directory.GetFiles(table, "*.parquet", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            results.Size($"{o.Scale}: Parquet `{Path.GetFileName(table)}`", $"{b / 1e6:F2} MB");
        }
    }
}
