using Analytics.Etl.Input;

namespace Analytics.Etl.Datasets;

/// <summary>
/// The values of one row while its dataset's row rule runs: read a column's parsed value, set a
/// derived one, or record an error or warning against a column (its original text is the value shown).
/// </summary>
public sealed class RowContext
{
    private readonly IReadOnlyDictionary<string, int> _slots;
    internal readonly object?[] Values;
    internal readonly Cell[] Cells;
    internal readonly List<(string Column, string? Value, string Vi, string En, bool IsError)> Problems = [];
    internal readonly HashSet<string> FailedColumns = new(StringComparer.Ordinal);

    internal RowContext(IReadOnlyDictionary<string, int> slots, int columnCount)
    {
        _slots = slots;
        Values = new object?[slots.Count];
        Cells = new Cell[columnCount];
    }

    internal void Reset()
    {
        Array.Clear(Values);
        Array.Fill(Cells, Cell.Empty);
        Problems.Clear();
        FailedColumns.Clear();
    }

    public object? this[string column]
    {
        get => Values[Slot(column)];
        set => Values[Slot(column)] = value;
    }

    public T? Get<T>(string column) where T : struct => Values[Slot(column)] is T v ? v : null;
    public string? Text(string column) => Values[Slot(column)] as string;

    /// <summary>True when the column parsed (or was empty): rules skip columns that already failed.</summary>
    public bool Usable(string column) => !FailedColumns.Contains(column);

    /// <summary>The cell as written in the file, for messages.</summary>
    public string? Original(string column)
    {
        var slot = Slot(column);
        return slot < Cells.Length && !Cells[slot].IsEmpty ? Cells[slot].Text : null;
    }

    public void Error(string column, string reasonVi, string reasonEn)
    {
        FailedColumns.Add(column);
        Problems.Add((column, Original(column), reasonVi, reasonEn, true));
    }

    public void Warn(string column, string reasonVi, string reasonEn) =>
        Problems.Add((column, Original(column), reasonVi, reasonEn, false));

    public bool HasErrors => Problems.Any(p => p.IsError);

    private int Slot(string column) => _slots.TryGetValue(column, out var s) ? s
        : throw new InvalidOperationException($"the row has no column or derived value named {column}");
}
