using System.Text.RegularExpressions;
using Analytics.Etl.Datasets;
using Analytics.Etl.Input;

namespace Analytics.Etl.Loading;

/// <summary>How a file's header maps onto its dataset's columns.</summary>
internal sealed class HeaderMap
{
    /// <summary>For each spec column, the file column it is read from, or -1.</summary>
    public required int[] FileColumn { get; init; }
    public required List<string> MissingRequired { get; init; }
    public required List<(int Index, string Name)> Unknown { get; init; }
    public required List<(int Index, string Name, string Column)> Repeated { get; init; }
    /// <summary>The file column headed STT / TT (the row number clerks write), or -1.</summary>
    public int SequenceColumn { get; init; } = -1;
    public bool Usable => MissingRequired.Count == 0 && Repeated.Count == 0;
    public int Matched => FileColumn.Count(f => f >= 0);

    private static readonly HashSet<string> SequenceHeaders = ["stt", "tt", "so tt", "so thu tu", "thu tu"];

    /// <summary>A header text as matched: folded, without the "(*)" or "*" that marks a required column in templates, nor a final colon.</summary>
    public static string Key(string text)
    {
        var folded = VietnameseFold.Fold(text);
        if (folded.EndsWith("(*)", StringComparison.Ordinal)) folded = folded[..^3].TrimEnd();
        return folded.TrimEnd('*', ':', ' ');
    }

    public static bool IsSequenceHeader(string text) => SequenceHeaders.Contains(Key(text).TrimEnd('.'));

    public static Dictionary<string, int> Lookup(DatasetSpec spec)
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Columns.Length; i++)
            foreach (var form in spec.Columns[i].HeaderForms()) lookup.TryAdd(Key(form), i);
        return lookup;
    }

    public static HeaderMap Build(DatasetSpec spec, IReadOnlyList<string> header)
    {
        var lookup = Lookup(spec);
        var fileColumn = Enumerable.Repeat(-1, spec.Columns.Length).ToArray();
        var unknown = new List<(int, string)>();
        var repeated = new List<(int, string, string)>();
        var sequence = -1;
        for (var f = 0; f < header.Count; f++)
        {
            var folded = Key(header[f]);
            if (folded.Length == 0) continue;
            if (!lookup.TryGetValue(folded, out var s))
            {
                if (sequence < 0 && IsSequenceHeader(header[f])) { sequence = f; continue; }
                unknown.Add((f, header[f].Trim()));
                continue;
            }
            if (fileColumn[s] >= 0) { repeated.Add((f, header[f].Trim(), spec.Columns[s].Name)); continue; }
            fileColumn[s] = f;
        }
        var missing = spec.Columns.Where((c, i) => c.Required && fileColumn[i] < 0).Select(c => c.Name).ToList();
        return new HeaderMap { FileColumn = fileColumn, MissingRequired = missing, Unknown = unknown, Repeated = repeated, SequenceColumn = sequence };
    }
}

/// <summary>
/// The records of one input file, CSV or XLSX, as offices fill the templates: the header row is the
/// first row (within the first 30) that names the dataset's required columns, possibly over two
/// rows ("Số lượng" above "Biên chế được giao" / "Có mặt"); the title block above it, a column-number
/// row "(1) (2) …" below it, Roman-numeral group rows, and the signature block are skipped, each
/// noted in the report; total rows ("Tổng cộng", "Cộng") come out as RowRole.Total for the loader
/// to check against the rows they total. A workbook is read from its one visible sheet whose header
/// matches: hidden sheets are skipped (and noted), and two matching sheets are refused, naming them.
/// </summary>
internal sealed partial class TableSource : IDisposable
{
    /// <summary>Rows searched for the header: a template's title block is a handful of rows.</summary>
    public const int HeaderSearchRows = 30;

    private readonly CsvTableReader? _csv;
    private readonly XlsxReader? _xlsx;
    private readonly IEnumerator<SourceRecord> _rows;
    private readonly Queue<SourceRecord> _pending;
    private readonly DatasetSpec _spec;
    private readonly FileReport _report;
    private readonly int _lastHeaderLine;

    public string[] Header { get; }
    public int HeaderLine { get; }
    /// <summary>The sheet read (XLSX), or null for CSV.</summary>
    public string? Sheet { get; }
    public int SheetIndex { get; }
    public HeaderMap Map { get; }
    public bool IsCsv => _csv is not null;
    /// <summary>The CSV delimiter detected from the header line (',' for a workbook).</summary>
    public char Delimiter => _csv?.Delimiter ?? ',';
    /// <summary>True when the header is not simply the first row (a title block or a two-row header).</summary>
    public bool TemplateLayout { get; }

    private TableSource(CsvTableReader? csv, XlsxReader? xlsx, Found found, int sheetIndex, DatasetSpec spec, FileReport report)
    {
        _csv = csv;
        _xlsx = xlsx;
        _rows = found.Rows;
        _pending = new Queue<SourceRecord>(found.After);
        _spec = spec;
        _report = report;
        Header = found.Header;
        HeaderLine = found.Line;
        _lastHeaderLine = found.LastLine;
        Sheet = found.Sheet;
        SheetIndex = sheetIndex;
        Map = found.Map;
        TemplateLayout = found.Above.Count > 0 || found.LastLine != found.Line;
    }

    public static bool IsWorkbook(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Extensions of spreadsheet and text files the loader cannot read (a folder lists them as not read).</summary>
    public static readonly string[] UnreadableTableExtensions = [".xls", ".xlsb", ".xlsm", ".ods", ".numbers", ".txt", ".tsv", ".dbf", ".xml", ".json"];

    /// <summary>
    /// Opens a file for a dataset. File-level problems (empty file, no matching sheet, missing or
    /// repeated columns) go to the report and null is returned; unreadable files throw InputFormatException.
    /// </summary>
    public static TableSource? Open(string path, DatasetSpec spec, FileReport report, int? sheetIndex = null)
    {
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".xls" or ".xlsb" or ".ods" or ".numbers")
        {
            report.AddError(new LoadIssue(null, null, null, System.IO.Path.GetFileName(path),
                $"định dạng {extension} không được hỗ trợ; hãy lưu lại tệp dạng .xlsx hoặc .csv (UTF-8)",
                $"the {extension} format is not supported; save the file as .xlsx or .csv (UTF-8)"));
            return null;
        }
        if (!IsWorkbook(path))
        {
            var csv = CsvTableReader.Open(path);
            if (csv.Header is null)
            {
                csv.Dispose();
                report.AddError(new LoadIssue(null, null, null, null, "tệp rỗng: không có dòng tiêu đề", "the file is empty: no header line"));
                return null;
            }
            if (csv.Utf16)
                report.AddNote(new LoadIssue(null, null, null, null, "tệp mã UTF-16 (Unicode), đã đọc theo mã đó", "the file is UTF-16 (Unicode text); read as such"));
            var found = FindHeader(csv.Rows().GetEnumerator(), spec);
            if (!ReportHeader(spec, found.Map, found.Line, null, report)) { found.Rows.Dispose(); csv.Dispose(); return null; }
            NoteLayout(found, report);
            return new TableSource(csv, null, found, 0, spec, report);
        }

        var xlsx = XlsxReader.Open(path);
        try
        {
            var usable = new List<(int Index, Found Found)>();
            Found? first = null;
            for (var i = 0; i < xlsx.SheetNames.Count; i++)
            {
                if (sheetIndex is { } wanted && wanted != i) continue;
                var name = xlsx.SheetNames[i];
                if (sheetIndex is null && xlsx.IsHidden(i))
                {
                    report.AddNote(new LoadIssue(null, name, null, null, $"bỏ qua trang ẩn \"{name}\" (trang mẫu hoặc danh mục)",
                        $"hidden sheet \"{name}\" skipped (a template or lookup sheet)"));
                    continue;
                }
                var rows = xlsx.ReadSheet(i).GetEnumerator();
                var found = FindHeader(rows, spec);
                if (found.Empty) { rows.Dispose(); continue; }
                if (found.Map.Usable) usable.Add((i, found));
                else
                {
                    rows.Dispose();
                    first ??= found;
                    report.AddNote(new LoadIssue(null, name, null, null, $"trang \"{name}\" không có các cột của bộ dữ liệu {spec.Name}; không đọc",
                        $"sheet \"{name}\" does not have the columns of dataset {spec.Name}; not read"));
                }
            }
            if (usable.Count > 1)
            {
                var names = string.Join(", ", usable.Select(u => $"\"{u.Found.Sheet}\""));
                report.AddError(new LoadIssue(null, null, null, names,
                    $"bảng tính có {usable.Count} trang cùng mẫu {spec.Name} ({names}); mỗi tệp chỉ nạp một trang: hãy tách mỗi trang thành một tệp, hoặc gộp số liệu vào một trang",
                    $"the workbook has {usable.Count} sheets with the columns of {spec.Name} ({names}); one file loads one sheet: save each sheet as its own file, or put the rows on one sheet"));
                foreach (var u in usable) u.Found.Rows.Dispose();
                xlsx.Dispose();
                return null;
            }
            if (usable.Count == 1)
            {
                var (index, found) = usable[0];
                ReportHeader(spec, found.Map, found.Line, found.Sheet, report);
                report.Sheets.Add(found.Sheet!);
                report.AddNote(new LoadIssue(null, found.Sheet, null, null, $"đã đọc trang \"{found.Sheet}\"", $"sheet \"{found.Sheet}\" read"));
                NoteLayout(found, report);
                foreach (var range in xlsx.Merges(index))
                {
                    if (range.LastRow == range.FirstRow || range.FirstRow <= found.LastLine) continue;
                    var column = range.FirstColumn < found.Header.Length ? found.Header[range.FirstColumn] : XlsxWriter.ColumnName(range.FirstColumn);
                    report.AddNote(new LoadIssue(range.FirstRow, found.Sheet, column, null,
                        $"ô gộp hàng {range.FirstRow}–{range.LastRow}: giá trị được điền xuống từng hàng",
                        $"cell merged over rows {range.FirstRow}–{range.LastRow}: its value is filled down to each row"));
                }
                return new TableSource(null, xlsx, found, index, spec, report);
            }
            xlsx.Dispose();
            if (first is null)
                report.AddError(new LoadIssue(null, null, null, null, "bảng tính không có trang nào có dữ liệu", "the workbook has no sheet with any data"));
            else
            {
                report.AddError(new LoadIssue(null, null, null, null,
                    $"không trang nào của bảng tính có đủ các cột của bộ dữ liệu {spec.Name}; trang đầu tiên ({first.Sheet}):",
                    $"no sheet of the workbook has the columns of dataset {spec.Name}; the first sheet ({first.Sheet}):"));
                ReportHeader(spec, first.Map, first.Line, first.Sheet, report);
            }
            return null;
        }
        catch
        {
            xlsx.Dispose();
            throw;
        }
    }

    /// <summary>A header found in a table: its row(s), the map, the rows above it, the rows read past it.</summary>
    private sealed class Found
    {
        public required IEnumerator<SourceRecord> Rows { get; init; }
        public required string[] Header { get; init; }
        public required int Line { get; init; }
        public required int LastLine { get; init; }
        public string? Sheet { get; init; }
        public required HeaderMap Map { get; init; }
        public List<SourceRecord> Above { get; init; } = [];
        public List<SourceRecord> After { get; init; } = [];
        public bool Empty { get; init; }
    }

    private static string[] Texts(SourceRecord r) => r.Cells.Select(c => c.Text).ToArray();

    /// <summary>
    /// The header: the first of the first rows that is usable alone, or together with the row below
    /// (a two-row header). A usable row is still read with the row below when that row maps more
    /// columns and is itself only headings (optional columns under a merged "Trong đó").
    /// When no row is usable, the row that names most columns (the first row if none names any),
    /// for the missing-column errors.
    /// </summary>
    private static Found FindHeader(IEnumerator<SourceRecord> rows, DatasetSpec spec)
    {
        var buffer = new List<SourceRecord>();
        while (buffer.Count < HeaderSearchRows + 1 && rows.MoveNext()) buffer.Add(rows.Current);
        if (buffer.Count == 0)
            return new Found { Rows = rows, Header = [], Line = 0, LastLine = 0, Map = HeaderMap.Build(spec, []), Empty = true };
        var lookup = HeaderMap.Lookup(spec);
        int bestIndex = 0, bestMatched = -1;
        HeaderMap? bestMap = null;
        for (var k = 0; k < Math.Min(buffer.Count, HeaderSearchRows); k++)
        {
            var top = Texts(buffer[k]);
            var single = HeaderMap.Build(spec, top);
            if (k + 1 < buffer.Count)
            {
                var combinedHeader = Combine(top, Texts(buffer[k + 1]), lookup);
                var combined = HeaderMap.Build(spec, combinedHeader);
                var useCombined = combined.Usable && (!single.Usable
                    || (combined.Matched > single.Matched && OnlyHeadings(buffer[k], buffer[k + 1], lookup)));
                if (useCombined)
                    return new Found
                    {
                        Rows = rows, Header = combinedHeader, Line = buffer[k].Line, LastLine = buffer[k + 1].Line, Sheet = buffer[k].Sheet,
                        Map = combined, Above = buffer[..k], After = buffer[(k + 2)..],
                    };
            }
            if (single.Usable)
                return new Found
                {
                    Rows = rows, Header = top, Line = buffer[k].Line, LastLine = buffer[k].Line, Sheet = buffer[k].Sheet,
                    Map = single, Above = buffer[..k], After = buffer[(k + 1)..],
                };
            if (single.Matched > bestMatched) { bestMatched = single.Matched; bestIndex = k; bestMap = single; }
        }
        if (bestMatched <= 0) { bestIndex = 0; bestMap = HeaderMap.Build(spec, Texts(buffer[0])); }
        return new Found
        {
            Rows = rows, Header = Texts(buffer[bestIndex]), Line = buffer[bestIndex].Line, LastLine = buffer[bestIndex].Line,
            Sheet = buffer[bestIndex].Sheet, Map = bestMap!, After = buffer[(bestIndex + 1)..],
        };
    }

    /// <summary>Column by column: the lower heading when it names a column, else the upper one, else both joined.</summary>
    private static string[] Combine(string[] top, string[] bottom, Dictionary<string, int> lookup)
    {
        var result = new string[Math.Max(top.Length, bottom.Length)];
        for (var j = 0; j < result.Length; j++)
        {
            var t = j < top.Length ? top[j].Trim() : "";
            var b = j < bottom.Length ? bottom[j].Trim() : "";
            result[j] = b.Length == 0 ? t
                : t.Length == 0 || t == b ? b
                : lookup.ContainsKey(HeaderMap.Key(b)) ? b
                : lookup.ContainsKey(HeaderMap.Key(t)) ? t
                : t + " " + b;
        }
        return result;
    }

    /// <summary>True when every filled cell of the lower row is a heading or repeats the one above (a merged heading).</summary>
    private static bool OnlyHeadings(SourceRecord top, SourceRecord bottom, Dictionary<string, int> lookup)
    {
        var named = 0;
        for (var j = 0; j < bottom.Cells.Length; j++)
        {
            var cell = bottom.Cells[j];
            if (cell.IsEmpty) continue;
            if (cell.Kind != CellKind.Text) return false;
            if (lookup.ContainsKey(HeaderMap.Key(cell.Text))) { named++; continue; }
            if (j < top.Cells.Length && top.Cells[j].Text.Trim() == cell.Text.Trim()) continue;
            return false;
        }
        return named > 0;
    }

    private static void NoteLayout(Found found, FileReport report)
    {
        foreach (var row in found.Above)
            report.AddNote(new LoadIssue(row.Line, row.Sheet, null, Preview(row),
                "dòng tiêu đề của biểu (phía trên dòng tên cột); bỏ qua", "title block row above the column headings; skipped"));
        if (found.LastLine != found.Line)
            report.AddNote(new LoadIssue(found.Line, found.Sheet, null, null,
                $"tên cột ghi trên hai hàng ({found.Line} và {found.LastLine}); đã ghép lại", $"column headings span two rows ({found.Line} and {found.LastLine}); combined"));
    }

    /// <summary>Reports missing and repeated columns as errors, unknown ones as warnings. True when the header is usable.</summary>
    private static bool ReportHeader(DatasetSpec spec, HeaderMap map, int line, string? sheet, FileReport report)
    {
        foreach (var name in map.MissingRequired)
        {
            var accepted = string.Join("; ", spec.Column(name).Aliases.Prepend(name).Select(a => $"\"{a}\""));
            report.AddError(new LoadIssue(line, sheet, name, null, $"thiếu cột bắt buộc {name}; tên cột được chấp nhận: {accepted}",
                $"required column {name} is missing; accepted headings: {accepted}"));
        }
        foreach (var (_, name, column) in map.Repeated)
            report.AddError(new LoadIssue(line, sheet, column, name, $"cột {column} xuất hiện hai lần trong tiêu đề", $"column {column} appears twice in the header"));
        foreach (var (_, name) in map.Unknown)
            report.AddWarning(new LoadIssue(line, sheet, name, null,
                "cột không thuộc mẫu của bộ dữ liệu; bỏ qua khi nạp", "column is not part of the dataset's template; not loaded"));
        return map.Usable;
    }

    // ---- rows of a template that are not data ----

    [GeneratedRegex(@"^\(?\s*(\d{1,2}|[a-z])\s*\)?$", RegexOptions.IgnoreCase)] private static partial Regex ColumnNumber();
    [GeneratedRegex(@"^[ivxlc]+(\.|\s|$)", RegexOptions.IgnoreCase)] private static partial Regex RomanNumeral();
    [GeneratedRegex(@"^[ivxlc]+\.?$", RegexOptions.IgnoreCase)] private static partial Regex RomanAlone();
    [GeneratedRegex(@"ngay\s+\S{1,2}\s+thang\s+\S{1,2}\s+nam\s+\d{4}")] private static partial Regex PlaceAndDate();
    [GeneratedRegex(@"^(tong cong|cong (nhom|khoi|muc|phan|[ivxlc]+\b))")] private static partial Regex TotalLabel();

    private static readonly string[] SignatureWords =
        ["nguoi lap bieu", "nguoi lap", "chu tich", "thu truong", "tm.", "kt.", "noi nhan", "(ky", "ky ten", "ky, ghi ro", "xac nhan cua", "pho chu tich", "bi thu", "truong phong"];

    private bool _signature;
    private bool _firstAfterHeader = true;

    /// <summary>The data rows (and total and group-start rows) after the header; every other row is skipped and noted.</summary>
    public IEnumerable<SourceRecord> Records()
    {
        while (true)
        {
            SourceRecord record;
            if (_pending.Count > 0) record = _pending.Dequeue();
            else if (_rows.MoveNext()) record = _rows.Current;
            else yield break;
            var first = _firstAfterHeader;
            _firstAfterHeader = false;
            if (Classify(record, first) is { } kind) yield return record with { Role = kind };
        }
    }

    /// <summary>The role of a row, or null when it is skipped (and noted).</summary>
    private RowRole? Classify(SourceRecord record, bool first)
    {
        // the row under the headings numbering the columns fills every column, the required ones too
        if (first && IsColumnNumberRow(record))
            return Skip(record, "hàng đánh số cột (1), (2), …; bỏ qua", "column-number row (1), (2), …; skipped");
        if (RequiredFilled(record)) return RowRole.Data;
        // distinct: a heading merged across the row fills every cell with the same text
        var texts = record.Cells.Where(c => !c.IsEmpty).Select(c => c.Text.Trim()).Distinct().ToList();
        var (lead, inSequence) = LeadText(record);
        var folded = lead is null ? "" : VietnameseFold.Fold(lead).TrimEnd(':', '.', ' ');
        if (!_signature && (folded is "tong cong" or "tong so" or "tong" or "cong" || TotalLabel().IsMatch(folded)))
            return RowRole.Total;
        if (!_signature && lead is not null && (RomanAlone().IsMatch(lead) && inSequence || RomanNumeral().IsMatch(lead) && texts.Count <= 2))
        {
            Skip(record, "hàng nhóm (I, II, …); bỏ qua", "group heading row (I, II, …); skipped");
            return RowRole.GroupStart;
        }
        // signature rows are sparse: a title, a name, a place and date; a data row missing a cell is not one
        if (_signature || texts.Count <= 3 && texts.Any(t => IsSignatureText(VietnameseFold.Fold(t))))
        {
            _signature = true;
            return Skip(record, "phần ký tên, địa danh và ngày tháng cuối biểu; bỏ qua", "signature block, place and date below the table; skipped");
        }
        return RowRole.Data;
    }

    private static bool IsSignatureText(string folded) =>
        PlaceAndDate().IsMatch(folded) || SignatureWords.Any(w => folded.StartsWith(w, StringComparison.Ordinal) || folded.Contains(" " + w, StringComparison.Ordinal) && w.Length > 6);

    /// <summary>The STT cell, or the first filled cell, as text; and whether it is the STT cell.</summary>
    private (string? Text, bool InSequence) LeadText(SourceRecord record)
    {
        if (Map.SequenceColumn >= 0 && Map.SequenceColumn < record.Cells.Length && !record.Cells[Map.SequenceColumn].IsEmpty)
            return (record.Cells[Map.SequenceColumn].Text.Trim(), true);
        foreach (var c in record.Cells) if (!c.IsEmpty) return (c.Text.Trim(), false);
        return (null, false);
    }

    private bool RequiredFilled(SourceRecord record)
    {
        for (var i = 0; i < _spec.Columns.Length; i++)
        {
            if (!_spec.Columns[i].Required) continue;
            var f = Map.FileColumn[i];
            if (f < 0 || f >= record.Cells.Length || record.Cells[f].IsEmpty) return false;
        }
        return true;
    }

    /// <summary>"(1) (2) (3) …" or "1 2 3 …" or "A B C …" across the columns, counting up from the first.</summary>
    /// Bare numbers (1 2 3) count only when they number every heading from 1: a data row is never that.
    private bool IsColumnNumberRow(SourceRecord record)
    {
        var values = new List<int>();
        var bracketed = true;
        foreach (var c in record.Cells)
        {
            if (c.IsEmpty) continue;
            var m = ColumnNumber().Match(c.Text.Trim());
            if (!m.Success) return false;
            bracketed &= c.Text.TrimStart().StartsWith('(');
            var token = m.Groups[1].Value;
            values.Add(int.TryParse(token, out var n) ? n : char.ToUpperInvariant(token[0]) - 'A' + 1);
        }
        if (values.Count < 3) return false;
        for (var i = 1; i < values.Count; i++) if (values[i] != values[i - 1] + 1) return false;
        return bracketed || (values[0] == 1 && values.Count >= Header.Count(h => h.Trim().Length > 0));
    }

    private RowRole? Skip(SourceRecord record, string vi, string en)
    {
        _report.AddNote(new LoadIssue(record.Line, record.Sheet, null, Preview(record), vi, en));
        return null;
    }

    private static string Preview(SourceRecord record)
    {
        var text = string.Join(" | ", record.Cells.Where(c => !c.IsEmpty).Select(c => c.Text.Trim()).Distinct());
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    /// <summary>The header line(s) end here: rows after it are data.</summary>
    public int LastHeaderLine => _lastHeaderLine;

    public void Dispose()
    {
        _rows.Dispose();
        _csv?.Dispose();
        _xlsx?.Dispose();
    }
}
