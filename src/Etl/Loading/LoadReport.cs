using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Analytics.Etl.Loading;

/// <summary>
/// One problem found in a file: where (CSV line, or XLSX sheet and row; null for the file as a
/// whole), which column, the value as written, and why, in Vietnamese and English.
/// </summary>
public sealed record LoadIssue(int? Line, string? Sheet, string? Column, string? Value, string ReasonVi, string ReasonEn)
{
    /// <summary>"staffing.csv:17" or "staffing.xlsx[Phụ lục]!17" or just the file.</summary>
    public string Where(string file) => Line is null ? file : Sheet is null ? $"{file}:{Line}" : $"{file}[{Sheet}]!{Line}";
}

/// <summary>What happened to a file: loaded whole, loaded in part, nothing new, or refused.</summary>
public static class LoadOutcome
{
    public const string Loaded = "loaded";
    public const string Partial = "partial";
    public const string Unchanged = "unchanged";
    public const string Refused = "refused";
    /// <summary>validate only: the file would load.</summary>
    public const string Valid = "valid";
}

/// <summary>The load report of one file (contracts/CLI.md "Load report").</summary>
public sealed class FileReport(string path, string dataset)
{
    public string Path { get; } = path;
    public string File => System.IO.Path.GetFileName(Path);
    public string Dataset { get; internal set; } = dataset;
    public string Sha256 { get; internal set; } = "";
    public long RowsRead { get; internal set; }
    public long Inserted { get; internal set; }
    public long Replaced { get; internal set; }
    public long Unchanged { get; internal set; }
    public long Rejected { get; internal set; }
    public string Outcome { get; internal set; } = LoadOutcome.Refused;
    /// <summary>All errors found; Errors lists the first MaxListed of them.</summary>
    public long ErrorCount { get; private set; }
    public long WarningCount { get; private set; }
    public List<LoadIssue> Errors { get; } = [];
    public List<LoadIssue> Warnings { get; } = [];
    /// <summary>
    /// What the reader did that is neither an error nor a warning, so a reader of the report can see
    /// it: the sheet read, hidden sheets and title, group, total-free and signature rows skipped,
    /// two-row headings combined, merged cells filled down. The first MaxListed are kept.
    /// </summary>
    public List<LoadIssue> Notes { get; } = [];
    public long NoteCount { get; private set; }
    /// <summary>The sheet(s) of a workbook that were read.</summary>
    public List<string> Sheets { get; } = [];
    public long? LoadId { get; internal set; }
    /// <summary>With --partial, the CSV of refused rows and their reasons.</summary>
    public string? RejectsFile { get; internal set; }
    internal int MaxListed { get; init; } = 1000;
    /// <summary>How the records were read: "sql" (DuckDB's read_csv, sql/load/fast) or "records" (one by one in C#, with why); not part of the JSON.</summary>
    public string? ReadPath { get; internal set; }
    /// <summary>Seconds spent per phase (read, checks, merge), for benchmarks; not part of the JSON.</summary>
    public Dictionary<string, double> PhaseSeconds { get; } = [];

    public bool Refused => Outcome == LoadOutcome.Refused;

    internal void AddError(LoadIssue issue)
    {
        ErrorCount++;
        if (Errors.Count < MaxListed) Errors.Add(issue);
    }

    /// <summary>An error that ends the reading of the file (a row limit, a damaged part): listed first, even past MaxListed.</summary>
    internal void AddFileError(LoadIssue issue)
    {
        ErrorCount++;
        if (Errors.Count >= MaxListed && Errors.Count > 0) Errors.RemoveAt(Errors.Count - 1);
        Errors.Insert(0, issue);
    }

    internal void AddNote(LoadIssue issue)
    {
        NoteCount++;
        if (Notes.Count < MaxListed) Notes.Add(issue);
    }

    internal void AddWarning(LoadIssue issue)
    {
        WarningCount++;
        if (Warnings.Count < MaxListed) Warnings.Add(issue);
    }
}

/// <summary>The report of a load or validate run over one or more files.</summary>
public sealed class LoadReport
{
    public List<FileReport> Files { get; } = [];
    /// <summary>Files of the folders given that were not read, and why; a blocking one (a table in a format the loader cannot read) makes the run fail.</summary>
    public List<NotReadFile> NotRead { get; } = [];
    /// <summary>True when no file was refused, no row rejected and no table file of a folder left unread.</summary>
    public bool Ok => Files.All(f => !f.Refused && f.Rejected == 0 && f.ErrorCount == 0) && NotRead.All(n => !n.Blocking);

    /// <summary>The JSON of contracts/CLI.md, plus outcome, error_count and rejects_file per file.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteBoolean("ok", Ok);
            json.WriteStartArray("files");
            foreach (var f in Files)
            {
                json.WriteStartObject();
                json.WriteString("file", f.File);
                json.WriteString("dataset", f.Dataset);
                json.WriteString("sha256", f.Sha256);
                json.WriteNumber("rows_read", f.RowsRead);
                json.WriteNumber("inserted", f.Inserted);
                json.WriteNumber("replaced", f.Replaced);
                json.WriteNumber("unchanged", f.Unchanged);
                json.WriteNumber("rejected", f.Rejected);
                json.WriteString("outcome", f.Outcome);
                json.WriteNumber("error_count", f.ErrorCount);
                if (f.RejectsFile is not null) json.WriteString("rejects_file", f.RejectsFile);
                WriteIssues(json, "errors", f.Errors);
                WriteIssues(json, "warnings", f.Warnings);
                if (f.Sheets.Count > 0)
                {
                    json.WriteStartArray("sheets");
                    foreach (var sheet in f.Sheets) json.WriteStringValue(sheet);
                    json.WriteEndArray();
                }
                if (f.Notes.Count > 0) WriteIssues(json, "notes", f.Notes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (NotRead.Count > 0)
            {
                json.WriteStartArray("not_read");
                foreach (var n in NotRead)
                {
                    json.WriteStartObject();
                    json.WriteString("file", n.File);
                    json.WriteBoolean("blocking", n.Blocking);
                    json.WriteString("reason_vi", n.ReasonVi);
                    json.WriteString("reason_en", n.ReasonEn);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteIssues(Utf8JsonWriter json, string name, List<LoadIssue> issues)
    {
        json.WriteStartArray(name);
        foreach (var e in issues)
        {
            json.WriteStartObject();
            if (e.Sheet is not null)
            {
                json.WriteString("sheet", e.Sheet);
                if (e.Line is { } row) json.WriteNumber("row", row); else json.WriteNull("row");
            }
            else if (e.Line is { } line) json.WriteNumber("line", line);
            else json.WriteNull("line");
            if (e.Column is null) json.WriteNull("column"); else json.WriteString("column", e.Column);
            if (e.Value is null) json.WriteNull("value"); else json.WriteString("value", e.Value);
            json.WriteString("reason_vi", e.ReasonVi);
            json.WriteString("reason_en", e.ReasonEn);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}

/// <summary>A file of a folder that was not read: why, and whether that fails the run (Blocking: a table the loader cannot read).</summary>
public sealed record NotReadFile(string Path, bool Blocking, string ReasonVi, string ReasonEn)
{
    public string File => System.IO.Path.GetFileName(Path);
}

/// <summary>How to load: the dataset (else from the file name), the number form, partial loading.</summary>
public sealed record LoadOptions
{
    /// <summary>Dataset name for every path; null: from each file name's prefix.</summary>
    public string? Dataset { get; init; }
    public Datasets.NumberLocale Locale { get; init; } = Datasets.NumberLocale.Invariant;
    /// <summary>Load the valid rows of a file with errors and write the refused ones to a rejects file.</summary>
    public bool Partial { get; init; }
    /// <summary>Where rejects files go (beside the report, or else beside the warehouse).</summary>
    public string? RejectsDirectory { get; init; }
    /// <summary>Called every ProgressEvery rows of a file with (file name, rows read so far).</summary>
    public Action<string, long>? Progress { get; init; }
    public int ProgressEvery { get; init; } = 100_000;
    /// <summary>Errors listed per file (all are counted).</summary>
    public int MaxErrorsListed { get; init; } = 1000;
    /// <summary>Let DuckDB read a CSV file when it can be sure of giving what the record-by-record reader gives (src/Etl/Loading/SqlCsvStage.cs); false forces the record-by-record reader.</summary>
    public bool SqlCsvPath { get; init; } = true;
    /// <summary>A unit-scoped loader (the dashboard's commune token): only rows of this unit and the units
    /// below it (in the warehouse's units) are accepted, and no units rows at all; any other row refuses the file.</summary>
    public string? UnitScope { get; init; }
}
