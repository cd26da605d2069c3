namespace Analytics.Synthetic;

/// <summary>How many tasks a register produces and how they stand at the as-of date.</summary>
public sealed record TaskRegisterSettings(
    DateOnly From,
    DateOnly AsOf,
    DateOnly Reorganisation,
    /// <summary>Clauses per month, after the reorganisation, addressed to every commune (one task each); a fraction accumulates.</summary>
    double CommuneClausesPerMonth,
    /// <summary>Directives per month before and after the reorganisation.</summary>
    (int Min, int Max) DirectivesBefore,
    (int Min, int Max) DirectivesAfter)
{
    /// <summary>Directives taken from real documents, placed in the register on their date.</summary>
    public IReadOnlyList<AnchorDirective> Anchors { get; init; } = [];
}

/// <summary>A clause of a real directive: its lead is a unit code, or <see cref="AnchorDirective.EveryCommune"/>.</summary>
public sealed record AnchorClause(string Clause, string Title, string Lead, string DueKind, DateOnly? Due, string? Support = null);

/// <summary>A real directive (e.g. the city's instruction implementing 195-KL/TW, seed 000) with its clauses.</summary>
public sealed record AnchorDirective(string Doc, DateOnly Date, IReadOnlyList<AnchorClause> Clauses)
{
    public const string EveryCommune = "*";
}

/// <summary>
/// Writes a city's task register and its progress reports. Directives (city công văn, kế hoạch,
/// thông báo kết luận, UBND documents, and Politburo/Secretariat conclusions) arrive month by
/// month; each has numbered clauses addressed to departments or to every commune. Each task's
/// outcome at the as-of date is drawn first (completed on time or late, in progress, overdue,
/// cancelled) and its dates and updates are made to agree with it, so the shares at the as-of date
/// are controlled: about 77 % completed, 22 % in progress, 1 % overdue.
/// </summary>
public static class TaskRegisterGenerator
{
    public static readonly string[] TaskHeader =
        ["task_id", "source_doc", "source_date", "clause", "title", "lead_unit", "support_units", "assigned_date", "due_kind", "due_date"];

    public static readonly string[] UpdateHeader =
        ["task_id", "report_date", "status", "completed_date", "progress_pct", "note"];

    /// <summary>Politburo / Secretariat conclusions the city turns into tasks (numbers and dates as cited in the seeds where they appear there).</summary>
    private static readonly (string Doc, DateOnly Date)[] Conclusions =
    [
        ("121-KL/TW", new(2025, 1, 24)), ("126-KL/TW", new(2025, 2, 14)), ("127-KL/TW", new(2025, 2, 28)),
        ("137-KL/TW", new(2025, 3, 28)), ("150-KL/TW", new(2025, 4, 14)), ("157-KL/TW", new(2025, 5, 25)),
        ("167-KL/TW", new(2025, 6, 20)), ("178-KL/TW", new(2025, 8, 14)), ("183-KL/TW", new(2025, 8, 29)),
        ("195-KL/TW", new(2025, 9, 26)), ("206-KL/TW", new(2025, 11, 10)), ("18-KL/TW", new(2026, 4, 2)),
        ("27-KL/TW", new(2026, 4, 24)), ("34-KL/TW", new(2026, 5, 18)),
    ];

    public static (long Tasks, long Updates) Write(CityModel city, TaskRegisterSettings s, Rng rng,
        ContractCsvWriter tasks, ContractCsvWriter updates)
    {
        var code = city.Province.Code;
        var byTopic = TaskTopics.Names.ToDictionary(t => t, t => city.Departments.Where(d => d.Topics.Contains(t)).ToList());
        // a tenth of the communes struggle: more overdue and late tasks, so the lagging-units list has content
        var weak = city.Communes.Where(_ => rng.Chance(0.1)).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var clusters = city.Communes.GroupBy(c => c.Cluster).Select(g => g.ToList()).ToList();

        var seq = 0;
        long nUpdates = 0;
        var defs = new List<TaskDef>();
        var communeAcc = 0.0;
        int cvBefore = 1180, cvAfter = 0, kh = 0, tb = 0, ubnd = 0;
        for (var month = new DateOnly(s.From.Year, s.From.Month, 1); month <= s.AsOf; month = month.AddMonths(1))
        {
            var after = month >= s.Reorganisation;
            var first3 = after && month < s.Reorganisation.AddMonths(3);
            var (lo, hi) = after ? s.DirectivesAfter : s.DirectivesBefore;
            var count = rng.Int(lo, hi) + (first3 ? 2 : 0);
            var days = new List<int>();
            for (var i = 0; i < count; i++) days.Add(rng.Int(1, DateTime.DaysInMonth(month.Year, month.Month)));
            days.Sort();
            var clauseCounts = days.Select(_ => rng.Int(3, 7)).ToArray();
            // which clause slots of the month go to every commune: a fixed number per month, so the register's size is steady
            var communeSlots = new HashSet<int>();
            if (after)
            {
                var want = (int)(communeAcc + s.CommuneClausesPerMonth) - (int)communeAcc + (first3 ? 1 : 0);
                communeAcc += s.CommuneClausesPerMonth;
                var slots = clauseCounts.Sum();
                while (communeSlots.Count < Math.Min(want, slots)) communeSlots.Add(rng.Int(0, slots - 1));
            }
            var slot = -1;
            for (var di = 0; di < days.Count; di++)
            {
                var day = days[di];
                var date = new DateOnly(month.Year, month.Month, day);
                if (date > s.AsOf.AddDays(-2)) { slot += clauseCounts[di]; continue; }
                var afterReorg = date >= s.Reorganisation;
                string doc;
                var sourceDate = date;
                var assigned = date;
                var recentConclusion = Conclusions.Where(c => c.Date <= date && c.Date > date.AddDays(-40)).ToList();
                var r = rng.NextDouble();
                if (r < 0.15 && recentConclusion.Count > 0)
                {
                    (doc, sourceDate) = rng.Pick(recentConclusion);
                    assigned = sourceDate.AddDays(rng.Int(3, 10));
                    if (assigned > s.AsOf.AddDays(-2)) { slot += clauseCounts[di]; continue; }
                }
                else if (r < 0.55) doc = afterReorg ? $"{cvAfter += rng.Int(4, 25)}-CV/TU" : $"{cvBefore += rng.Int(20, 70)}-CV/TU";
                else if (r < 0.67) doc = $"{kh += rng.Int(2, 9)}-KH/TU";
                else if (r < 0.80) doc = $"{tb += rng.Int(2, 12)}-TB/TU";
                else doc = $"{ubnd += rng.Int(30, 160)}/UBND-{rng.Pick(UbndDepartments)}";

                var clauseCount = clauseCounts[di];
                var section = 1;
                var item = 0;
                for (var k = 0; k < clauseCount; k++)
                {
                    slot++;
                    if (k > 0 && rng.Chance(0.4)) { section++; item = 0; }
                    item++;
                    var clause = $"{section}.({item})";
                    var topic = rng.Pick(afterReorg ? TaskTopics.Names : TaskTopics.PreparationTopics);
                    var leads = byTopic[topic].Count > 0 ? byTopic[topic] : city.Departments.ToList();
                    var (dueKind, due) = DrawDue(rng, assigned);

                    if (afterReorg && communeSlots.Contains(slot))
                    {
                        var title = rng.Pick(TaskTopics.ForCommunes(topic));
                        var targets = rng.Chance(0.2) ? rng.Pick(clusters) : city.Communes;
                        var support = rng.Chance(0.35) ? rng.Pick(leads).Code : null;
                        foreach (var c in targets)
                        {
                            var id = $"{code}-T{++seq:00000}";
                            defs.Add(new TaskDef(id, doc, sourceDate, clause, title, c.Code, support, assigned, dueKind, due, weak.Contains(c.Code)));
                        }
                    }
                    else
                    {
                        var title = rng.Pick(TaskTopics.ForDepartment(topic));
                        var n = rng.Chance(0.15) ? Math.Min(leads.Count, rng.Int(2, 4)) : 1;
                        var chosen = new List<DepartmentModel>();
                        while (chosen.Count < n)
                        {
                            var d = rng.Pick(leads);
                            if (!chosen.Contains(d)) chosen.Add(d);
                        }
                        foreach (var lead in chosen)
                        {
                            string? support = null;
                            if (rng.Chance(0.5))
                            {
                                var others = new List<string>();
                                var m = rng.Int(1, 3);
                                for (var j = 0; j < m; j++)
                                {
                                    var o = rng.Pick(city.Departments).Code;
                                    if (o != lead.Code && !others.Contains(o)) others.Add(o);
                                }
                                support = others.Count > 0 ? string.Join(";", others) : null;
                            }
                            var id = $"{code}-T{++seq:00000}";
                            defs.Add(new TaskDef(id, doc, sourceDate, clause, title, lead.Code, support, assigned, dueKind, due, false));
                        }
                    }
                }
            }
            foreach (var anchor in s.Anchors.Where(a => a.Date.Year == month.Year && a.Date.Month == month.Month && a.Date <= s.AsOf))
                foreach (var c in anchor.Clauses)
                {
                    var leads = c.Lead == AnchorDirective.EveryCommune ? city.Communes.Select(x => x.Code) : [c.Lead];
                    foreach (var lead in leads)
                        defs.Add(new TaskDef($"{code}-T{++seq:00000}", anchor.Doc, anchor.Date, c.Clause, c.Title, lead, c.Support,
                            anchor.Date, c.DueKind, c.Due, weak.Contains(lead)));
                }
        }

        // Outcome probabilities are set from the register's own shape so the shares at the as-of
        // date land near the targets whatever the mix of deadlines: overdue ≈ 1 % of all tasks,
        // completed ≈ 77 %; the rest are in progress (on track or without deadline).
        var past = defs.Count(d => d.Due is { } x && x < s.AsOf);
        var open = defs.Count - past;
        var pOverdue = past == 0 ? 0 : Math.Min(0.2, 0.0095 * defs.Count / past);
        var pLate = 0.10;
        var completedPast = past * (1 - pOverdue);
        var pOpenDone = open == 0 ? 0 : Math.Clamp((0.762 * defs.Count - completedPast) / open, 0.02, 0.95);
        var outcomes = defs.Select(d => DrawOutcome(rng, d, s.AsOf, pOverdue, pLate, pOpenDone)).ToArray();
        // then nudge open tasks (no deadline or due after the as-of date) between completed and in
        // progress until the completed share is on target
        var target = (int)Math.Round(0.77 * outcomes.Count(o => o != Outcome.Cancelled));
        var completed = outcomes.Count(o => o is Outcome.OnTime or Outcome.Late);
        var movable = Enumerable.Range(0, defs.Count)
            .Where(i => (defs[i].Due is null || defs[i].Due >= s.AsOf) && s.AsOf.DayNumber - defs[i].Assigned.DayNumber > 10
                        && outcomes[i] is Outcome.OnTime or Outcome.InProgress)
            .ToList();
        for (var guard = 0; completed != target && movable.Count > 0 && guard < 100_000; guard++)
        {
            var i = movable[rng.Int(0, movable.Count - 1)];
            if (completed < target && outcomes[i] == Outcome.InProgress) { outcomes[i] = Outcome.OnTime; completed++; }
            else if (completed > target && outcomes[i] == Outcome.OnTime) { outcomes[i] = Outcome.InProgress; completed--; }
        }
        for (var i = 0; i < defs.Count; i++)
        {
            var d = defs[i];
            WriteTask(tasks, d.Id, d.Doc, d.SourceDate, d.Clause, d.Title, d.Lead, d.Support, d.Assigned, d.DueKind, d.Due);
            nUpdates += WriteUpdates(updates, rng, d, outcomes[i], s.AsOf);
        }
        return (seq, nUpdates);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static readonly string[] UbndDepartments = ["TH", "NC", "VX", "KT", "XD", "NV"];

    private static (string Kind, DateOnly? Due) DrawDue(Rng rng, DateOnly assigned)
    {
        switch (rng.Weighted([0.55, 0.10, 0.10, 0.15, 0.10]))
        {
            case 0: return ("ngay", assigned.AddDays(rng.Int(10, 90)));
            case 1:
            {
                var m = assigned.AddMonths(rng.Int(0, 2));
                return ("thang", new DateOnly(m.Year, m.Month, DateTime.DaysInMonth(m.Year, m.Month)));
            }
            case 2:
            {
                var m = assigned.AddMonths(rng.Int(0, 3));
                var qEndMonth = (m.Month - 1) / 3 * 3 + 3;
                return ("quy", new DateOnly(m.Year, qEndMonth, DateTime.DaysInMonth(m.Year, qEndMonth)));
            }
            case 3: return ("thuong_xuyen", null);
            default: return ("khong", null);
        }
    }

    private static void WriteTask(ContractCsvWriter w, string id, string doc, DateOnly sourceDate, string clause, string title,
        string lead, string? support, DateOnly assigned, string dueKind, DateOnly? due)
    {
        w.Field(id).Field(doc).Field(sourceDate).Field(clause).Field(title).Field(lead).Field(support)
            .Field(assigned == sourceDate ? null : assigned).Field(dueKind).Field(due);
        w.EndRow();
    }

    private sealed record TaskDef(string Id, string Doc, DateOnly SourceDate, string Clause, string Title, string Lead,
        string? Support, DateOnly Assigned, string DueKind, DateOnly? Due, bool WeakUnit);

    private enum Outcome { OnTime, Late, InProgress, Overdue, Cancelled }

    /// <summary>Draws the task's standing at the as-of date.</summary>
    private static Outcome DrawOutcome(Rng rng, TaskDef def, DateOnly asOf, double pOverdueBase, double pLateBase, double pOpenDone)
    {
        var (assigned, dueKind, due, weakUnit) = (def.Assigned, def.DueKind, def.Due, def.WeakUnit);
        var daysOpen = asOf.DayNumber - assigned.DayNumber;
        Outcome outcome;
        if (rng.Chance(0.003)) outcome = Outcome.Cancelled;
        else if (due is null)
            outcome = rng.Chance(dueKind == "thuong_xuyen" ? pOpenDone * 0.8 : Math.Min(0.95, pOpenDone * (daysOpen > 60 ? 1.4 : 0.8))) && daysOpen > 10 ? Outcome.OnTime : Outcome.InProgress;
        else if (due < asOf)
        {
            var pOverdue = weakUnit ? Math.Min(0.5, pOverdueBase * 5) : pOverdueBase * 0.6;
            var pLate = weakUnit ? pLateBase * 2.5 : pLateBase;
            var x = rng.NextDouble();
            outcome = x < pOverdue ? Outcome.Overdue : x < pOverdue + pLate ? Outcome.Late : Outcome.OnTime;
        }
        else outcome = rng.Chance(pOpenDone) && daysOpen > 10 ? Outcome.OnTime : Outcome.InProgress;
        return outcome;
    }

    /// <summary>Writes the progress reports that lead to the task's standing at the as-of date. Returns how many.</summary>
    private static int WriteUpdates(ContractCsvWriter w, Rng rng, TaskDef def, Outcome outcome, DateOnly asOf)
    {
        var (id, assigned, due) = (def.Id, def.Assigned, def.Due);
        var daysOpen = asOf.DayNumber - assigned.DayNumber;

        DateOnly? completed = null;
        if (outcome == Outcome.OnTime)
        {
            var latest = due is { } d && d < asOf ? d : asOf.AddDays(-1);
            var span = Math.Max(1, latest.DayNumber - assigned.DayNumber);
            completed = assigned.AddDays(Math.Max(1, (int)Math.Round(span * rng.Range(0.35, 1.0))));
            if (completed > latest) completed = latest;
        }
        else if (outcome == Outcome.Late)
        {
            completed = due!.Value.AddDays(rng.Int(1, 45));
            if (completed > asOf) completed = asOf;
        }

        // progress reports every few weeks until the task closes or the as-of date
        var end = completed ?? asOf.AddDays(1);
        var count = 0;
        var progress = 0;
        var t = assigned.AddDays(rng.Int(5, 20));
        var maxInterim = rng.Int(1, 3);
        var stopAt = outcome == Outcome.Cancelled ? Min(assigned.AddDays(Math.Max(2, daysOpen / 2)), asOf) : end;
        while (t < stopAt && t <= asOf && count < maxInterim)
        {
            progress = Math.Min(95, progress + rng.Int(10, 40));
            var status = outcome is Outcome.InProgress or Outcome.Overdue && rng.Chance(0.03) ? "tam_dung" : "dang_thuc_hien";
            string? note = outcome == Outcome.Overdue && count == maxInterim - 1
                ? rng.Pick(TaskTopics.Notes)
                : rng.Chance(0.15) ? rng.Pick(TaskTopics.Notes) : null;
            w.Field(id).Field(t).Field(status).Field((string?)null).Field(progress).Field(note);
            w.EndRow();
            count++;
            t = t.AddDays(rng.Int(20, 45));
        }
        if (completed is { } c)
        {
            var report = c.AddDays(rng.Int(0, 3));
            if (report > asOf) report = asOf;
            w.Field(id).Field(report).Field("hoan_thanh").Field(c).Field(100).Field((string?)null);
            w.EndRow();
            count++;
        }
        else if (outcome == Outcome.Cancelled)
        {
            w.Field(id).Field(stopAt).Field("huy").Field((string?)null).Field((string?)null)
                .Field("Không thực hiện do điều chỉnh chủ trương");
            w.EndRow();
            count++;
        }
        return count;
    }
}
