using System.Globalization;
using System.Text;
using Analytics.Metrics;
using Analytics.Reports.Briefing;
using Analytics.Reports.Monthly;
using Analytics.Reports.Rendering;
using DuckDB.NET.Data;

namespace Analytics.Cli.Commands;

/// <summary>The monthly report as `report --kind monthly` and `schedule run` write it: one document, a PDF and a Word draft.</summary>
internal static class MonthlyReport
{
    /// <summary>"2026-05" or "05/2026"; a month that has not begun is a usage error.</summary>
    public static MonthlyPeriod ParseMonth(string? text, DateOnly today)
    {
        int year, month;
        if (text is null) (year, month) = (today.Year, today.Month);
        else if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)) (year, month) = (a.Year, a.Month);
        else if (DateOnly.TryParseExact("01/" + text.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)) (year, month) = (b.Year, b.Month);
        else throw new UsageException($"tháng không hợp lệ / invalid month '{text}': dùng YYYY-MM hoặc MM/YYYY (use YYYY-MM or MM/YYYY)");
        try { return MonthlyPeriod.For(year, month, today); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public sealed record Written(string Pdf, string Docx, int Pages, MonthlyData Data);

    /// <summary>Writes bao-cao-thang-UNIT-YYYY-MM.pdf and .docx into outDir from one document.</summary>
    public static Written Write(DuckDBConnection connection, string unitCode, MonthlyPeriod period, BriefingOptions options, string outDir, PdfRenderer renderer)
    {
        // the file is open read-only for the report, so nothing changes under held values: the report's
        // five dates are computed for every unit at once and the children's comparison reads them too
        var metrics = new SnapshotMetricsService(connection, new SnapshotValues());
        var data = MonthlyBuilder.Gather(metrics, new MonthlyFollowUp(connection), unitCode, period);
        var document = MonthlyContent.Build(data, options);
        Directory.CreateDirectory(outDir);
        var stem = Path.Combine(outDir, $"bao-cao-thang-{unitCode}-{period.Year}-{period.Month:00}");
        int pages;
        using (var file = File.Create(stem + ".pdf")) pages = renderer.Render(document, file);
        using (var file = File.Create(stem + ".docx")) new DocxRenderer(renderer.Theme.Fonts).Render(document, file);
        return new Written(stem + ".pdf", stem + ".docx", pages, data);
    }

    /// <summary>The communes that have not sent the month's files, as CSV (UTF-8 with BOM, so Excel opens the Vietnamese right).</summary>
    public static void WriteMissingCsv(MonthlyData data, string path)
    {
        var sb = new StringBuilder();
        sb.Append("unit_code,unit_name,cluster,staffing_sent,latest_staffing_snapshot,open_tasks,task_reports_in_month,task_report_missing\n");
        foreach (var r in data.MissingReturns)
            sb.Append(string.Join(",", Csv(r.UnitCode), Csv(r.UnitName), Csv(r.Cluster ?? ""), r.StaffingSent ? "true" : "false",
                r.LatestSnapshot?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.OpenTasks.ToString(CultureInfo.InvariantCulture),
                r.TaskReports.ToString(CultureInfo.InvariantCulture), r.TaskReportMissing ? "true" : "false")).Append('\n');
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>The plain-words summary of who has not sent what (stdout of schedule and report).</summary>
    public static void PrintMissing(MonthlyData data, TextWriter stdout)
    {
        var missing = data.MissingReturns;
        var p = data.Period;
        stdout.WriteLine($"Xã, phường chưa gửi số liệu tháng {p.Name} / communes missing files for {p.Year}-{p.Month:00}: "
            + $"{VietnameseFormat.Number(missing.Count)}/{VietnameseFormat.Number(data.Returns.Count)} "
            + $"(biên chế / staffing: {VietnameseFormat.Number(missing.Count(r => !r.StaffingSent))}, nhiệm vụ / task reports: {VietnameseFormat.Number(missing.Count(r => r.TaskReportMissing))})");
        foreach (var r in missing)
        {
            var what = new List<string>();
            if (!r.StaffingSent) what.Add("phụ lục biên chế / staffing");
            if (r.TaskReportMissing) what.Add($"báo cáo nhiệm vụ / task report ({r.OpenTasks} nhiệm vụ / open tasks)");
            stdout.WriteLine($"  {r.UnitCode,-8} {r.UnitName,-28} {string.Join("; ", what)}");
        }
    }
}
