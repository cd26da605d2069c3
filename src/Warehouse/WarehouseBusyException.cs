namespace Analytics.Warehouse;

/// <summary>
/// Another process holds the warehouse file open for writing. DuckDB allows one writing process per
/// file and refuses the second with a lock error; we say so plainly instead of waiting, since a load
/// can take minutes and the user should decide whether to retry.
/// </summary>
public sealed class WarehouseBusyException(string path, Exception inner) : IOException(
    $"kho dữ liệu đang được một tiến trình khác ghi / the warehouse is being written by another process: {path}. " +
    "Hãy chờ tiến trình đó (lệnh load, init hay serve) kết thúc rồi chạy lại / wait for it (a load, init or serve) to finish, then run again.",
    inner)
{
    public string WarehousePath { get; } = path;

    /// <summary>DuckDB's message when another process holds the file's lock.</summary>
    internal static bool IsLockConflict(Exception e) =>
        e.Message.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("Conflicting lock", StringComparison.OrdinalIgnoreCase);
}
