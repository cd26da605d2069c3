namespace Analytics.Metrics.Tests;

/// <summary>
/// Tasks on a hand-built province P (tỉnh) with communes C1, C2 and a department S; D = 2026-03-31.
///   T1  C1 due 02-10, completed 02-05                  → completed on time
///   T2  C1 due 02-10, completed 02-18                  → completed late, 8 days
///   T3  C2 due 03-01, in progress; a completion reported on 04-02 is after D → overdue, 30 days
///   T4  C2 due 04-15, no update                        → on track, due in the next 30 days
///   T5  S  no due date, no update                      → open, no deadline
///   T6  P  due 03-20, cancelled on 03-01               → cancelled only
///   T7  C1 assigned 04-10                              → not in scope at D
///   T8  C2 due 03-10, completed 03-05                  → completed on time
///   T9  C2 due 03-31 (= D), in progress                → on track (due on D is not overdue)
///   T10 C1 due 02-01, paused                           → overdue, 58 days
/// </summary>
public sealed class TaskIndicatorTests : IDisposable
{
    private static readonly DateOnly D = new(2026, 3, 31);
    private readonly TestWarehouse _w = new();

    public TaskIndicatorTests()
    {
        _w.Unit("P", "Tỉnh P", "tinh")
          .Unit("C1", "Xã Một", "xa", "P", "Cụm 1")
          .Unit("C2", "Xã Hai", "xa", "P", "Cụm 1")
          .Unit("S", "Sở Nội vụ", "co_quan", "P");
        _w.Task("T1", "C1", "2026-01-05", "2026-02-10").Update("T1", "2026-02-05", "hoan_thanh", "2026-02-05")
          .Task("T2", "C1", "2026-01-05", "2026-02-10").Update("T2", "2026-02-20", "hoan_thanh", "2026-02-18")
          .Task("T3", "C2", "2026-01-05", "2026-03-01", "Số hóa hồ sơ", "2.(1)").Update("T3", "2026-02-01", "dang_thuc_hien")
              .Update("T3", "2026-04-02", "hoan_thanh", "2026-03-30")
          .Task("T4", "C2", "2026-01-05", "2026-04-15")
          .Task("T5", "S", "2026-01-05", null)
          .Task("T6", "P", "2026-01-05", "2026-03-20").Update("T6", "2026-03-01", "huy")
          .Task("T7", "C1", "2026-04-10", "2026-05-10")
          .Task("T8", "C2", "2026-01-05", "2026-03-10").Update("T8", "2026-03-05", "hoan_thanh", "2026-03-05")
          .Task("T9", "C2", "2026-01-05", "2026-03-31").Update("T9", "2026-03-15", "dang_thuc_hien")
          .Task("T10", "C1", "2026-01-05", "2026-02-01", "Kiện toàn bộ máy").Update("T10", "2026-01-20", "tam_dung");
    }

    public void Dispose() => _w.Dispose();

    private double? Value(string unit, string id, DateOnly? asOf = null, string? leadUnit = null)
    {
        var all = _w.Metrics.Compute(unit, asOf ?? D, "tasks.");
        var row = all.Single(v => v.Id == id && (leadUnit is null ? v.Dims.Count == 0 : v.Dims.GetValueOrDefault("lead_unit") == leadUnit));
        return row.Value;
    }

    [Theory]
    [InlineData("tasks.total", 8.0)]                  // 9 in scope (T7 not yet assigned) less T6 cancelled
    [InlineData("tasks.completed_on_time", 2.0)]      // T1, T8
    [InlineData("tasks.completed_late", 1.0)]         // T2
    [InlineData("tasks.overdue", 2.0)]                // T3 (its completion reported after D), T10
    [InlineData("tasks.on_track", 2.0)]               // T4, T9 (due on D)
    [InlineData("tasks.open_no_deadline", 1.0)]       // T5
    [InlineData("tasks.cancelled", 1.0)]              // T6
    [InlineData("tasks.on_time_rate", 40.0)]          // T1, T8 ÷ (T1, T2, T8, T3, T10) = 2/5
    [InlineData("tasks.completion_rate", 37.5)]       // 3 / 8
    [InlineData("tasks.overdue_rate", 25.0)]          // 2 / 8
    [InlineData("tasks.overdue_days_avg", 44.0)]      // (30 + 58) / 2
    [InlineData("tasks.late_days_avg", 8.0)]          // T2: 02-18 − 02-10
    [InlineData("tasks.due_next_30d", 1.0)]           // T4 (04-15 ≤ 04-30); T9 is due on D, not after it
    public void Province_rolls_up_every_task_of_its_units(string id, double expected)
    {
        Assert.Equal(expected, Value("P", id)!.Value, 9);
    }

    [Fact]
    public void Breakdown_by_lead_unit_and_commune_roll_up()
    {
        // C2 leads T3 (overdue), T4, T9 (on track), T8 (on time): 4 tasks; on-time rate T8 ÷ (T8, T3) = 50
        Assert.Equal(4.0, Value("P", "tasks.total", leadUnit: "C2"));
        Assert.Equal(50.0, Value("P", "tasks.on_time_rate", leadUnit: "C2"));
        // C1 on its own at D: T1 on time, T2 late, T10 overdue (T7 not in scope) → 1/3
        Assert.Equal(3.0, Value("C1", "tasks.total"));
        Assert.Equal(100.0 / 3, Value("C1", "tasks.on_time_rate")!.Value, 9);
        // P's own breakdown row holds its cancelled task only
        Assert.Equal(1.0, Value("P", "tasks.cancelled", leadUnit: "P"));
        Assert.Equal(0.0, Value("P", "tasks.total", leadUnit: "P"));
    }

    [Fact]
    public void No_basis_gives_null_not_zero()
    {
        // S has one open task without a due date: no task with a due date → no on-time rate, no averages
        Assert.Equal(1.0, Value("S", "tasks.total"));
        Assert.Null(Value("S", "tasks.on_time_rate"));
        Assert.Null(Value("S", "tasks.late_days_avg"));
        Assert.Null(Value("S", "tasks.overdue_days_avg"));
        // before anything was assigned the register held nothing known at that date: no basis, so
        // counts are null too (never "0 overdue — Đạt"), and rates have no denominator
        var early = new DateOnly(2026, 1, 1);
        Assert.Null(Value("P", "tasks.total", early));
        Assert.Null(Value("P", "tasks.overdue", early));
        Assert.Null(Value("P", "tasks.completion_rate", early));
        Assert.Null(Value("P", "tasks.overdue_rate", early));
    }

    [Fact]
    public void Later_reports_do_not_change_a_past_date()
    {
        var before = _w.Metrics.Compute("P", D);
        _w.Update("T10", "2026-04-20", "hoan_thanh", "2026-04-19")
          .Update("T4", "2026-04-03", "huy")
          .Task("T11", "C2", "2026-04-01", "2026-04-05");
        var after = _w.Metrics.Compute("P", D);
        Assert.Equal(Render(before), Render(after));
        // and the later date does see them: T3 and T10 completed late, T4 cancelled
        Assert.Equal(3.0, Value("P", "tasks.completed_late", new DateOnly(2026, 4, 30)));
    }

    [Fact]
    public void Status_at_d_follows_the_latest_update_on_or_before_d()
    {
        // On 2026-04-02 T3's completion (03-30, due 03-01) is known: completed late by 29 days
        var d = new DateOnly(2026, 4, 2);
        Assert.Equal(2.0, Value("P", "tasks.completed_late", d));         // T2, T3
        Assert.Equal((8 + 29) / 2.0, Value("P", "tasks.late_days_avg", d)!.Value, 9);
    }

    [Fact]
    public void Lagging_units_worst_first_and_only_with_overdue_or_late()
    {
        var lagging = _w.Metrics.LaggingUnits("P", D);
        // C1: overdue 1 (T10), late 1 (T2), on time 1 → rate 33.3; C2: overdue 1 (T3), on time 1 → rate 50
        Assert.Equal(["C1", "C2"], lagging.Select(l => l.UnitCode));
        var c1 = lagging[0];
        Assert.Equal(("Xã Một", 3, 1, 1, 1), (c1.UnitName, c1.Total, c1.CompletedOnTime, c1.CompletedLate, c1.Overdue));
        Assert.Equal(100.0 / 3, c1.OnTimeRate!.Value, 9);
    }

    [Fact]
    public void Overdue_tasks_longest_overdue_first()
    {
        var overdue = _w.Metrics.OverdueTasks("P", D);
        Assert.Equal([("T10", 58), ("T3", 30)], overdue.Select(t => (t.TaskId, t.DaysOverdue)));
        var t3 = overdue[1];
        Assert.Equal(("Số hóa hồ sơ", "C2", "Xã Hai", new DateOnly(2026, 3, 1), "14-CV/TU", "2.(1)"),
            (t3.Title, t3.LeadUnit, t3.LeadUnitName, t3.DueDate, t3.SourceDoc, t3.Clause));
    }

    [Fact]
    public void Kpi_status_own_row_wins_over_every_unit_row_by_direction()
    {
        _w.KpiTarget("tasks.on_time_rate", "*", 80, 60)
          .KpiTarget("tasks.on_time_rate", "C1", 30, 20)
          .KpiTarget("tasks.overdue", "*", 0, 1);
        KpiStatus? Status(string unit, string id) => _w.Metrics.Compute(unit, D, id).Single(v => v.Id == id && v.Dims.Count == 0).Status;
        Assert.Equal(KpiStatus.ChuaDat, Status("P", "tasks.on_time_rate"));   // 40 < 60
        Assert.Equal(KpiStatus.Dat, Status("C1", "tasks.on_time_rate"));     // 33.3 ≥ 30 (own row; by '*' it would be chưa đạt)
        Assert.Equal(KpiStatus.ChuaDat, Status("C2", "tasks.on_time_rate"));  // 50 < 60 by '*'
        Assert.Equal(KpiStatus.ChuaDat, Status("P", "tasks.overdue"));        // lower is better: 2 > 1
        Assert.Equal(KpiStatus.CanCoGang, Status("C1", "tasks.overdue"));     // 1 ≤ 1
        Assert.Equal(KpiStatus.Dat, Status("S", "tasks.overdue"));            // 0 ≤ 0
        Assert.Null(Status("P", "tasks.total"));                              // no target, no status
        Assert.Null(Status("S", "tasks.on_time_rate"));                       // no value, no status
    }

    [Fact]
    public void Kpi_own_row_takes_both_thresholds_from_itself()
    {
        // '*': green 80, amber 40; C2's own row: green 60, no amber. C2's rate 50 is red by its own row;
        // mixing in the '*' amber (40) would wrongly make it amber. P (40) keeps the '*' row: amber.
        _w.KpiTarget("tasks.on_time_rate", "*", 80, 40).KpiTarget("tasks.on_time_rate", "C2", 60, null);
        KpiStatus? Status(string unit) => _w.Metrics.Compute(unit, D, "tasks.on_time_rate").Single(v => v.Dims.Count == 0).Status;
        Assert.Equal(KpiStatus.ChuaDat, Status("C2"));
        Assert.Equal(KpiStatus.CanCoGang, Status("P"));
    }

    [Fact]
    public void Series_gives_one_point_per_date_in_one_call()
    {
        var dates = new[] { new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28), D };
        var series = _w.Metrics.Series("tasks.overdue", "P", new Dictionary<string, string>(), dates);
        // 01-31: none due yet (T10 due 02-01); 02-28: T10; 03-31: T3, T10
        Assert.Equal([0.0, 1.0, 2.0], series.Select(p => p.Value!.Value));
        var byLead = _w.Metrics.Series("tasks.overdue", "P", new Dictionary<string, string> { ["lead_unit"] = "C2" }, dates);
        Assert.Equal([0.0, 0.0, 1.0], byLead.Select(p => p.Value!.Value));
    }

    [Fact]
    public void Compute_many_units_in_one_query_equals_one_by_one()
    {
        _w.KpiTarget("tasks.on_time_rate", "*", 80, 60).Staffing("2026-01-15", "C1", "cong_chuc", "dat_dai", 2, 1);
        string[] units = ["S", "C1", "C2"];
        var together = _w.Metrics.ComputeMany(units, D);
        var oneByOne = units.Order(StringComparer.Ordinal).SelectMany(u => _w.Metrics.Compute(u, D)).ToList();
        Assert.Equal(Render(oneByOne), Render(together));
        Assert.Equal(["C1", "C2", "S"], together.Select(v => v.UnitCode).Distinct());
    }

    [Fact]
    public void Works_on_a_read_only_connection()
    {
        _w.ReopenReadOnly();
        Assert.Equal(8.0, Value("P", "tasks.total"));
    }

    private static string Render(IEnumerable<MetricValue> values) =>
        string.Join("\n", values.Select(v => $"{v.UnitCode} {v.Id} {string.Join(",", v.Dims)} {v.Value} {v.Status}"));
}
