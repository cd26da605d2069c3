using System.Text;

namespace Analytics.Bench;

/// <summary>Validated load (`analytics load`) against DuckDB's read_csv of the same files, both as
/// child processes under /usr/bin/time -v, alternating, each into a fresh warehouse file.</summary>
public static class LoadBench
{
    public static void Staffing(BenchOptions o, Results results)
    {
        var dir = Path.Combine(o.Work, "staffing");
        Directory.CreateDirectory(dir);
        var (units, staffing) = StaffingFile(dir, o.StaffingRows);
        Compare(o, results, $"load {o.StaffingRows / 1e6:F0}M-row staffing CSV (+ units)", dir, [units, staffing], [units, staffing], "staffing");
    }

    public static string ScaleDir(BenchOptions o) => Path.Combine(o.Work, o.Scale);
    public static string ScaleDb(BenchOptions o) => Path.Combine(o.Work, $"{o.Scale}.duckdb");

    public static void Scale(BenchOptions o, Results results)
    {
        var dir = ScaleDir(o);
        var done = Path.Combine(dir, ".generated");
        if (!File.Exists(done))
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            var gen = Child.Dotnet(o.Cli, "generate", "--scale", o.Scale, "--out", dir);
            results.Command($"analytics generate --scale {o.Scale} --out {dir}   # {gen.Seconds:F0} s");
            File.WriteAllText(done, "");
        }
        var csvs = Directory.GetFiles(dir, "*.csv").Order(StringComparer.Ordinal).ToArray();
        var others = Directory.GetFiles(dir).Where(f => !f.EndsWith(".csv", StringComparison.Ordinal) && !f.EndsWith(".generated", StringComparison.Ordinal)).ToArray();
        var note = others.Length == 0 ? "" : $"; {others.Length} non-CSV files loaded by us only";
        Compare(o, results, $"load `generate --scale {o.Scale}` files ({csvs.Length} CSV{note})", dir, [dir], csvs, o.Scale, keep: ScaleDb(o));
        long bytes = Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);
        results.Size($"{o.Scale} input files", $"{bytes / 1e6:F1} MB");
    }

    private static void Compare(BenchOptions o, Results results, string name, string dir, string[] loadArgs, string[] csvs, string tag, string? keep = null)
    {
        var ours = new List<double>();
        var oursMb = new List<double>();
        var baseline = new List<double>();
        var baselineMb = new List<double>();
        var oursCpu = new List<double>();
        var baselineCpu = new List<double>();
        var db = Path.Combine(o.Work, $"{tag}-load.duckdb");
        var baseDb = Path.Combine(o.Work, $"{tag}-read_csv.duckdb");
        for (var i = 0; i < o.Runs; i++)
        {
            // alternate which goes first, so neither always runs on a warmer page cache
            for (var k = 0; k < 2; k++)
            {
                if ((i + k) % 2 == 0)
                {
                    Delete(db);
                    var r = Child.Dotnet(o.Cli, ["load", "--db", db, .. loadArgs]);
                    ours.Add(r.Seconds);
                    oursMb.Add(r.PeakMb);
                    oursCpu.Add(r.CpuSeconds);
                }
                else
                {
                    var r = Child.Dotnet(o.Self, ["read-csv", baseDb, .. csvs]);
                    baseline.Add(r.Seconds);
                    baselineMb.Add(r.PeakMb);
                    baselineCpu.Add(r.CpuSeconds);
                }
            }
            Record(results, name, ours, oursMb, oursCpu, baseline, baselineMb, baselineCpu, i + 1, o.Runs);
            results.Write();
        }
        results.Command($"dotnet {o.Cli} load --db {db} {string.Join(' ', loadArgs)}");
        results.Command($"dotnet {o.Self} read-csv {baseDb} <the same {csvs.Length} CSV files>   # create table tN as select * from read_csv(FILE, header = true, sample_size = -1)");
        long input = csvs.Sum(f => new FileInfo(f).Length);
        if (Directory.Exists(loadArgs[0])) input = Directory.GetFiles(loadArgs[0]).Where(f => !f.EndsWith(".generated", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        long warehouse = new FileInfo(db).Length + (File.Exists(db + ".wal") ? new FileInfo(db + ".wal").Length : 0);
        long baseSize = new FileInfo(baseDb).Length;
        results.Size($"{tag}: input files", $"{input / 1e6:F1} MB");
        results.Size($"{tag}: warehouse after load", $"{warehouse / 1e6:F1} MB ({(double)warehouse / input:F2}× the input; read_csv tables alone: {baseSize / 1e6:F1} MB)");
        if (keep is not null)
        {
            Delete(keep);
            File.Move(db, keep);
            if (File.Exists(db + ".wal")) File.Move(db + ".wal", keep + ".wal");
        }
        Delete(baseDb);
    }

    private static void Record(Results results, string name, List<double> ours, List<double> oursMb, List<double> oursCpu,
        List<double> baseline, List<double> baselineMb, List<double> baselineCpu, int done, int runs)
    {
        var partial = done < runs ? $"; only {done} of {runs} runs finished" : "";
        var ratio = Results.Median(ours) / Results.Median(baseline);
        results.Add(new Figure(name + ": wall time", "s", [.. ours], [.. baseline], "DuckDB read_csv", "≤ 1.5× read_csv", ratio <= 1.5, "child processes, dotnet start-up included" + partial));
        results.Add(new Figure(name + ": CPU time (user + sys)", "s", [.. oursCpu], [.. baselineCpu], "DuckDB read_csv", "(contention-proof view of the same)", null, "" + partial));
        results.Add(new Figure(name + ": peak memory", "MB", [.. oursMb], [.. baselineMb], "read_csv", "≤ 2048 MB", Results.Median(oursMb) <= 2048, "VmHWM" + partial));
    }

    public static void Delete(string db)
    {
        foreach (var f in new[] { db, db + ".wal" }) File.Delete(f);
    }

    /// <summary>A staffing file of the contract (INPUTS.md) over 3,321 communes, quarterly snapshots; and its units.</summary>
    private static (string Units, string Staffing) StaffingFile(string dir, int rows)
    {
        string[] groups = ["can_bo", "cong_chuc", "vien_chuc", "hop_dong"];
        string[] specialties = ["lanh_dao", "van_phong", "dat_dai", "quy_hoach_xay_dung", "tai_chinh", "cntt", "giao_duc", "y_te", "tu_phap", "van_hoa_xa_hoi", "kinh_te", "nong_nghiep_moi_truong", "hanh_chinh_cong", "khac"];
        const int communes = 3321;
        var units = Path.Combine(dir, "units.csv");
        var staffing = Path.Combine(dir, $"staffing_{rows}.csv");
        if (File.Exists(staffing)) return (units, staffing);
        using (var w = new StreamWriter(units, false, new UTF8Encoding(false)))
        {
            w.WriteLine("unit_code,unit_name,unit_type,parent_code");
            for (var p = 1; p <= 34; p++) w.WriteLine($"P{p:00},Tỉnh {p},tinh,");
            for (var c = 0; c < communes; c++) w.WriteLine($"{c:00000},Xã {c},xa,P{c % 34 + 1:00}");
        }
        var tmp = staffing + ".tmp";
        using (var s = new StreamWriter(tmp, false, new UTF8Encoding(false), 1 << 20))
        {
            s.WriteLine("snapshot_date,phase,unit_code,position_group,specialty,quota,actual,from_old_district,from_old_commune");
            var perSnapshot = communes * groups.Length * specialties.Length;
            var rng = new Random(42);
            for (var i = 0; i < rows; i++)
            {
                var snapshot = new DateOnly(2022, 1, 15).AddMonths(3 * (i / perSnapshot));
                var r = i % perSnapshot;
                var actual = rng.Next(0, 6);
                var district = rng.Next(0, actual + 1);
                s.WriteLine($"{snapshot:yyyy-MM-dd},sau_sap_xep,{r / (groups.Length * specialties.Length):00000},{groups[r / specialties.Length % groups.Length]},{specialties[r % specialties.Length]},{rng.Next(0, 6)},{actual},{district},{rng.Next(0, actual - district + 1)}");
            }
        }
        File.Move(tmp, staffing);
        return (units, staffing);
    }
}
