#:project ../src/Etl/Etl.csproj
#:property TreatWarningsAsErrors=true
#:property PublishAot=false
// Loader throughput against DuckDB's own CSV reader on the same file, in the same run.
// Usage: dotnet run bench/etl_load.cs -- [ROWS] [WORKDIR]     (default 3000000 rows, /tmp/etl-bench)
// Prints the seconds of each and the ratio; the ratio is the number to watch.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Etl.Loading;
using Dapper;
using DuckDB.NET.Data;

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3_000_000;
var dir = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "etl-bench");
Directory.CreateDirectory(dir);
string[] groups = ["can_bo", "cong_chuc", "vien_chuc", "hop_dong"];
string[] specialties = ["lanh_dao", "van_phong", "dat_dai", "quy_hoach_xay_dung", "tai_chinh", "cntt", "giao_duc", "y_te", "tu_phap", "van_hoa_xa_hoi", "kinh_te", "nong_nghiep_moi_truong", "hanh_chinh_cong", "khac"];
const int communes = 3321;
var units = Path.Combine(dir, "units.csv");
var staffing = Path.Combine(dir, $"staffing_{rows}.csv");
if (!File.Exists(staffing))
{
    using (var w = new StreamWriter(units, false, new UTF8Encoding(false)))
    {
        w.WriteLine("unit_code,unit_name,unit_type,parent_code");
        for (var p = 1; p <= 34; p++) w.WriteLine($"P{p:00},Tỉnh {p},tinh,");
        for (var c = 0; c < communes; c++) w.WriteLine($"{c:00000},Xã {c},xa,P{c % 34 + 1:00}");
    }
    using var s = new StreamWriter(staffing, false, new UTF8Encoding(false), 1 << 20);
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
Console.WriteLine($"{rows:N0} rows, {new FileInfo(staffing).Length / 1e6:F0} MB");

var baselineDb = Path.Combine(dir, "baseline.duckdb");
File.Delete(baselineDb);
var sw = Stopwatch.StartNew();
using (var c = new DuckDBConnection($"Data Source={baselineDb}"))
{
    c.Open();
    c.Execute($"create table t as select * from read_csv('{staffing}', header = true)");
}
var baseline = sw.Elapsed.TotalSeconds;
Console.WriteLine($"DuckDB read_csv into a table: {baseline:F1} s");
File.Delete(baselineDb);
sw.Restart();
using (var c = new DuckDBConnection($"Data Source={baselineDb}"))
{
    c.Open();
    c.Execute("create table t (snapshot_date date, phase varchar, unit_code varchar, position_group varchar, specialty varchar, quota integer, actual integer, from_old_district integer, from_old_commune integer, primary key (snapshot_date, unit_code, position_group, specialty))");
    c.Execute($"insert into t select * from read_csv('{staffing}', header = true, types = {{'unit_code': 'VARCHAR'}})");
}
var keyed = sw.Elapsed.TotalSeconds;
Console.WriteLine($"DuckDB read_csv into a table with the natural primary key: {keyed:F1} s");

sw.Restart();
long cells = 0;
using (var reader = Analytics.Etl.Input.CsvTableReader.Open(staffing))
    foreach (var r in reader.Records()) cells += r.Cells.Length;
Console.WriteLine($"CSV tokenizing only: {sw.Elapsed.TotalSeconds:F1} s ({cells:N0} cells)");

var db = Path.Combine(dir, "w.duckdb");
File.Delete(db);
File.Delete(db + ".wal");
sw.Restart();
LoadReport report;
using (var c = Analytics.Etl.Warehouse.Warehouse.OpenMigrated(db))
    report = LoadPipeline.Load(c, [units, staffing], new LoadOptions { Progress = (f, n) => { if (n % 1_000_000 == 0) Console.WriteLine($"  {f}: {n:N0}"); } });
var load = sw.Elapsed.TotalSeconds;
var f = report.Files.Last();
Console.WriteLine($"analytics load (units + staffing): {load:F1} s; {f.Outcome}, inserted {f.Inserted:N0}, errors {f.ErrorCount}; phases {string.Join(", ", f.PhaseSeconds.Select(p => $"{p.Key} {p.Value:F1} s"))}");
sw.Restart();
using (var c = Analytics.Etl.Warehouse.Warehouse.OpenMigrated(db))
    report = LoadPipeline.Load(c, [staffing], new LoadOptions());
var reload = sw.Elapsed.TotalSeconds;
Console.WriteLine($"reload of the identical file: {reload:F1} s; {report.Files[0].Outcome}, unchanged {report.Files[0].Unchanged:N0}; phases {string.Join(", ", report.Files[0].PhaseSeconds.Select(p => $"{p.Key} {p.Value:F1} s"))}");
Console.WriteLine($"ratio load / read_csv: {load / baseline:F1}x; load / read_csv with key: {load / keyed:F1}x; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
