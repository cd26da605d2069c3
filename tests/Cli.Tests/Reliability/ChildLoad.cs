using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Warehouse;
using Dapper;

namespace Analytics.Cli.Tests.Reliability;

/// <summary>`analytics` run as a child process (dotnet analytics.dll from the test's output folder), so it can be killed.</summary>
public sealed class ChildAnalytics : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new(), _err = new();
    public event Action<string>? ErrorLine;

    public ChildAnalytics(params string[] args) : this(null, args) { }

    /// <summary>With extra environment variables (ANALYTICS_FAULT for the crash points).</summary>
    public ChildAnalytics(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "analytics.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_out) _out.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_err) _err.AppendLine(e.Data);
            ErrorLine?.Invoke(e.Data);
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;
    public string Out { get { lock (_out) return _out.ToString(); } }
    public string Err { get { lock (_err) return _err.ToString(); } }

    /// <summary>SIGKILL: no finally blocks, no flush, no DuckDB checkpoint. True if it was still running.</summary>
    public bool Kill()
    {
        if (_process.HasExited) return false;
        try { _process.Kill(); } catch (InvalidOperationException) { return false; }
        _process.WaitForExit();
        return true;
    }

    public int Wait(TimeSpan bound)
    {
        if (!_process.WaitForExit(bound))
        {
            Kill();
            throw new TimeoutException($"analytics did not finish within {bound}; stderr: {Err}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}

/// <summary>What a warehouse holds: row count and content checksum of every raw table, and the journal's successes per file.</summary>
public sealed record WarehouseState(IReadOnlyDictionary<string, string> Tables, IReadOnlyList<string> Successes)
{
    public static WarehouseState Of(string db)
    {
        using var c = WarehouseFile.Open(db, readOnly: true);
        var tables = c.Query<string>("select table_name from duckdb_tables() where schema_name = 'raw' order by table_name").ToList();
        var content = tables.ToDictionary(t => t, t => c.ExecuteScalar<string>(
            $"select count(*) || ' rows, checksum ' || coalesce(cast(sum(hash(t.row_hash, t.source_line, t.source_sheet)) as varchar), '0') from raw.{t} t")!);
        var successes = c.Query<string>("select file_name || ' ' || outcome from meta.loads where outcome <> 'refused' order by load_id").ToList();
        return new WarehouseState(content, successes);
    }

    public bool SameAs(WarehouseState other) =>
        Tables.Count == other.Tables.Count && Tables.All(kv => other.Tables.TryGetValue(kv.Key, out var v) && v == kv.Value)
        && Successes.SequenceEqual(other.Successes);

    public override string ToString() =>
        string.Join("; ", Tables.Select(kv => $"{kv.Key}: {kv.Value}")) + " | journal: " + string.Join(", ", Successes);
}

/// <summary>A units file (one province, N communes) and a large valid staffing file over them.</summary>
public static class LargeStaffing
{
    public static readonly string[] Groups = ["can_bo", "cong_chuc", "vien_chuc", "hop_dong"];
    public static readonly string[] Specialties =
        ["lanh_dao", "van_phong", "dat_dai", "quy_hoach_xay_dung", "tai_chinh", "cntt", "giao_duc", "y_te", "tu_phap",
         "van_hoa_xa_hoi", "kinh_te", "nong_nghiep_moi_truong", "hanh_chinh_cong", "khac"];

    public static string Units(string dir, int communes)
    {
        var path = Path.Combine(dir, "units.csv");
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("unit_code,unit_name,unit_type,parent_code");
        w.WriteLine("77,Tỉnh Thử,tinh,");
        for (var i = 0; i < communes; i++) w.WriteLine($"{Code(i)},Xã Thử {i},xa,77");
        return path;
    }

    /// <summary>communes × 56 cells × dates rows, every one valid.</summary>
    public static string Staffing(string dir, string name, int communes, int dates, int firstYear = 2025)
    {
        var path = Path.Combine(dir, name);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.WriteLine("snapshot_date,phase,unit_code,position_group,specialty,quota,actual,from_old_district,from_old_commune");
        var row = 0;
        for (var d = 0; d < dates; d++)
        {
            var date = new DateOnly(firstYear, 7, 1).AddMonths(3 * d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var u = 0; u < communes; u++)
                foreach (var g in Groups)
                    foreach (var s in Specialties)
                    {
                        var quota = 1 + row % 7;
                        var actual = row % 9;
                        w.WriteLine($"{date},sau_sap_xep,{Code(u)},{g},{s},{quota},{actual},{actual / 3},{actual / 3}");
                        row++;
                    }
        }
        return path;
    }

    private static string Code(int i) => "77" + (100 + i).ToString("D3", CultureInfo.InvariantCulture);
}
