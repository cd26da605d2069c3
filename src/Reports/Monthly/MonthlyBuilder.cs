using Analytics.Metrics;
using Analytics.Metrics.Catalogue;
using Analytics.Reports.Briefing;
using Analytics.Reports.Documents;

namespace Analytics.Reports.Monthly;

/// <summary>
/// Reads what the monthly report needs from the metrics layer (never from a connection of its own
/// beyond the follow-up lists' macros) and turns it into <see cref="MonthlyData"/>.
/// </summary>
public static class MonthlyBuilder
{
    public static Document Build(MetricsService metrics, MonthlyFollowUp followUp, string unitCode, MonthlyPeriod period, BriefingOptions options) =>
        MonthlyContent.Build(Gather(metrics, followUp, unitCode, period), options);

    public static MonthlyData Gather(MetricsService metrics, MonthlyFollowUp followUp, string unitCode, MonthlyPeriod p)
    {
        var unit = metrics.Unit(unitCode) ?? throw new ArgumentException($"Không có đơn vị mã {unitCode} trong kho / no unit with code {unitCode} in the warehouse");
        // over held values, the five dates' catalogues of every unit in one query (DuckDB plans the macros once)
        metrics.Prefetch([p.AsOf, p.PreviousAsOf, p.YearAgoAsOf, p.YearAgoAsOf.AddMonths(-1), p.PreviousAsOf.AddMonths(-1)]);
        var now = new Values(metrics.Compute(unitCode, p.AsOf));
        var before = new Values(metrics.Compute(unitCode, p.PreviousAsOf));
        var yearAgo = new Values(metrics.Compute(unitCode, p.YearAgoAsOf));
        // the month's own revenue is this year-to-date less the previous month's (January: the year-to-date itself)
        var yearAgoBefore = new Values(metrics.Compute(unitCode, p.YearAgoAsOf.AddMonths(-1), "revenue."));

        MonthlyRow Row(string id, string label, string unitText, (string, string)[]? dims = null, string? key = null)
        {
            dims ??= [];
            var def = IndicatorCatalogue.Get(id) ?? throw new InvalidOperationException($"indicator {id} is not in the catalogue");
            // money is said in whole tỷ đồng, as the finance office and the briefing say it (97.471 tỷ đồng)
            var decimals = unitText == "tỷ đồng" ? 0 : def.Decimals;
            return new MonthlyRow(key ?? id, label, unitText, now[id, dims], before[id, dims], yearAgo[id, dims], decimals, def.Better);
        }

        var tasks = new MonthlyArea("Thực hiện nhiệm vụ được giao",
        [
            Row("tasks.total", "Tổng số nhiệm vụ được giao", "nhiệm vụ"),
            new MonthlyRow("tasks.completed", "Đã hoàn thành", "nhiệm vụ", Completed(now), Completed(before), Completed(yearAgo), 0, Direction.Higher),
            Row("tasks.completed_on_time", "Trong đó: hoàn thành đúng hạn", "nhiệm vụ"),
            Row("tasks.completed_late", "Trong đó: hoàn thành quá hạn", "nhiệm vụ"),
            Row("tasks.on_track", "Đang thực hiện, trong hạn", "nhiệm vụ"),
            Row("tasks.overdue", "Quá hạn chưa hoàn thành", "nhiệm vụ"),
            Row("tasks.on_time_rate", "Tỷ lệ hoàn thành đúng hạn", "%"),
            Row("tasks.completion_rate", "Tỷ lệ hoàn thành", "%"),
            Row("tasks.overdue_rate", "Tỷ lệ quá hạn", "%"),
        ]);
        var staffing = new MonthlyArea("Đội ngũ cán bộ, công chức cấp xã",
        [
            Row("staffing.quota", "Biên chế được giao", "người"),
            Row("staffing.actual", "Số có mặt", "người"),
            Row("staffing.fill_rate", "Tỷ lệ có mặt so với biên chế", "%"),
            Row("staffing.shortage", "Số thiếu (theo vị trí)", "người"),
            Row("staffing.surplus", "Số thừa (theo vị trí)", "người"),
            Row("staffing.units_with_shortage", "Số đơn vị còn thiếu cán bộ", "đơn vị"),
            Row("staffing.rebalance_potential", "Có thể điều chuyển nội bộ", "người"),
        ]);
        var indexRows = new List<MonthlyRow>();
        foreach (var (prefix, name) in Labels.Indices)
        {
            indexRows.Add(Row($"{prefix}.score", $"{name}: điểm", "điểm"));
            indexRows.Add(Row($"{prefix}.rank", $"{name}: thứ hạng", "hạng"));
        }
        var indices = new MonthlyArea("Cải cách hành chính (PAR INDEX, SIPAS, PCI)", indexRows);

        (string, string)[] total = [("category", "tong_thu")];
        var revenue = new MonthlyArea("Thu ngân sách nhà nước",
        [
            new MonthlyRow("revenue.month", "Thu trong tháng", "tỷ đồng",
                MonthOnly(now, before, p.AsOf), MonthOnly(before, new Values(metrics.Compute(unitCode, p.PreviousAsOf.AddMonths(-1), "revenue.")), p.PreviousAsOf),
                MonthOnly(yearAgo, yearAgoBefore, p.YearAgoAsOf), 0, Direction.Higher),
            Row("revenue.ytd", "Lũy kế tổng thu từ đầu năm", "tỷ đồng", total),
            Row("revenue.ytd", "Lũy kế thu nội địa", "tỷ đồng", [("category", "thu_noi_dia")], "revenue.ytd.thu_noi_dia"),
            Row("revenue.pct_of_annual_target", "Tổng thu so với dự toán năm (Trung ương giao)", "%", [("category", "tong_thu"), ("target_kind", "du_toan_trung_uong")]),
            Row("revenue.pct_of_period_target", "Tổng thu so với kế hoạch kỳ", "%", [("category", "tong_thu"), ("target_kind", "ke_hoach")]),
            Row("revenue.yoy_growth", "Tổng thu lũy kế tăng so với cùng kỳ", "%", total),
        ]);

        var slipped = Slipped(metrics, unitCode, p);
        var due = followUp.TasksDue(unitCode, p.AsOf, p.NextStart, p.NextEnd);
        var returns = followUp.CommuneReturns(unitCode, p.Start, p.End);
        return new MonthlyData(unit.Code, unit.Name, p, tasks, staffing, indices, revenue, slipped, due, returns, metrics.Sources(unitCode));
    }

    private static double? Completed(Values v) =>
        v["tasks.completed_on_time"] is { } a && v["tasks.completed_late"] is { } b ? a + b : null;

    /// <summary>The revenue of the as-of date's month alone, from two year-to-dates (null when either is missing).</summary>
    private static double? MonthOnly(Values at, Values monthBefore, DateOnly asOf)
    {
        var ytd = at["revenue.ytd", ("category", "tong_thu")];
        if (asOf.Month == 1) return ytd;
        return ytd is { } y && monthBefore["revenue.ytd", ("category", "tong_thu")] is { } b ? y - b : null;
    }

    /// <summary>
    /// The units directly below the reported one whose tasks or staffing got worse since the previous
    /// month: more overdue tasks, a lower on-time rate (by at least 0,1 point as shown), a larger shortage.
    /// </summary>
    private static List<SlippedUnit> Slipped(MetricsService metrics, string unitCode, MonthlyPeriod p)
    {
        var children = metrics.Children(unitCode);
        if (children.Count == 0) return [];
        var codes = children.Select(c => c.Code).ToList();
        var names = children.ToDictionary(c => c.Code, c => c.Name);
        var result = new List<SlippedUnit>();
        var found = new Dictionary<string, List<SlippedUnit>>();
        foreach (var (prefix, checks) in new (string, (string Id, string Label, string Unit, int Decimals, bool HigherIsWorse)[])[]
        {
            ("tasks.", [("tasks.overdue", "Quá hạn chưa hoàn thành", "nhiệm vụ", 0, true), ("tasks.on_time_rate", "Tỷ lệ hoàn thành đúng hạn", "%", 1, false)]),
            ("staffing.", [("staffing.shortage", "Số thiếu cán bộ", "người", 0, true)]),
        })
        {
            var now = Totals(metrics.ComputeMany(codes, p.AsOf, prefix));
            var before = Totals(metrics.ComputeMany(codes, p.PreviousAsOf, prefix));
            foreach (var code in codes)
                foreach (var (id, label, unit, decimals, higherIsWorse) in checks)
                {
                    var a = before.GetValueOrDefault((code, id));
                    var b = now.GetValueOrDefault((code, id));
                    if (a is null || b is null) continue;
                    // compared as shown, so a drop the reader cannot see ("87,5%" → "87,5%") is not listed
                    var diff = Math.Round(b.Value, decimals, MidpointRounding.AwayFromZero) - Math.Round(a.Value, decimals, MidpointRounding.AwayFromZero);
                    if (higherIsWorse ? diff > 0 : diff < 0)
                        (found.TryGetValue(code, out var list) ? list : found[code] = []).Add(new SlippedUnit(code, names[code], label, a, b, decimals, unit));
                }
        }
        foreach (var code in codes)
            if (found.TryGetValue(code, out var list)) result.AddRange(list);
        return result; // units in code order, each unit's checks in the order above
    }

    private static Dictionary<(string Unit, string Id), double?> Totals(IReadOnlyList<MetricValue> values) =>
        values.Where(v => v.Dims.Count == 0).GroupBy(v => (v.UnitCode, v.Id)).ToDictionary(g => g.Key, g => g.First().Value);

    /// <summary>Looks values up by id and dims.</summary>
    private sealed class Values(IReadOnlyList<MetricValue> all)
    {
        public double? this[string id, params (string Key, string Value)[] dims] =>
            all.FirstOrDefault(v => v.Id == id && v.Dims.Count == dims.Length && dims.All(d => v.Dims.TryGetValue(d.Key, out var x) && x == d.Value))?.Value;
    }
}
