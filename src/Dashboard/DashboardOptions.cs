using Analytics.Dashboard.Sql;

namespace Analytics.Dashboard;

/// <summary>How `analytics serve` runs the dashboard.</summary>
public sealed record DashboardOptions(string DbPath)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
    public string Urls { get; init; } = DefaultUrls;
    /// <summary>Access token file (see AccessTokens); required to bind beyond loopback.</summary>
    public string? TokensFile { get; init; }
    /// <summary>The SQL console's sandbox; also bounds the memory of the dashboard's snapshot instance.</summary>
    public SqlLimits SqlLimits { get; init; } = new(MemoryLimit: "1GB", Threads: 2, Timeout: TimeSpan.FromSeconds(20), MaxRows: 1_000);
    /// <summary>Rows a console download may carry (CSV/JSON/Parquet), beyond the rows shown.</summary>
    public int MaxDownloadRows { get; init; } = 1_000_000;
    /// <summary>Bytes a console download may carry (the file as sent): past it the download is refused with the reason, never held in memory.</summary>
    public long MaxDownloadBytes { get; init; } = 100L * 1024 * 1024;
    /// <summary>Console queries running at once in this server; more are answered "busy, retry" (503) at once.</summary>
    public int MaxConcurrentQueries { get; init; } = 2;
    public long MaxUploadBytesPerFile { get; init; } = 20L * 1024 * 1024;
    public long MaxUploadBytesTotal { get; init; } = 200L * 1024 * 1024;
    public int MaxUploadFiles { get; init; } = 200;
    /// <summary>How often at most a request checks the warehouse file for a newer version.</summary>
    public TimeSpan SnapshotCheckInterval { get; init; } = TimeSpan.FromSeconds(1);
}
