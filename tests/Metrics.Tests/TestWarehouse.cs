using Analytics.Warehouse;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Metrics.Tests;

/// <summary>
/// A migrated warehouse in a temporary file, filled through raw.* directly in the canonical form
/// the loaders write (the loaders are another component). Dispose deletes the file.
/// </summary>
public sealed class TestWarehouse : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "metrics-tests-" + Guid.NewGuid().ToString("N"));

    public TestWarehouse()
    {
        Directory.CreateDirectory(_dir);
        Connection = WarehouseFile.OpenMigrated(DbPath);
        Connection.Execute("insert into meta.loads (load_id, file_name, sha256, dataset, started_at, finished_at, rows_read, inserted, outcome) values (1, 'fixture.csv', 'f1', 'fixture', '2026-11-25 09:00:00', '2026-11-25 09:00:01', 0, 0, 'loaded')");
    }

    public string DbPath => Path.Combine(_dir, "w.duckdb");

    public DuckDBConnection Connection { get; private set; }

    public MetricsService Metrics => new(Connection);

    /// <summary>Reopens the file read-only, as the CLI and the dashboard do.</summary>
    public void ReopenReadOnly()
    {
        Connection.Dispose();
        Connection = WarehouseFile.Open(DbPath, readOnly: true);
    }

    public TestWarehouse Unit(string code, string name, string type, string? parent = null, string? cluster = null)
    {
        Connection.Execute("insert into raw.units (unit_code, unit_name, unit_type, parent_code, cluster, row_hash, load_id) values ($code, $name, $type, $parent, $cluster, 'h', 1)",
            new { code, name, type, parent, cluster });
        return this;
    }

    public TestWarehouse Task(string id, string lead, string assigned, string? due, string title = "Nhiệm vụ", string? clause = null)
    {
        Connection.Execute("insert into raw.tasks (task_id, source_doc, source_date, clause, title, lead_unit, assigned_date, due_kind, due_date, row_hash, load_id) values ($id, '14-CV/TU', $assigned::date, $clause, $title, $lead, $assigned::date, case when $due is null then 'khong' else 'ngay' end, $due::date, 'h', 1)", new { id, lead, assigned, due, title, clause });
        return this;
    }

    public TestWarehouse Update(string taskId, string reported, string status, string? completed = null)
    {
        Connection.Execute("insert into raw.task_updates (task_id, report_date, status, completed_date, row_hash, load_id) values ($taskId, $reported::date, $status, $completed::date, 'h', 1)",
            new { taskId, reported, status, completed });
        return this;
    }

    public TestWarehouse Staffing(string snapshot, string unit, string group, string specialty, int quota, int actual, int? fromOldDistrict = null, string phase = "sau_sap_xep")
    {
        Connection.Execute("insert into raw.staffing (snapshot_date, phase, unit_code, position_group, specialty, quota, actual, from_old_district, row_hash, load_id) values ($snapshot::date, $phase, $unit, $group, $specialty, $quota, $actual, $fromOldDistrict, 'h', 1)", new { snapshot, phase, unit, group, specialty, quota, actual, fromOldDistrict });
        return this;
    }

    public TestWarehouse Index(int year, string index, string unit, string component, double score, double? maxScore = null, int? rank = null)
    {
        Connection.Execute("insert into raw.admin_indices (year, index_code, unit_code, component, score, max_score, rank, row_hash, load_id) values ($year, $index, $unit, $component, $score, $maxScore, $rank, 'h', 1)", new { year, index, unit, component, score, maxScore, rank });
        return this;
    }

    public TestWarehouse Revenue(int year, int month, string unit, string category, double amount)
    {
        Connection.Execute("insert into raw.revenue (year, month, unit_code, category, amount_bn_vnd, row_hash, load_id) values ($year, $month, $unit, $category, $amount, 'h', 1)",
            new { year, month, unit, category, amount });
        return this;
    }

    public TestWarehouse RevenueTarget(int year, string unit, string category, string kind, int throughMonth, double amount)
    {
        Connection.Execute("insert into raw.revenue_targets (year, unit_code, category, target_kind, through_month, amount_bn_vnd, row_hash, load_id) values ($year, $unit, $category, $kind, $throughMonth, $amount, 'h', 1)",
            new { year, unit, category, kind, throughMonth, amount });
        return this;
    }

    public TestWarehouse Grdp(string period, string unit, string kind, string start, string end, double growth)
    {
        Connection.Execute("insert into raw.grdp (period, unit_code, year, period_kind, period_start, period_end, growth_pct, row_hash, load_id) values ($period, $unit, year($start::date), $kind, $start::date, $end::date, $growth, 'h', 1)", new { period, unit, kind, start, end, growth });
        return this;
    }

    public TestWarehouse KpiTarget(string indicator, string unit, double green, double? amber)
    {
        Connection.Execute("insert into raw.kpi_targets (indicator_id, unit_code, green_at, amber_at, row_hash, load_id) values ($indicator, $unit, $green, $amber, 'h', 1)",
            new { indicator, unit, green, amber });
        return this;
    }

    /// <summary>Fills raw.* from the shared acceptance examples (Fixtures/acceptance_examples.sql).</summary>
    public TestWarehouse AcceptanceExamples()
    {
        Connection.Execute("delete from meta.loads");
        var sql = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "acceptance_examples.sql"))
            .Replace("{examples}", RepoPaths.AcceptanceExamples.Replace("'", "''"), StringComparison.Ordinal);
        Connection.Execute(sql);
        return this;
    }

    public void Dispose()
    {
        Connection.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
