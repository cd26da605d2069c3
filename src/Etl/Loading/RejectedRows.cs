namespace Analytics.Etl.Loading;

/// <summary>
/// The lines of a file refused so far, and (only when a rejects file will be written) why. The
/// reason texts repeat across rows, so each distinct text is stored once: a sheet of a million
/// broken rows costs a dictionary entry per row, not a string per error.
/// </summary>
internal sealed class RejectedRows(bool keepReasons)
{
    private readonly Dictionary<int, List<string>?> _rows = [];
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    public int Count => _rows.Count;
    public IEnumerable<int> Lines => _rows.Keys;

    public void Add(int line, LoadIssue issue)
    {
        if (!_rows.TryGetValue(line, out var reasons)) _rows[line] = reasons = keepReasons ? [] : null;
        if (reasons is null) return;
        var text = $"{issue.Column}: {issue.ReasonVi} / {issue.ReasonEn}";
        if (_texts.TryGetValue(text, out var known)) text = known;
        else if (_texts.Count < 10_000) _texts[text] = text;
        reasons.Add(text);
    }

    /// <summary>Why a line was refused, or null when it was not (or reasons are not kept).</summary>
    public List<string>? Reasons(int line) => _rows.TryGetValue(line, out var r) ? r : null;
}
