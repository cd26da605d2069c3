using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse;

/// <summary>One thing wrong with a warehouse, in plain Vietnamese and English.</summary>
public sealed record WarehouseProblem(string Check, string Subject, string ProblemVi, string ProblemEn);

/// <summary>
/// Checks a warehouse's integrity without changing it: the schema version against the product's
/// migrations, the load journal against the raw rows (sql/doctor/journal.sql), references between
/// raw tables (sql/doctor/references.sql) and the catalogue's consistency rules
/// (sql/doctor/consistency.sql). An empty list means healthy.
/// </summary>
public static class WarehouseDoctor
{
    private static readonly string[] Checks = ["sql/doctor/journal.sql", "sql/doctor/references.sql", "sql/doctor/consistency.sql"];

    public static IReadOnlyList<WarehouseProblem> Examine(DuckDBConnection connection)
    {
        var problems = new List<WarehouseProblem>();
        var hasSchema = connection.ExecuteScalar<long>(
            "select count(*) from duckdb_tables() where schema_name = 'meta' and table_name = 'schema_version'") > 0;
        var version = hasSchema ? connection.ExecuteScalar<int?>("select max(version) from meta.schema_version") ?? 0 : 0;
        var latest = WarehouseFile.LatestVersion;
        if (version != latest)
        {
            problems.Add(new WarehouseProblem("schema", "meta.schema_version",
                version < latest
                    ? $"lược đồ kho ở phiên bản {version}, sản phẩm cần phiên bản {latest}; chạy analytics init --db để cập nhật"
                    : $"lược đồ kho ở phiên bản {version}, mới hơn phiên bản {latest} mà bản analytics này biết",
                version < latest
                    ? $"the warehouse schema is at version {version}, the product needs {latest}; run analytics init --db to migrate"
                    : $"the warehouse schema is at version {version}, newer than the {latest} this analytics knows"));
            // Without the product's raw tables the row checks cannot run.
            if (version < latest) return problems;
        }
        foreach (var file in Checks)
            problems.AddRange(connection.Query<(string, string, string, string)>(SqlFiles.Read(file))
                .Select(r => new WarehouseProblem(r.Item1, r.Item2, r.Item3, r.Item4)));
        return problems;
    }
}
