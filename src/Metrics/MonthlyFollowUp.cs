using System.Globalization;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Metrics;

/// <summary>A task still open whose due date falls in a coming period (the tasks due next month).</summary>
public sealed record DueTask(string TaskId, string Title, string LeadUnit, string LeadUnitName, DateOnly DueDate, string Status, string SourceDoc, string? Clause);

/// <summary>What one commune sent for a month: its staffing appendix, and progress reports on the tasks it leads.</summary>
/// <param name="LatestSnapshot">its latest staffing snapshot up to the month's end (null: never sent one)</param>
/// <param name="OpenTasks">tasks it leads that it still owed a report on in the month</param>
/// <param name="TaskReports">progress reports dated in the month on tasks it leads</param>
public sealed record CommuneReturn(string UnitCode, string UnitName, string? Cluster, bool StaffingSent, DateOnly? LatestSnapshot,
    int OpenTasks, int TaskReports, bool TaskReportMissing)
{
    public bool AnythingMissing => !StaffingSent || TaskReportMissing;
}

/// <summary>
/// The monthly report's follow-up lists, computed in the warehouse by sql/metrics/monthly.sql:
/// tasks falling due in a period, and which communes have not sent their month's files.
/// </summary>
public sealed class MonthlyFollowUp(DuckDBConnection connection)
{
    /// <summary>Tasks of the unit's roll-up open and not yet overdue at <paramref name="asOf"/>, due between from and to (inclusive).</summary>
    public IReadOnlyList<DueTask> TasksDue(string unitCode, DateOnly asOf, DateOnly from, DateOnly to) =>
        connection.Query<DueTaskRow>(
            "select task_id, title, lead_unit, lead_unit_name, due_date::varchar as due_date, status, source_doc, clause from metrics.tasks_due_between($unit, $as_of::date, $from::date, $to::date)",
            new { unit = unitCode, as_of = Iso(asOf), from = Iso(from), to = Iso(to) })
            .Select(r => new DueTask(r.task_id, r.title, r.lead_unit, r.lead_unit_name, Parse(r.due_date)!.Value, r.status, r.source_doc, r.clause))
            .ToList();

    /// <summary>Every commune of the roll-up with what it sent for the month from..to.</summary>
    public IReadOnlyList<CommuneReturn> CommuneReturns(string unitCode, DateOnly from, DateOnly to) =>
        connection.Query<CommuneReturnRow>(
            "select unit_code, unit_name, cluster, staffing_sent, latest_snapshot::varchar as latest_snapshot, open_tasks, task_reports, task_report_missing from metrics.commune_returns($unit, $from::date, $to::date)",
            new { unit = unitCode, from = Iso(from), to = Iso(to) })
            .Select(r => new CommuneReturn(r.unit_code, r.unit_name, r.cluster, r.staffing_sent, Parse(r.latest_snapshot), r.open_tasks, r.task_reports, r.task_report_missing))
            .ToList();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Parse(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

#pragma warning disable IDE1006
    private sealed record DueTaskRow(string task_id, string title, string lead_unit, string lead_unit_name, string due_date, string status, string source_doc, string? clause);
    private sealed record CommuneReturnRow(string unit_code, string unit_name, string? cluster, bool staffing_sent, string? latest_snapshot, int open_tasks, int task_reports, bool task_report_missing);
#pragma warning restore IDE1006
}
