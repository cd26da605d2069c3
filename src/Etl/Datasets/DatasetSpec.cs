namespace Analytics.Etl.Datasets;

/// <summary>
/// A set-based check run in DuckDB over the staged rows of a file (sql/load/*.sql). It returns one
/// row per problem: source_line, column_name, value, reason_vi, reason_en. References names the
/// datasets whose rows it looks up (units, tasks), so validate without a warehouse can skip a
/// lookup it has nothing to look in.
/// </summary>
public sealed record SetCheck(string SqlFile, params string[] References);

/// <summary>
/// One input dataset, declared as data: its columns (written once, with aliases, types and ranges),
/// the raw table it loads into, its natural key, the rules that tie a row's columns together
/// (run in C# as each row streams past) and the checks across rows (run in SQL on the staged file).
/// </summary>
public sealed record DatasetSpec(string Name, string Table, string[] Key, ColumnSpec[] Columns)
{
    /// <summary>Cross-column rules of one row; may set derived raw columns (defaults, period parts).</summary>
    public Action<RowContext>? RowRule { get; init; }
    public SetCheck[] SetChecks { get; init; } = [];
    /// <summary>Raw columns computed by RowRule rather than read from a file column.</summary>
    public string[] DerivedColumns { get; init; } = [];
    /// <summary>Load order within a folder: a dataset loads after those it references.</summary>
    public int Order { get; init; }
    /// <summary>File-name prefixes besides the name, compared without diacritics, spaces as '_' (tieu-chuan…).</summary>
    public string[] FilePrefixes { get; init; } = [];

    public ColumnSpec Column(string name) => Columns.First(c => c.Name == name);
}
