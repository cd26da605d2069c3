using Analytics.Etl.Datasets;
using Analytics.Etl.Input;

namespace Analytics.Etl.Loading;

/// <summary>
/// Text cells like "1.234" in a decimal column, read without --locale: one thousand two hundred and
/// thirty-four written the Vietnamese way, or 1.234 with a decimal point? The file decides: when
/// another cell of the column has a decimal point with other than three places (12.5), the dot is a
/// decimal point; when the column also holds numbers without a dot (45), or the file is
/// semicolon-separated or headed in Vietnamese, nothing says which, and the cells are refused with
/// the advice to load again with --locale vi. Never guessed.
/// </summary>
internal sealed class DottedNumbers(DatasetSpec spec, NumberLocale locale)
{
    private const int Kept = 1000;
    private readonly List<(int Line, string? Sheet, string Text)>?[] _cells = new List<(int, string?, string)>?[spec.Columns.Length];
    private readonly List<int>?[] _lines = new List<int>?[spec.Columns.Length];
    private readonly int[] _count = new int[spec.Columns.Length];
    private readonly bool[] _other = new bool[spec.Columns.Length];
    private readonly bool[] _fraction = new bool[spec.Columns.Length];

    public void See(int column, SourceRecord record, Cell cell)
    {
        if (locale != NumberLocale.Invariant) return;
        if (cell.Kind != CellKind.Text) { _other[column] = true; return; }
        var text = cell.Text.Trim();
        if (ValueParser.LooksLikeDottedThousands(text))
        {
            if (_count[column]++ < Kept) (_cells[column] ??= []).Add((record.Line, record.Sheet, text));
            else (_lines[column] ??= []).Add(record.Line);
        }
        else if (text.Contains('.')) _fraction[column] = true;
        else _other[column] = true;
    }

    /// <summary>Refuses the ambiguous cells; returns their lines.</summary>
    public List<int> Refuse(bool vietnameseFile, FileReport report, RejectedRows rejected)
    {
        var lines = new List<int>();
        for (var i = 0; i < _count.Length; i++)
        {
            if (_count[i] == 0 || _fraction[i] || !(_other[i] || vietnameseFile)) continue;
            var whyVi = _other[i] ? "các ô khác của cột ghi số không có dấu chấm" : "tệp dùng dấu ; hoặc tiêu đề tiếng Việt";
            var whyEn = _other[i] ? "other cells of the column are written without a dot" : "the file is ;-separated or headed in Vietnamese";
            foreach (var (line, sheet, text) in _cells[i]!)
            {
                var thousands = text.Replace(".", "", StringComparison.Ordinal);
                var issue = new LoadIssue(line, sheet, spec.Columns[i].Name, text,
                    $"số {text} đọc được hai cách: {text.Replace('.', ',')} hay {thousands} (dấu chấm phân cách hàng nghìn)? {whyVi}; nếu số viết kiểu Việt Nam hãy nạp lại với --locale vi, nếu không hãy ghi số thập phân bằng dấu chấm không kèm phân cách hàng nghìn",
                    $"{text} reads two ways: {text} or {thousands} (a thousands dot)? {whyEn}; if the numbers are written the Vietnamese way load again with --locale vi, otherwise write decimals without thousands separators");
                report.AddError(issue);
                rejected.Add(line, issue);
                lines.Add(line);
            }
            foreach (var line in _lines[i] ?? []) { rejected.Add(line, new LoadIssue(line, null, spec.Columns[i].Name, null, "số đọc được hai cách", "a number that reads two ways")); lines.Add(line); }
            if (_count[i] > Kept)
                report.AddError(new LoadIssue(null, null, spec.Columns[i].Name, null,
                    $"và {_count[i] - Kept} ô khác cùng dạng trong cột {spec.Columns[i].Name}", $"and {_count[i] - Kept} more cells of that form in column {spec.Columns[i].Name}"));
        }
        return lines;
    }
}
