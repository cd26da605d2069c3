using System.Globalization;
using Analytics.Etl.Datasets;
using Analytics.Etl.Input;

namespace Analytics.Etl.Loading;

/// <summary>
/// Checks a template's total rows ("Tổng cộng", "Cộng") against the rows they total: the rows of
/// the group above (since the last group heading or total) or every row so far. A total that
/// matches neither is refused with both sums: that is how clerks catch their own typos.
/// </summary>
internal sealed class TotalRows(DatasetSpec spec, NumberLocale locale)
{
    private readonly int[] _numeric = spec.Columns.Select((c, i) => (c, i)).Where(x => x.c.Type is ColumnType.Integer or ColumnType.Decimal).Select(x => x.i).ToArray();
    private readonly decimal[] _group = new decimal[spec.Columns.Length];
    private readonly decimal[] _all = new decimal[spec.Columns.Length];
    private int _groupRows, _allRows;
    private int? _groupFrom, _allFrom;
    private int _lastLine;
    private bool _spoilt;

    public void StartGroup(int line)
    {
        Array.Clear(_group);
        _groupRows = 0;
        _groupFrom = null;
    }

    /// <summary>A row of the range could not be read: its totals cannot be checked (the file is refused anyway).</summary>
    public void Spoilt() => _spoilt = true;

    public void Add(object?[] values)
    {
        foreach (var i in _numeric)
        {
            var v = values[i] switch { long l => l, double d => (decimal)d, _ => 0m };
            _group[i] += v;
            _all[i] += v;
        }
        _groupRows++;
        _allRows++;
    }

    public void Track(int line)
    {
        _groupFrom ??= line;
        _allFrom ??= line;
        _lastLine = line;
    }

    public void Check(SourceRecord record, HeaderMap map, FileReport report, RejectedRows rejected)
    {
        var label = Preview(record);
        var found = new List<(ColumnSpec Column, string Text, decimal Value)>();
        foreach (var i in _numeric)
        {
            var f = map.FileColumn[i];
            if (f < 0 || f >= record.Cells.Length || record.Cells[f].IsEmpty) continue;
            var column = spec.Columns[i];
            var value = ValueParser.Parse(column with { Min = null, Max = null }, record.Cells[f], locale, out var problem);
            if (problem is { } p)
            {
                var issue = new LoadIssue(record.Line, record.Sheet, column.Name, record.Cells[f].Text, $"dòng tổng: {p.ReasonVi}", $"total row: {p.ReasonEn}");
                report.AddError(issue);
                rejected.Add(record.Line, issue);
                return;
            }
            found.Add((column, record.Cells[f].Text, value switch { long l => l, double d => (decimal)d, _ => 0m }));
        }
        if (found.Count == 0)
        {
            report.AddNote(new LoadIssue(record.Line, record.Sheet, null, label, "dòng tổng không ghi số; bỏ qua", "total row without figures; skipped"));
            return;
        }
        if (_spoilt)
        {
            report.AddWarning(new LoadIssue(record.Line, record.Sheet, null, label,
                "không đối chiếu được dòng tổng vì có dòng số liệu lỗi phía trên", "total row not checked: a data row above it has errors"));
            return;
        }
        var groupMatches = _groupRows > 0 && found.All(x => Same(x.Value, _group[Array.IndexOf(spec.Columns, x.Column)]));
        var allMatches = found.All(x => Same(x.Value, _all[Array.IndexOf(spec.Columns, x.Column)]));
        var rows = groupMatches || !allMatches && _groupRows > 0 && _groupRows < _allRows ? (_groupFrom, _groupRows, _group) : (_allFrom, _allRows, _all);
        var range = rows.Item1 is { } from ? $"{from}–{_lastLine}" : "(không có dòng nào)";
        var rangeEn = rows.Item1 is { } from2 ? $"{from2}–{_lastLine}" : "(no rows)";
        if (groupMatches || allMatches)
        {
            report.AddNote(new LoadIssue(record.Line, record.Sheet, null, label,
                $"dòng tổng khớp với tổng các dòng {range}; bỏ qua (không nạp)", $"total row equals the sum of rows {rangeEn}; skipped (not loaded)"));
        }
        else
        {
            foreach (var (column, text, value) in found)
            {
                var sum = rows.Item3[Array.IndexOf(spec.Columns, column)];
                if (Same(value, sum)) continue;
                var issue = new LoadIssue(record.Line, record.Sheet, column.Name, text,
                    $"dòng tổng ({label}) ghi {Vi(value)} nhưng tổng {rows.Item2} dòng {range} là {Vi(sum)}; hãy kiểm tra lại số liệu",
                    $"the total row ({label}) says {En(value)} but the {rows.Item2} rows {rangeEn} add up to {En(sum)}; check the figures");
                report.AddError(issue);
                rejected.Add(record.Line, issue);
            }
        }
        if (groupMatches) StartGroup(record.Line);
    }

    private static bool Same(decimal a, decimal b) => Math.Abs(a - b) <= 0.000001m * Math.Max(1m, Math.Abs(b));

    private static string En(decimal v) => v.ToString("#,0.######", CultureInfo.InvariantCulture);

    /// <summary>197.810 and 134,2, as Vietnamese text writes numbers.</summary>
    private static string Vi(decimal v) => new(En(v).Select(c => c switch { ',' => '.', '.' => ',', _ => c }).ToArray());

    private static string Preview(SourceRecord record)
    {
        var text = string.Join(" | ", record.Cells.Where(c => !c.IsEmpty && c.Kind == CellKind.Text).Select(c => c.Text.Trim()).Distinct());
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
