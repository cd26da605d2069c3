using System.Globalization;
using System.Text;
using CsvHelper;

namespace Analytics.TaskExtraction;

/// <summary>A hand label: what a Ban Tổ chức officer entered for one task of a document.</summary>
/// <remarks><c>LeadText</c> is the lead as written (also when no code can be given); <c>SourceDoc</c> is given
/// only by label files with that column, for documents that quote another document's tasks.</remarks>
public sealed record TaskLabel(string SourceFile, string Clause, string? LeadUnit, string DueKind, DateOnly? DueDate, string TitleStart,
    string LeadText = "", string? SourceDoc = null);

/// <summary>Precision and recall of one aspect, with the counts behind them.</summary>
public sealed record PrecisionRecall(string Aspect, int TruePositives, int Output, int Labelled)
{
    public double Precision => Output == 0 ? 1 : (double)TruePositives / Output;
    public double Recall => Labelled == 0 ? 1 : (double)TruePositives / Labelled;
}

/// <summary>
/// Scores extracted tasks against hand labels, matching tasks by (file, clause).
/// Task detection: a task output with a labelled clause. Deadline: an output deadline (any kind but
/// `khong`) is right when kind and date equal the label's; a label with a deadline the output lacks is a
/// miss. Lead unit: likewise with `lead_unit` codes; an output code for a task labelled without one
/// (collective or unnamed lead) counts against precision.
/// </summary>
public sealed record ExtractionScore(PrecisionRecall Detection, PrecisionRecall Deadline, PrecisionRecall Lead, IReadOnlyList<string> Mismatches)
{
    public static IReadOnlyList<TaskLabel> ReadLabels(string path)
    {
        using var csv = new CsvReader(new StreamReader(path, Encoding.UTF8), CultureInfo.InvariantCulture);
        var labels = new List<TaskLabel>();
        csv.Read();
        csv.ReadHeader();
        var hasSourceDoc = csv.HeaderRecord!.Contains("source_doc");
        while (csv.Read())
        {
            string F(string name) => (csv.GetField(name) ?? "").Trim();
            labels.Add(new TaskLabel(F("source_file"), F("clause"), F("lead_unit") is { Length: > 0 } l ? l : null, F("due_kind"),
                F("due_date") is { Length: > 0 } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                F("title_start"), F("lead_text"), hasSourceDoc ? F("source_doc") : null));
        }
        return labels;
    }

    public static ExtractionScore Compute(IReadOnlyList<ExtractedTask> output, IReadOnlyList<TaskLabel> labels)
    {
        // Only documents that were labelled are scored.
        var files = labels.Select(l => l.SourceFile).ToHashSet();
        output = output.Where(t => files.Contains(t.SourceFile)).ToList();
        var byKey = labels.ToDictionary(l => (l.SourceFile, l.Clause));
        var outKeys = output.ToDictionary(t => (t.SourceFile, t.Clause));
        var mismatches = new List<string>();

        var detected = output.Count(t => byKey.ContainsKey((t.SourceFile, t.Clause)));
        mismatches.AddRange(output.Where(t => !byKey.ContainsKey((t.SourceFile, t.Clause))).Select(t => $"thừa / extra task {t.SourceFile} {t.Clause}"));
        mismatches.AddRange(labels.Where(l => !outKeys.ContainsKey((l.SourceFile, l.Clause))).Select(l => $"thiếu / missed task {l.SourceFile} {l.Clause}"));

        int dueRight = 0, dueOut = 0, leadRight = 0, leadOut = 0;
        foreach (var t in output)
        {
            byKey.TryGetValue((t.SourceFile, t.Clause), out var label);
            if (t.DueKind != "khong")
            {
                dueOut++;
                if (label is not null && label.DueKind == t.DueKind && label.DueDate == t.DueDate) dueRight++;
                else mismatches.Add($"thời hạn / deadline {t.SourceFile} {t.Clause}: {t.DueKind} {t.DueDate:yyyy-MM-dd} ≠ {label?.DueKind} {label?.DueDate:yyyy-MM-dd}");
            }
            else if (label is not null && label.DueKind != "khong")
                mismatches.Add($"thời hạn / deadline {t.SourceFile} {t.Clause}: không có ≠ {label.DueKind} {label.DueDate:yyyy-MM-dd}");
            if (t.LeadUnit is not null)
            {
                leadOut++;
                if (label?.LeadUnit == t.LeadUnit) leadRight++;
                else mismatches.Add($"chủ trì / lead {t.SourceFile} {t.Clause}: {t.LeadUnit} ≠ {label?.LeadUnit ?? "(trống)"}");
            }
            else if (label?.LeadUnit is not null)
                mismatches.Add($"chủ trì / lead {t.SourceFile} {t.Clause}: (trống) ≠ {label.LeadUnit}");
        }
        return new ExtractionScore(
            new PrecisionRecall("task detection / nhận diện nhiệm vụ", detected, output.Count, labels.Count),
            new PrecisionRecall("deadline / thời hạn", dueRight, dueOut, labels.Count(l => l.DueKind != "khong")),
            new PrecisionRecall("lead unit / đơn vị chủ trì", leadRight, leadOut, labels.Count(l => l.LeadUnit is not null)),
            mismatches);
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{"aspect",-36} {"precision",9} {"recall",7}   correct/output/labelled");
        foreach (var pr in new[] { Detection, Deadline, Lead })
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{pr.Aspect,-36} {pr.Precision,9:0.000} {pr.Recall,7:0.000}   {pr.TruePositives}/{pr.Output}/{pr.Labelled}"));
        foreach (var m in Mismatches) sb.AppendLine("  " + m);
        return sb.ToString();
    }
}
