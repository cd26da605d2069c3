using System.Collections.Concurrent;

// the dashboard tests hold a catalogue date in flight to reproduce the state of issue 14 item 5
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Analytics.Dashboard.Tests")]

namespace Analytics.Metrics;

/// <summary>
/// What a <see cref="MetricsService"/> has computed over one immutable warehouse snapshot, for
/// every unit at once: the whole catalogue at an as-of date (one set-based query for all units;
/// a single unit costs about as much, almost all of it DuckDB planning the nested macros), an
/// area's rows at a set of dates (chart series), and the lagging-unit, overdue-task and
/// revenue-gap lists at a date. Later calls for any unit at those dates answer from memory.
/// Only for a connection nothing writes to while this lives (a read-only file opened for one
/// command, a dashboard snapshot copy): the values are never refreshed, so a writer's
/// MetricsService must not be given one. Thread-safe (dashboard requests share one per
/// snapshot); each kind keeps at most <paramref name="maxDates"/> dates and the catalogue and area
/// rows together at most <paramref name="maxValues"/> values (≈ 80 bytes each: 2 million ≈ 160 MB;
/// a province warehouse holds ≈ 50,000 per date), the oldest computed dropped first.
/// </summary>
public sealed class SnapshotValues(int maxDates = 24, long maxValues = 2_000_000)
{
    private readonly BoundedStore<DateOnly, IReadOnlyDictionary<string, MetricValue[]>> _catalogue = new(maxDates, maxValues / 2, Rows);
    private readonly BoundedStore<(string Macro, DateOnly AsOf), IReadOnlyDictionary<string, AreaRow[]>> _areas = new(maxDates * 5, maxValues / 2, Rows);
    private readonly BoundedStore<(string List, DateOnly AsOf), object> _lists = new(maxDates * 3, long.MaxValue, _ => 0);

    private static long Rows<T>(IReadOnlyDictionary<string, T[]> byUnit) => byUnit.Values.Sum(v => (long)v.Length);
    private readonly ConcurrentDictionary<string, object> _fixed = new(StringComparer.Ordinal);

    /// <summary>Dates whose whole catalogue is held (for tests and the bench).</summary>
    public int CatalogueDates => _catalogue.Count;

    internal IReadOnlyDictionary<string, MetricValue[]> Catalogue(DateOnly asOf, Func<DateOnly, IReadOnlyDictionary<string, MetricValue[]>> compute) =>
        _catalogue.Get(asOf, compute);

    internal bool HasCatalogue(DateOnly asOf) => _catalogue.TryGet(asOf, out _);

    /// <summary>How many more catalogue dates of the given size fit beside what is held (for prefetching no
    /// more than is kept: at national scale one date is about a million values).</summary>
    internal int CatalogueDatesThatFit(long valuesPerDate) =>
        // concurrent requests at other dates may hold more than maxDates for a moment (a date is added
        // before the oldest goes): then none fit, rather than Math.Clamp's "min > max" exception (issue 14)
        (int)Math.Clamp((maxValues / 2 - _catalogue.Weight) / Math.Max(1, valuesPerDate), 0, Math.Max(0, maxDates - _catalogue.Count));

    /// <summary>The size of a held catalogue date, if any is held.</summary>
    internal long? HeldValuesPerDate => _catalogue.AnyWeight;

    internal bool TryArea(string macro, DateOnly asOf, out IReadOnlyDictionary<string, AreaRow[]> rows) => _areas.TryGet((macro, asOf), out rows);

    internal void AddArea(string macro, DateOnly asOf, IReadOnlyDictionary<string, AreaRow[]> rows) => _areas.Set((macro, asOf), rows);

    internal T List<T>(string list, DateOnly asOf, Func<T> compute) where T : class =>
        (T)_lists.Get((list, asOf), _ => compute());

    internal T Fixed<T>(string key, Func<T> compute) where T : class =>
        (T)((Lazy<object>)_fixed.GetOrAdd(key, _ => new Lazy<object>(() => compute()))).Value;

    /// <summary>One row of an area macro (tasks_at, staffing_at …) for a unit at a date.</summary>
    internal sealed record AreaRow(DateOnly AsOf, string IndicatorId, IReadOnlyDictionary<string, string> Dims, double? Value);

    /// <summary>Computes each key once (concurrent first callers wait for the same computation), keeps at
    /// most max keys and maxWeight in all (the newest key always stays).</summary>
    private sealed class BoundedStore<TKey, TValue>(int max, long maxWeight, Func<TValue, long> weigh) where TKey : notnull where TValue : class
    {
        private readonly ConcurrentDictionary<TKey, Lazy<TValue>> _items = new();
        private readonly ConcurrentDictionary<TKey, long> _weights = new();
        private readonly ConcurrentQueue<TKey> _order = new();

        public int Count => _items.Count;
        public long Weight => _weights.Values.Sum();
        public long? AnyWeight => _weights.IsEmpty ? null : _weights.Values.Max();

        public TValue Get(TKey key, Func<TKey, TValue> compute)
        {
            if (_items.TryGetValue(key, out var hit)) return hit.Value;
            var lazy = new Lazy<TValue>(() => compute(key), LazyThreadSafetyMode.ExecutionAndPublication);
            var winner = _items.GetOrAdd(key, lazy);
            try
            {
                var value = winner.Value;
                if (ReferenceEquals(winner, lazy)) Added(key, value);
                return value;
            }
            catch
            {
                _items.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, winner)); // a failed computation is not kept
                throw;
            }
        }

        public bool TryGet(TKey key, out TValue value)
        {
            if (_items.TryGetValue(key, out var hit) && hit.IsValueCreated) { value = hit.Value; return true; }
            value = null!;
            return false;
        }

        public void Set(TKey key, TValue value)
        {
            var lazy = new Lazy<TValue>(value);
            if (_items.TryAdd(key, lazy)) Added(key, value);
        }

        private void Added(TKey key, TValue value)
        {
            _weights[key] = weigh(value);
            _order.Enqueue(key);
            while ((_items.Count > max || _weights.Values.Sum() > maxWeight) && _order.TryPeek(out var oldest) && !oldest.Equals(key) && _order.TryDequeue(out oldest))
            {
                _items.TryRemove(oldest, out _);
                _weights.TryRemove(oldest, out _);
            }
        }
    }
}
