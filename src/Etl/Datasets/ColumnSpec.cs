using Analytics.Etl.Input;

namespace Analytics.Etl.Datasets;

public enum ColumnType
{
    /// <summary>Free text, trimmed.</summary>
    Text,
    /// <summary>An identifier (unit_code, task_id): text, leading zeros kept, trimmed.</summary>
    Code,
    /// <summary>Codes separated by ';', each trimmed; stored joined by ';'.</summary>
    CodeList,
    Integer,
    Decimal,
    /// <summary>YYYY-MM-DD or dd/MM/yyyy; an XLSX date cell.</summary>
    Date,
    /// <summary>One of the column's EnumValues, matched by code or Vietnamese label.</summary>
    Enum,
    /// <summary>true/false, 1/0, có/không.</summary>
    Boolean,
    /// <summary>YYYY-MM or MM/YYYY; parsed to the first day of the month.</summary>
    Month,
    /// <summary>YYYY, YYYY-Qn, YYYY-Hn or YYYY-9M; parsed to the canonical text.</summary>
    GrdpPeriod,
}

/// <summary>An allowed value of an enumerated column: its canonical code and the Vietnamese labels accepted for it.</summary>
public sealed record EnumValue(string Code, params string[] Labels);

/// <summary>One column of an input file, declared once: name, aliases, type, whether required, allowed range.</summary>
public sealed record ColumnSpec(string Name, ColumnType Type, bool Required = false, string[]? Aliases = null)
{
    public string[] Aliases { get; init; } = Aliases ?? [];
    public EnumValue[] Values { get; init; } = [];
    /// <summary>Lowest allowed value (numbers); MinExclusive makes it a strict bound.</summary>
    public double? Min { get; init; }
    public bool MinExclusive { get; init; }
    public double? Max { get; init; }

    /// <summary>A percentage column (…_pct): a percent-formatted cell 35% reads as 35.</summary>
    public bool Percent => Name.EndsWith("_pct", StringComparison.Ordinal);

    /// <summary>Folded header texts that name this column.</summary>
    public IEnumerable<string> HeaderForms() => Aliases.Prepend(Name).Select(VietnameseFold.Fold);

    private Dictionary<string, string>? _enumLookup;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _enumSeen = new(StringComparer.Ordinal);

    /// <summary>Folded code or label → canonical code.</summary>
    internal Dictionary<string, string> EnumLookup => _enumLookup ??= BuildEnumLookup();

    /// <summary>
    /// The canonical code for a cell's text, or null. Files repeat the same few spellings millions of
    /// times, so each distinct spelling is folded once (the cache is bounded by the spellings seen).
    /// </summary>
    internal string? MatchEnum(string text)
    {
        if (_enumSeen.TryGetValue(text, out var code)) return code;
        code = EnumLookup.TryGetValue(VietnameseFold.Fold(text), out var c) ? c : null;
        if (_enumSeen.Count < 10_000) _enumSeen[text] = code;
        return code;
    }

    private Dictionary<string, string> BuildEnumLookup()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in Values)
            foreach (var form in v.Labels.Prepend(v.Code))
                map[VietnameseFold.Fold(form)] = v.Code;
        return map;
    }
}
