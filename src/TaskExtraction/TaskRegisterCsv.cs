using System.Globalization;
using System.Text;
using CsvHelper;

namespace Analytics.TaskExtraction;

/// <summary>
/// Writes extracted tasks in the `tasks` contract format (INPUTS.md) plus `confidence` and `review_note`:
/// UTF-8, RFC 4180 quoting, dates YYYY-MM-DD, support units `;`-separated. assigned_date is left empty so
/// it defaults to source_date once a person has checked that date.
/// </summary>
public static class TaskRegisterCsv
{
    public static readonly string[] Columns =
        ["task_id", "source_doc", "source_date", "clause", "title", "lead_unit", "support_units", "assigned_date", "due_kind", "due_date", "confidence", "review_note"];

    public static void Write(TextWriter writer, IEnumerable<ExtractedTask> tasks)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var c in Columns) csv.WriteField(c);
        csv.NextRecord();
        foreach (var t in tasks)
        {
            csv.WriteField(t.TaskId);
            csv.WriteField(t.SourceDoc);
            csv.WriteField(Date(t.SourceDate));
            csv.WriteField(t.Clause);
            csv.WriteField(t.Title);
            csv.WriteField(t.LeadUnit ?? "");
            csv.WriteField(string.Join(";", t.SupportUnits));
            csv.WriteField("");
            csv.WriteField(t.DueKind);
            csv.WriteField(Date(t.DueDate));
            csv.WriteField(t.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(t.ReviewNote);
            csv.NextRecord();
        }
    }

    public static void Write(string path, IEnumerable<ExtractedTask> tasks)
    {
        // Written beside the target and moved into place, so a failure never leaves half a register.
        var temp = path + ".tmp";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false))) Write(writer, tasks);
        File.Move(temp, path, overwrite: true);
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
