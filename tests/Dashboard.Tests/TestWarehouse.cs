using Analytics.Warehouse;
using Dapper;

namespace Analytics.Dashboard.Tests;

/// <summary>A temporary migrated warehouse with a few raw rows, deleted at dispose.</summary>
public sealed class TestWarehouse : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "analytics-dash-" + Guid.NewGuid().ToString("N")[..12]);
    public string DbPath => Path.Combine(Directory, "warehouse.duckdb");

    public TestWarehouse(bool seed = true)
    {
        System.IO.Directory.CreateDirectory(Directory);
        using var c = WarehouseFile.OpenMigrated(DbPath);
        if (!seed) return;
        c.Execute("""
            insert into meta.loads (load_id, file_name, sha256, dataset, started_at, finished_at, rows_read, inserted, outcome)
              values (1, 'units.csv', 'abc', 'units', now(), now(), 3, 3, 'loaded');
            insert into raw.units (unit_code, unit_name, unit_type, parent_code, row_hash, load_id, source_line) values
              ('98', 'Tỉnh Mẫu', 'tinh', null, 'h1', 1, 2),
              ('98001', 'Phường Một', 'phuong', '98', 'h2', 1, 3),
              ('98002', '=HYPERLINK("http://evil")', 'xa', '98', 'h3', 1, 4);
            """);
    }

    /// <summary>Rows of a table, read on a plain connection outside any sandbox.</summary>
    public long Count(string table)
    {
        using var c = WarehouseFile.Open(DbPath, readOnly: true);
        return c.ExecuteScalar<long>($"select count(*) from {table}");
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
