namespace Analytics.Dashboard.Sql;

/// <summary>
/// Console queries of one server run here, never on the request threads that serve pages: at most
/// <see cref="Slots"/> at a time, each on a thread of its own; a query arriving while every slot is
/// taken is answered "busy, retry" at once instead of waiting (20 parallel 20-second queries on request
/// threads once held /healthz for 10 s). A slot is freed when the query really ends, so a query DuckDB
/// is slow to interrupt keeps its slot; the request is answered when the time limit passes anyway.
/// </summary>
public sealed class SqlConsoleQueue(int slots)
{
    private readonly SemaphoreSlim _free = new(slots, slots);

    public int Slots { get; } = slots;

    /// <summary>Queries running now.</summary>
    public int Running => Slots - _free.CurrentCount;

    /// <summary>
    /// Runs work on its own thread if a slot is free. Busy is true when none was; otherwise the work's
    /// result (its exception rethrown), or a <see cref="SqlTimeoutException"/> once <paramref name="timeLimit"/>
    /// and a short grace have passed without an answer.
    /// </summary>
    public async Task<(bool Busy, T? Result)> TryRun<T>(Func<T> work, TimeSpan timeLimit)
    {
        if (!_free.Wait(0)) return (true, default);
        Task<T> task;
        try
        {
            task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        catch
        {
            _free.Release();
            throw;
        }
        _ = task.ContinueWith(t => { _ = t.Exception; _free.Release(); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            return (false, await task.WaitAsync(timeLimit + TimeSpan.FromSeconds(2)));
        }
        catch (TimeoutException)
        {
            throw new SqlTimeoutException(timeLimit);
        }
    }

    /// <summary>The answer to a query that found no free slot, in both languages.</summary>
    public string BusyMessage =>
        $"Máy chủ đang chạy {Slots} truy vấn cùng lúc (tối đa), hãy thử lại sau ít giây / the server is running its {Slots} queries at once (the most it runs); retry in a few seconds";
}
