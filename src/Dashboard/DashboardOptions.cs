using Analytics.Dashboard.Sql;

namespace Analytics.Dashboard;

/// <summary>How `analytics serve` runs the dashboard.</summary>
public sealed record DashboardOptions(string DbPath)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
    public string Urls { get; init; } = DefaultUrls;
    /// <summary>Access token file (see AccessTokens); required to bind beyond loopback.</summary>
    public string? TokensFile { get; init; }
    /// <summary>The SQL console's sandbox; also bounds the memory and threads of the dashboard's snapshot
    /// instance. One DuckDB thread: DuckDB's thread count is per instance, not per query, so a query of
    /// two threads on 2 cores took both from the pages (p95 130 ms with 200 console queries in flight).</summary>
    public SqlLimits SqlLimits { get; init; } = new(MemoryLimit: "1GB", Threads: 1, Timeout: TimeSpan.FromSeconds(20), MaxRows: 1_000);
    /// <summary>Rows a console download may carry (CSV/JSON/Parquet), beyond the rows shown.</summary>
    public int MaxDownloadRows { get; init; } = 1_000_000;
    /// <summary>Bytes a console download may carry (the file as sent): past it the download is refused with the reason, never held in memory.</summary>
    public long MaxDownloadBytes { get; init; } = 100L * 1024 * 1024;
    /// <summary>Console queries running at once in this server; more are answered "busy, retry" (503) at once.
    /// Half the cores (at least one), each query on one DuckDB thread: the other half stays for the pages.</summary>
    public int MaxConcurrentQueries { get; init; } = DefaultConcurrentQueries;

    /// <summary>max(1, cores / 2): 1 on the 2-core machine.</summary>
    public static int DefaultConcurrentQueries => Math.Max(1, Environment.ProcessorCount / 2);
    public long MaxUploadBytesPerFile { get; init; } = 20L * 1024 * 1024;
    public long MaxUploadBytesTotal { get; init; } = 200L * 1024 * 1024;
    public int MaxUploadFiles { get; init; } = 200;
    /// <summary>How often at most a request checks the warehouse file for a newer version.</summary>
    public TimeSpan SnapshotCheckInterval { get; init; } = TimeSpan.FromSeconds(1);
}
