using Analytics.Warehouse;
using System.Text;
using Analytics.Etl.Loading;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Tests;

/// <summary>A scratch folder with a warehouse file, deleted after the test.</summary>
public sealed class Scratch : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("etl-test-").FullName;
    public string Db => Path.Combine(Dir, "w.duckdb");

    public string Write(string name, string content, bool bom = false)
    {
        var path = Path.Combine(Dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private DuckDBConnection? _connection;

    /// <summary>The test's warehouse connection, opened once (opening a DuckDB file is the slow part).</summary>
    public DuckDBConnection Connection => _connection ??= WarehouseFile.OpenMigrated(InMemory ? ":memory:" : Db);

    /// <summary>Tests that only read results through Connection use an in-memory warehouse (no fsync per commit).</summary>
    public bool InMemory { get; init; } = true;

    /// <summary>Closes the shared connection, e.g. before another process opens the file.</summary>
    public void Close()
    {
        _connection?.Dispose();
        _connection = null;
    }

    public LoadReport Load(LoadOptions? options, params string[] paths) => LoadPipeline.Load(Connection, paths, options ?? new LoadOptions());

    public LoadReport Load(params string[] paths) => Load(null, paths);

    public long Count(string table)
    {
        return Connection.ExecuteScalar<long>($"select count(*) from {table}");
    }

    public IReadOnlyList<T> Query<T>(string sql)
    {
        return Connection.Query<T>(sql).ToList();
    }

    /// <summary>Row counts of every raw table and the journal, to prove a refused file changed nothing.</summary>
    public Dictionary<string, long> RawCounts()
    {
        var c = Connection;
        var tables = c.Query<string>("select table_name from duckdb_tables() where schema_name = 'raw' order by table_name").ToList();
        return tables.ToDictionary(t => t, t => c.ExecuteScalar<long>($"select count(*) from raw.{t}"));
    }

    /// <summary>Units 98 (province), 09801/09802 (communes), 98S01 (department) and tasks T1, T2.</summary>
    public void LoadBase()
    {
        var units = Write("base/units.csv", """
            unit_code,unit_name,unit_type,parent_code
            98,Tỉnh Mẫu,tinh,
            97,Tỉnh Bạn,tinh,
            09801,Phường Bắc,phuong,98
            09802,Xã Nam,xa,98
            98S01,Văn phòng UBND tỉnh,co_quan,98
            """);
        var tasks = Write("base/tasks.csv", """
            task_id,source_doc,source_date,title,lead_unit,assigned_date,due_date
            T1,3-CV/TU,2026-01-05,Rà soát quy chế,98S01,2026-01-10,2026-03-31
            T2,3-CV/TU,2026-01-05,Số hóa hồ sơ,09801,,2026-06-30
            """);
        var report = Load(units, tasks);
        Assert.True(report.Ok, string.Join("\n", report.Files.SelectMany(f => f.Errors).Select(e => e.ReasonEn)));
    }

    public void Dispose()
    {
        Close();
        try { Directory.Delete(Dir, true); } catch (IOException) { }
    }
}

public static class ReportAssert
{
    /// <summary>The file was refused and has an error at this line and column.</summary>
    public static LoadIssue RefusedAt(LoadReport report, int line, string? column)
    {
        var file = Assert.Single(report.Files);
        Assert.Equal(LoadOutcome.Refused, file.Outcome);
        var issue = file.Errors.FirstOrDefault(e => e.Line == line && e.Column == column);
        Assert.True(issue is not null,
            $"no error at line {line} column {column}; errors: " + string.Join("; ", file.Errors.Select(e => $"{e.Line} {e.Column} {e.ReasonEn}")));
        Assert.False(string.IsNullOrWhiteSpace(issue!.ReasonVi));
        Assert.False(string.IsNullOrWhiteSpace(issue.ReasonEn));
        return issue;
    }
}
