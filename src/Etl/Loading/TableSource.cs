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
    public bool Usable => MissingRequired.Count == 0 && Repeated.Count == 0;

    public static HeaderMap Build(DatasetSpec spec, IReadOnlyList<string> header)
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Columns.Length; i++)
            foreach (var form in spec.Columns[i].HeaderForms()) lookup.TryAdd(form, i);
        var fileColumn = Enumerable.Repeat(-1, spec.Columns.Length).ToArray();
        var unknown = new List<(int, string)>();
        var repeated = new List<(int, string, string)>();
        for (var f = 0; f < header.Count; f++)
        {
            var folded = VietnameseFold.Fold(header[f]);
            if (folded.Length == 0) continue;
            if (!lookup.TryGetValue(folded, out var s)) { unknown.Add((f, header[f].Trim())); continue; }
            if (fileColumn[s] >= 0) { repeated.Add((f, header[f].Trim(), spec.Columns[s].Name)); continue; }
            fileColumn[s] = f;
        }
        var missing = spec.Columns.Where((c, i) => c.Required && fileColumn[i] < 0).Select(c => c.Name).ToList();
        return new HeaderMap { FileColumn = fileColumn, MissingRequired = missing, Unknown = unknown, Repeated = repeated };
    }
}

/// <summary>
/// The records of one input file, CSV or XLSX, after its header: for a workbook, the first sheet
/// whose header row (its first non-empty row) has the dataset's required columns.
/// </summary>
internal sealed class TableSource : IDisposable
{
    private readonly CsvTableReader? _csv;
    private readonly XlsxReader? _xlsx;
    private readonly IEnumerator<SourceRecord>? _sheetRows;

    public string[] Header { get; }
    public int HeaderLine { get; }
    /// <summary>The sheet read (XLSX), or null for CSV.</summary>
    public string? Sheet { get; }
    public int SheetIndex { get; }
    public HeaderMap Map { get; }
    public bool IsCsv => _csv is not null;
    /// <summary>The CSV delimiter detected from the header line (',' for a workbook).</summary>
    public char Delimiter => _csv?.Delimiter ?? ',';

    private TableSource(CsvTableReader csv, HeaderMap map)
    {
        _csv = csv;
        Header = csv.Header!;
        HeaderLine = csv.HeaderLine;
        Map = map;
    }

    private TableSource(XlsxReader xlsx, IEnumerator<SourceRecord> rows, SourceRecord header, int sheetIndex, HeaderMap map)
    {
        _xlsx = xlsx;
        _sheetRows = rows;
        Header = header.Cells.Select(c => c.Text).ToArray();
        HeaderLine = header.Line;
        Sheet = header.Sheet;
        SheetIndex = sheetIndex;
        Map = map;
    }

    public static bool IsWorkbook(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

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
            var map = HeaderMap.Build(spec, csv.Header);
            if (!ReportHeader(map, csv.HeaderLine, null, report)) { csv.Dispose(); return null; }
            return new TableSource(csv, map);
        }

        var xlsx = XlsxReader.Open(path);
        HeaderMap? firstMap = null;
        SourceRecord? firstHeader = null;
        for (var i = 0; i < xlsx.SheetNames.Count; i++)
        {
            if (sheetIndex is { } wanted && wanted != i) continue;
            var rows = xlsx.ReadSheet(i).GetEnumerator();
            if (!rows.MoveNext()) { rows.Dispose(); continue; }
            var header = rows.Current;
            var map = HeaderMap.Build(spec, header.Cells.Select(c => c.Text).ToList());
            if (map.Usable)
            {
                ReportHeader(map, header.Line, header.Sheet, report);
                return new TableSource(xlsx, rows, header, i, map);
            }
            rows.Dispose();
            if (firstMap is null) { firstMap = map; firstHeader = header; }
        }
        xlsx.Dispose();
        if (firstMap is null)
            report.AddError(new LoadIssue(null, null, null, null, "bảng tính không có trang nào có dữ liệu", "the workbook has no sheet with any data"));
        else
        {
            report.AddError(new LoadIssue(null, null, null, null,
                $"không trang nào của bảng tính có đủ các cột của bộ dữ liệu {spec.Name}; trang đầu tiên ({firstHeader!.Sheet}):",
                $"no sheet of the workbook has the columns of dataset {spec.Name}; the first sheet ({firstHeader.Sheet}):"));
            ReportHeader(firstMap, firstHeader.Line, firstHeader.Sheet, report);
        }
        return null;
    }

    /// <summary>Reports missing and repeated columns as errors, unknown ones as warnings. True when the header is usable.</summary>
    private static bool ReportHeader(HeaderMap map, int line, string? sheet, FileReport report)
    {
        foreach (var name in map.MissingRequired)
            report.AddError(new LoadIssue(line, sheet, name, null, $"thiếu cột bắt buộc {name}", $"required column {name} is missing"));
        foreach (var (_, name, column) in map.Repeated)
            report.AddError(new LoadIssue(line, sheet, column, name, $"cột {column} xuất hiện hai lần trong tiêu đề", $"column {column} appears twice in the header"));
        foreach (var (_, name) in map.Unknown)
            report.AddWarning(new LoadIssue(line, sheet, name, null,
                "cột không thuộc mẫu của bộ dữ liệu; bỏ qua khi nạp", "column is not part of the dataset's template; not loaded"));
        return map.Usable;
    }

    public IEnumerable<SourceRecord> Records()
    {
        if (_csv is not null)
        {
            foreach (var r in _csv.Records()) yield return r;
            yield break;
        }
        while (_sheetRows!.MoveNext()) yield return _sheetRows.Current;
    }

    public void Dispose()
    {
        _csv?.Dispose();
        _sheetRows?.Dispose();
        _xlsx?.Dispose();
    }
}
