using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse;

/// <summary>The newest finished load in the journal (meta.loads): what a page's footer and a snapshot name.</summary>
public sealed record LatestLoad(long LoadId, DateTime? FinishedAt);

/// <summary>Reads of the load journal (meta.*) for the layers above the loader.</summary>
public static class Journal
{
    /// <summary>The newest load, or null on a warehouse that has none (or no journal yet).</summary>
    public static LatestLoad? Latest(DuckDBConnection connection)
    {
        var hasJournal = connection.ExecuteScalar<long>(
            "select count(*) from duckdb_tables() where schema_name = 'meta' and table_name = 'loads'") > 0;
        return hasJournal
            ? connection.QueryFirstOrDefault<LatestLoad>("select load_id as LoadId, finished_at as FinishedAt from meta.loads order by load_id desc limit 1")
            : null;
    }
}
