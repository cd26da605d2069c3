namespace Analytics.Metrics.Tests;

/// <summary>
/// What a status is judged against (hand-computed):
///   P (tỉnh) has a task register: T1 led by its commune C1, assigned 2026-01-05, due 02-01, no update
///   → overdue at 03-31. Its other commune C2 leads no task. H (Hà Nội) has no task at all.
///   kpi_targets: tasks.overdue '*' 0/5; tasks.on_time_rate '*' 90/80 and C1's own 95/90;
///   revenue.pct_of_period_target '*' 100/95; revenue.pct_of_annual_target '*' 100/90.
///   P's tổng thu 2026: 19.500 tỷ each month, Jan–May (and Dec 2025 for the year end: 2025 has
///   12 months of 10.000). Plans 2026: kế hoạch through May 82.050, dự toán TW through May 100.000,
///   dự toán TW for the year 215.000; 2025: dự toán TW for the year 110.000.
/// </summary>
public sealed class StatusBasisTests : IDisposable
{
    private static readonly DateOnly Mar = new(2026, 3, 31);
    private static readonly DateOnly Apr = new(2026, 4, 30);
    private static readonly DateOnly May = new(2026, 5, 31);
    private static readonly DateOnly Dec2025 = new(2025, 12, 31);
    private readonly TestWarehouse _w = new();

    public StatusBasisTests()
    {
        _w.Unit("P", "Thành phố P", "thanh_pho").Unit("C1", "Xã Một", "xa", "P").Unit("C2", "Xã Hai", "xa", "P")
          .Unit("H", "Hà Nội", "thanh_pho");
        _w.Task("T1", "C1", "2026-01-05", "2026-02-01");
        _w.KpiTarget("tasks.overdue", "*", 0, 5)
          .KpiTarget("tasks.on_time_rate", "*", 90, 80)
          .KpiTarget("tasks.on_time_rate", "C1", 95, 90)
          .KpiTarget("revenue.pct_of_period_target", "*", 100, 95)
          .KpiTarget("revenue.pct_of_annual_target", "*", 100, 90);
        for (var m = 1; m <= 12; m++) _w.Revenue(2025, m, "P", "tong_thu", 10_000);
        for (var m = 1; m <= 5; m++) _w.Revenue(2026, m, "P", "tong_thu", 19_500);
        _w.RevenueTarget(2026, "P", "tong_thu", "ke_hoach", 5, 82_050)
          .RevenueTarget(2026, "P", "tong_thu", "du_toan_trung_uong", 5, 100_000)
          .RevenueTarget(2026, "P", "tong_thu", "du_toan_trung_uong", 12, 215_000)
          .RevenueTarget(2025, "P", "tong_thu", "du_toan_trung_uong", 12, 110_000);
    }

    public void Dispose() => _w.Dispose();

    private MetricValue Total(string unit, DateOnly d, string id) =>
        _w.Metrics.Compute(unit, d, id).Single(v => v.Id == id && v.Dims.Count == 0);

    private MetricValue Revenue(DateOnly d, string id, string? kind = null) =>
        _w.Metrics.Compute("P", d, "revenue.").Single(v => v.Id == id
            && v.Dims.GetValueOrDefault("category") == "tong_thu" && v.Dims.GetValueOrDefault("target_kind") == kind);

    [Fact]
    public void A_unit_with_no_task_data_has_no_value_and_no_status()
    {
        var overdue = Total("H", Mar, "tasks.overdue");
        Assert.Null(overdue.Value);                        // not 0: Hà Nội has no task register
        Assert.Null(overdue.Status);                       // and so never "Đạt"
        Assert.Equal(StatusNote.NoValue, overdue.StatusNote);
        Assert.Equal("Chưa có số liệu", MetricDisplay.Judgement(overdue));
        Assert.Null(Total("H", Mar, "tasks.total").Value);
        // before the register's first task (assigned 2026-01-05) the city had no basis either
        Assert.Null(Total("P", new DateOnly(2025, 12, 31), "tasks.overdue").Value);
    }

    [Fact]
    public void Within_a_loaded_register_zero_is_a_real_zero()
    {
        var p = Total("P", Mar, "tasks.overdue");
        Assert.Equal(1.0, p.Value);                        // T1, due 02-01, not done
        Assert.Equal(KpiStatus.CanCoGang, p.Status);       // 1 > 0 but ≤ 5
        var c2 = Total("C2", Mar, "tasks.overdue");        // leads no task in P's register
        Assert.Equal(0.0, c2.Value);
        Assert.Equal(KpiStatus.Dat, c2.Status);
    }

    [Fact]
    public void Every_status_carries_its_thresholds()
    {
        var overdue = Total("P", Mar, "tasks.overdue");
        Assert.NotNull(overdue.Target);
        Assert.Equal((0.0, 5.0, Direction.Lower, "*"), (overdue.Target!.GreenAt, overdue.Target.AmberAt, overdue.Target.Direction, overdue.Target.FromUnitCode));
        Assert.Equal("mục tiêu ≤ 0, ngưỡng 5", overdue.Target.DescriptionVi);
        Assert.Equal("Cần cố gắng — mục tiêu ≤ 0, ngưỡng 5", MetricDisplay.JudgementWithTarget(overdue));

        // C1: on time 0 of 1 with a due date → 0%; its own row 95/90 wins over '*'
        var c1 = Total("C1", Mar, "tasks.on_time_rate");
        Assert.Equal(KpiStatus.ChuaDat, c1.Status);
        Assert.Equal("mục tiêu ≥ 95%, ngưỡng 90% (ngưỡng riêng của đơn vị)", c1.Target!.DescriptionVi);
        Assert.Equal("mục tiêu ≥ 90%, ngưỡng 80%", Total("P", Mar, "tasks.on_time_rate").Target!.DescriptionVi);
        Assert.Null(Total("P", Mar, "tasks.total").Target);   // no kpi_targets row: nothing to judge against
    }

    [Fact]
    public void Year_to_date_revenue_is_judged_against_the_period_plan()
    {
        var ytd = Revenue(May, "revenue.ytd");
        Assert.Equal(97_500.0, ytd.Value);                          // 5 × 19.500
        Assert.Equal(KpiStatus.Dat, ytd.Status);                    // 97.500 ÷ 82.050 = 118,83% ≥ 100
        var t = ytd.Target!;
        Assert.Equal("revenue.pct_of_period_target", t.BasisId);
        Assert.Equal("ke_hoach", t.BasisDims["target_kind"]);       // the plan before the centre's 5-month estimate (97,5%)
        Assert.Equal(97_500.0 / 82_050 * 100, t.BasisValue!.Value, 9);
        Assert.Equal((82_050.0, 5), (t.TargetAmountBnVnd!.Value, t.TargetThroughMonth!.Value));
        Assert.Equal("so với kế hoạch kỳ (Kế hoạch lũy kế 5 tháng: 82.050 tỷ đồng), đạt 118,8%; mục tiêu ≥ 100%, ngưỡng 95%", t.DescriptionVi);

        // the annual estimate after five months (45,3%) is not a status: judged when the year is over
        var annual = Revenue(May, "revenue.pct_of_annual_target", "du_toan_trung_uong");
        Assert.Equal(97_500.0 / 215_000 * 100, annual.Value!.Value, 8);
        Assert.Null(annual.Status);
        Assert.Equal(StatusNote.AnnualTargetMidYear, annual.StatusNote);

        // the period target itself keeps its own status: 118,8% ≥ 100
        Assert.Equal(KpiStatus.Dat, Revenue(May, "revenue.pct_of_period_target", "ke_hoach").Status);
        // centre's 5-month estimate: 97,5% — between 95 and 100
        Assert.Equal(KpiStatus.CanCoGang, Revenue(May, "revenue.pct_of_period_target", "du_toan_trung_uong").Status);
    }

    [Fact]
    public void Without_a_plan_for_the_months_the_year_to_date_has_no_status()
    {
        var ytd = Revenue(Apr, "revenue.ytd");
        Assert.Equal(78_000.0, ytd.Value);                          // 4 × 19.500
        Assert.Null(ytd.Status);
        Assert.Equal(StatusNote.NoPeriodPlan, ytd.StatusNote);
    }

    [Fact]
    public void At_the_year_end_the_annual_estimate_is_judged()
    {
        var annual = Revenue(Dec2025, "revenue.pct_of_annual_target", "du_toan_trung_uong");
        Assert.Equal(120_000.0 / 110_000 * 100, annual.Value!.Value, 8);   // 12 × 10.000 ÷ 110.000 = 109,1%
        Assert.Equal(KpiStatus.Dat, annual.Status);
        Assert.Equal("so với dự toán năm (Dự toán Trung ương giao năm: 110.000 tỷ đồng), đạt 109,1%; mục tiêu ≥ 100%, ngưỡng 90%", annual.Target!.DescriptionVi);
        // in December the period plan is the year's: the year-to-date is judged by the same estimate
        var ytd = Revenue(Dec2025, "revenue.ytd");
        Assert.Equal(KpiStatus.Dat, ytd.Status);
        Assert.Equal(12, ytd.Target!.TargetThroughMonth);
    }

    [Fact]
    public void Held_values_carry_the_same_targets_as_direct_queries()
    {
        var held = new SnapshotMetricsService(_w.Connection, new SnapshotValues());
        foreach (var unit in new[] { "P", "H", "C1" })
        {
            var direct = _w.Metrics.Compute(unit, May);
            var fromHeld = held.Compute(unit, May);
            Assert.Equal(direct.Select(Describe), fromHeld.Select(Describe));
        }

        static string Describe(MetricValue v) =>
            $"{v.Id} {string.Join(",", v.Dims)} {v.Value} {v.Status} {v.StatusNote} {v.Target?.DescriptionVi}";
    }
}
