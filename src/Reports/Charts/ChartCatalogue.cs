using Analytics.Metrics;
using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>Every chart of the briefing and the figure pack; the dashboard reuses the same definitions for SVG.</summary>
public static class ChartCatalogue
{
    public static readonly RevenueAgainstTargetChart RevenueAgainstTarget = new();
    public static readonly CumulativeRevenueChart CumulativeRevenue = new();
    public static readonly GrdpGrowthChart GrdpGrowth = new();
    public static readonly IndexRankChart IndexRanks = new();
    public static readonly ComponentScoreChart ComponentScores = new();
    public static readonly StaffingShortageChart StaffingShortage = new();
    public static readonly CommuneShortageChart CommuneShortage = new();
    public static readonly TaskStatusChart TaskStatus = new();
    public static readonly OverdueDaysChart OverdueDays = new();

    public static IReadOnlyList<IChartDefinition> All { get; } =
        [RevenueAgainstTarget, CumulativeRevenue, GrdpGrowth, IndexRanks, ComponentScores, StaffingShortage, CommuneShortage, TaskStatus, OverdueDays];

    public static IChartDefinition Get(string id) => All.FirstOrDefault(c => c.Id == id)
        ?? throw new KeyNotFoundException($"no chart \"{id}\"; known: {string.Join(", ", All.Select(c => c.Id))}");
}

/// <summary>Revenue so far by category against the year's estimate (dự toán) and plan (kế hoạch).</summary>
public sealed class RevenueAgainstTargetChart : ChartDefinition<IReadOnlyList<RevenueAgainstTarget>>
{
    public override string Id => "revenue-vs-target";
    public override string TitleVi => "Thu ngân sách so với dự toán và kế hoạch (tỷ đồng)";

    protected override void Compose(Plot plot, IReadOnlyList<RevenueAgainstTarget> data)
    {
        // Horizontal: each value label sits at the end of its own bar ("197.810" is wider than a
        // vertical bar of a group of three, and overprinted its neighbour). First category on top,
        // in each group Thực hiện, Dự toán, Kế hoạch from the top down, as in the legend.
        var bars = new List<Bar>();
        for (var i = 0; i < data.Count; i++)
        {
            var d = data[i];
            var y = data.Count - 1 - i;
            bars.Add(new Bar { Position = y + 0.27, Value = d.Actual, FillColor = ChartStyle.Actual, Size = 0.25, Label = VietnameseFormat.Number(d.Actual) });
            if (d.Estimate is { } e) bars.Add(new Bar { Position = y, Value = e, FillColor = ChartStyle.Estimate, Size = 0.25, Label = VietnameseFormat.Number(e) });
            if (d.Plan is { } p) bars.Add(new Bar { Position = y - 0.27, Value = p, FillColor = ChartStyle.Plan, Size = 0.25, Label = VietnameseFormat.Number(p) });
        }
        var bp = plot.Add.Bars(bars);
        bp.Horizontal = true;
        bp.ValueLabelStyle.FontSize = 10;
        ChartStyle.CategoryTicks(plot.Axes.Left, data.Select(d => d.Category).Reverse().ToList());
        ChartStyle.VietnameseTicks(plot.Axes.Bottom);
        plot.XLabel("tỷ đồng");
        // bars from 0; room right of the longest bar for its label
        plot.Axes.Margins(left: 0, right: 0.16);
        plot.Axes.SetLimitsY(-0.6, data.Count - 0.4);
        plot.Legend.ManualItems.Add(ChartStyle.LegendFill("Thực hiện", ChartStyle.Actual));
        if (data.Any(d => d.Estimate is not null)) plot.Legend.ManualItems.Add(ChartStyle.LegendFill("Dự toán", ChartStyle.Estimate));
        if (data.Any(d => d.Plan is not null)) plot.Legend.ManualItems.Add(ChartStyle.LegendFill("Kế hoạch", ChartStyle.Plan));
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
    }
}

/// <summary>Cumulative monthly revenue this year against last year.</summary>
public sealed class CumulativeRevenueChart : ChartDefinition<CumulativeRevenue>
{
    public override string Id => "revenue-cumulative";
    public override string TitleVi => "Lũy kế thu ngân sách theo tháng, so với cùng kỳ (tỷ đồng)";

    protected override void Compose(Plot plot, CumulativeRevenue data)
    {
        // Last year is told apart by colour, a thinner line and open square markers, not by dashes:
        // ScottPlot dashes with a Skia path effect that stays on the paint for the markers and the
        // legend, which Skia's SVG writer cannot draw ("Unsupported path effect in addPaint." on stderr).
        void Line(IReadOnlyList<double?> values, Color color, string legend, bool previous)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (var m = 0; m < values.Count && m < 12; m++)
                if (values[m] is { } v) { xs.Add(m + 1); ys.Add(v); }
            if (xs.Count == 0) return;
            var s = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), color);
            s.LegendText = legend;
            s.LineWidth = previous ? 1.5f : 2;
            s.MarkerShape = previous ? MarkerShape.OpenSquare : MarkerShape.FilledCircle;
            s.MarkerSize = 6;
        }
        Line(data.LastYear, ChartStyle.Previous, $"Năm {data.Year - 1}", true);
        Line(data.ThisYear, ChartStyle.Actual, $"Năm {data.Year}", false);
        var ticks = new ManualTicks();
        for (var m = 1; m <= 12; m++) ticks.AddMajor(m, $"T{m}");
        plot.Axes.Bottom.TickGenerator = ticks;
        ChartStyle.VietnameseTicks(plot.Axes.Left);
        plot.Axes.SetLimitsX(0.5, 12.5);
        plot.YLabel("tỷ đồng");
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
    }
}

/// <summary>GRDP growth by period, with the value on each bar.</summary>
public sealed class GrdpGrowthChart : ChartDefinition<IReadOnlyList<GrowthPeriod>>
{
    public override string Id => "grdp-growth";
    public override string TitleVi => "Tốc độ tăng trưởng GRDP theo kỳ (%)";

    protected override void Compose(Plot plot, IReadOnlyList<GrowthPeriod> data)
    {
        var bars = data.Select((d, i) => new Bar
        {
            Position = i,
            Value = d.GrowthPct,
            FillColor = d.GrowthPct >= 0 ? ChartStyle.Estimate : ChartStyle.Bad,
            Size = 0.6,
            Label = VietnameseFormat.Percent(d.GrowthPct),
        }).ToList();
        var bp = plot.Add.Bars(bars);
        bp.ValueLabelStyle.FontSize = 10;
        ChartStyle.CategoryTicks(plot.Axes.Bottom, data.Select(d => d.Period).ToList());
        ChartStyle.VietnameseTicks(plot.Axes.Left, 1, "%");
        plot.Axes.SetLimitsX(-0.6, data.Count - 0.4);
        plot.Axes.Margins(bottom: 0, top: 0.15);
    }
}

/// <summary>PAR INDEX, SIPAS and PCI rank over the years; rank 1 at the top (the axis is inverted).</summary>
public sealed class IndexRankChart : ChartDefinition<IReadOnlyList<IndexRank>>
{
    public override string Id => "index-ranks";
    public override string TitleVi => "Thứ hạng PAR INDEX, SIPAS, PCI qua các năm";

    protected override void Compose(Plot plot, IReadOnlyList<IndexRank> data)
    {
        var palette = new[] { ChartStyle.Actual, ChartStyle.Estimate, ChartStyle.Plan, ChartStyle.Good };
        var k = 0;
        var labels = new List<(ScottPlot.Plottables.Text Label, IndexRank Point)>();
        foreach (var g in data.GroupBy(d => d.Index))
        {
            var pts = g.OrderBy(d => d.Year).ToList();
            var s = plot.Add.Scatter(pts.Select(p => (double)p.Year).ToArray(), pts.Select(p => (double)p.Rank).ToArray(), palette[k++ % palette.Length]);
            s.LegendText = g.Key;
            s.LineWidth = 2;
            s.MarkerSize = 7;
            foreach (var p in pts)
            {
                var t = new ScottPlot.Plottables.Text { LabelText = p.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), Location = new Coordinates(p.Year, p.Rank) };
                t.LabelFontSize = 10;
                t.LabelFontColor = s.Color;
                t.LabelBold = true;
                t.LabelBackgroundColor = Colors.White;
                t.LabelAlignment = Alignment.MiddleLeft;
                t.OffsetX = 6;
                labels.Add((t, p));
            }
        }
        // Labels go on top of every line, right of their point; where two ranks of a year are too close
        // to be read apart (Cần Thơ 2025: PAR INDEX 29, PCI 28) the lower ones move down, by the
        // pixels of this render's data area, so no label ever covers another.
        foreach (var (t, _) in labels) plot.Add.Plottable(t);
        const float gap = 12;
        plot.RenderManager.RenderStarting += (_, rp) =>
        {
            foreach (var year in labels.GroupBy(l => l.Point.Year))
            {
                var below = float.MinValue;
                foreach (var (t, p) in year.OrderBy(l => l.Point.Rank).ThenBy(l => l.Point.Index, StringComparer.Ordinal))
                {
                    var y = plot.Axes.Left.GetPixel(p.Rank, rp.DataRect);
                    var shown = Math.Max(y, below + gap);
                    t.OffsetY = shown - y;
                    below = shown;
                }
            }
        };
        var years = data.Select(d => d.Year).Distinct().Order().ToList();
        var ticks = new ManualTicks();
        foreach (var y in years) ticks.AddMajor(y, y.ToString(System.Globalization.CultureInfo.InvariantCulture));
        plot.Axes.Bottom.TickGenerator = ticks;
        var worst = data.Count == 0 ? 10 : data.Max(d => d.Rank);
        var bottom = worst + Math.Max(2, worst * 0.15);
        plot.Axes.Left.TickGenerator = RankTicks(bottom);
        if (years.Count > 0) plot.Axes.SetLimitsX(years[0] - 0.5, years[^1] + 0.6);
        // Inverted: bottom is the worst rank, top is rank 1 — higher on the chart is better.
        plot.Axes.SetLimitsY(bottom, 0.4);
        plot.YLabel("Thứ hạng (1 = dẫn đầu)");
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
    }

    /// <summary>Whole ranks, always with 1 (first place) and then a round step down to the worst shown.</summary>
    public static ManualTicks RankTicks(double bottom)
    {
        var step = bottom <= 12 ? 1 : bottom <= 25 ? 5 : bottom <= 70 ? 10 : 20;
        var ticks = new ManualTicks();
        ticks.AddMajor(1, "1");
        for (var r = step == 1 ? 2 : step; r <= bottom; r += step) ticks.AddMajor(r, VietnameseFormat.Number(r));
        return ticks;
    }
}

/// <summary>Component scores as a share of their maximum, weakest first; coloured by how far from full marks.</summary>
public sealed class ComponentScoreChart : ChartDefinition<IReadOnlyList<ComponentScore>>
{
    public override string Id => "index-components";
    public override string TitleVi => "Điểm thành phần so với điểm tối đa (%)";

    protected override void Compose(Plot plot, IReadOnlyList<ComponentScore> data)
    {
        var rows = data.OrderByDescending(d => d.PctOfMax).ToList(); // weakest ends up at the top
        var bars = rows.Select((d, i) => new Bar
        {
            Position = i,
            Value = d.PctOfMax,
            FillColor = d.PctOfMax >= 85 ? ChartStyle.Good : d.PctOfMax >= 70 ? ChartStyle.Warn : ChartStyle.Bad,
            Size = 0.7,
            Label = VietnameseFormat.Percent(d.PctOfMax),
        }).ToList();
        var bp = plot.Add.Bars(bars);
        bp.Horizontal = true;
        bp.ValueLabelStyle.FontSize = 10;
        ChartStyle.CategoryTicks(plot.Axes.Left, rows.Select(d => $"{d.Index}: {d.Component}").ToList());
        // ticks to 100% only: the axis runs on to 122 just to leave room right of a full bar for its "99,1%"
        var ticks = new ManualTicks();
        for (var v = 0; v <= 100; v += 20) ticks.AddMajor(v, $"{v}%");
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(0, 122);
    }
}

/// <summary>Staffing shortage (and surplus) by specialty across the roll-up.</summary>
public sealed class StaffingShortageChart : ChartDefinition<IReadOnlyList<SpecialtyGap>>
{
    public override string Id => "staffing-by-specialty";
    public override string TitleVi => "Số cán bộ thiếu, thừa theo lĩnh vực chuyên môn (người)";

    protected override void Compose(Plot plot, IReadOnlyList<SpecialtyGap> data)
    {
        var rows = data.OrderBy(d => d.Shortage).ToList(); // largest shortage at the top
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            bars.Add(new Bar { Position = i + 0.18, Value = rows[i].Shortage, FillColor = ChartStyle.Bad, Size = 0.34, Label = VietnameseFormat.Number(rows[i].Shortage) });
            bars.Add(new Bar { Position = i - 0.18, Value = rows[i].Surplus, FillColor = ChartStyle.Neutral, Size = 0.34, Label = rows[i].Surplus > 0 ? VietnameseFormat.Number(rows[i].Surplus) : "" });
        }
        var bp = plot.Add.Bars(bars);
        bp.Horizontal = true;
        bp.ValueLabelStyle.FontSize = 10;
        ChartStyle.CategoryTicks(plot.Axes.Left, rows.Select(d => d.Specialty).ToList());
        ChartStyle.VietnameseTicks(plot.Axes.Bottom);
        plot.Axes.Margins(left: 0, right: 0.12);
        plot.Legend.ManualItems.Add(ChartStyle.LegendFill("Thiếu", ChartStyle.Bad));
        plot.Legend.ManualItems.Add(ChartStyle.LegendFill("Thừa", ChartStyle.Neutral));
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
    }
}

/// <summary>The communes with the largest staffing shortage (at most 15).</summary>
public sealed class CommuneShortageChart : ChartDefinition<IReadOnlyList<CommuneShortage>>
{
    public const int Top = 15;
    public override string Id => "staffing-top-communes";
    public override string TitleVi => "Các xã, phường thiếu nhiều cán bộ nhất (người)";

    protected override void Compose(Plot plot, IReadOnlyList<CommuneShortage> data)
    {
        var rows = data.OrderByDescending(d => d.Shortage).ThenBy(d => d.Commune, StringComparer.Ordinal).Take(Top).Reverse().ToList();
        var bars = rows.Select((d, i) => new Bar { Position = i, Value = d.Shortage, FillColor = ChartStyle.Bad, Size = 0.7, Label = VietnameseFormat.Number(d.Shortage) }).ToList();
        var bp = plot.Add.Bars(bars);
        bp.Horizontal = true;
        bp.ValueLabelStyle.FontSize = 10;
        ChartStyle.CategoryTicks(plot.Axes.Left, rows.Select(d => d.Commune).ToList());
        ChartStyle.VietnameseTicks(plot.Axes.Bottom);
        plot.Axes.Margins(left: 0, right: 0.12);
    }
}

/// <summary>Task classes by lead unit, stacked.</summary>
public sealed class TaskStatusChart : ChartDefinition<IReadOnlyList<TaskStatusByUnit>>
{
    public override string Id => "tasks-by-unit";
    public override string TitleVi => "Tình hình thực hiện nhiệm vụ theo đơn vị chủ trì";

    public static readonly (string Label, Color Color)[] Classes =
    [
        ("Hoàn thành đúng hạn", ChartStyle.Good),
        ("Hoàn thành quá hạn", ChartStyle.Warn),
        ("Quá hạn chưa hoàn thành", ChartStyle.Bad),
        ("Đang thực hiện, trong hạn", ChartStyle.Estimate),
        ("Không thời hạn", ChartStyle.Neutral),
    ];

    protected override void Compose(Plot plot, IReadOnlyList<TaskStatusByUnit> data)
    {
        var rows = data.Reverse().ToList();
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var values = new[] { r.CompletedOnTime, r.CompletedLate, r.Overdue, r.OnTrack, r.NoDeadline };
            double start = 0;
            for (var k = 0; k < values.Length; k++)
            {
                if (values[k] == 0) continue;
                bars.Add(new Bar { Position = i, ValueBase = start, Value = start + values[k], FillColor = Classes[k].Color, Size = 0.7, LineWidth = 0 });
                start += values[k];
            }
        }
        var bp = plot.Add.Bars(bars);
        bp.Horizontal = true;
        ChartStyle.CategoryTicks(plot.Axes.Left, rows.Select(d => d.LeadUnit).ToList());
        ChartStyle.VietnameseTicks(plot.Axes.Bottom);
        plot.Axes.Margins(left: 0, right: 0.05);
        foreach (var (label, color) in Classes) plot.Legend.ManualItems.Add(ChartStyle.LegendFill(label, color));
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
    }
}

/// <summary>Overdue tasks by how many days overdue they are.</summary>
public sealed class OverdueDaysChart : ChartDefinition<IReadOnlyList<OverdueDays>>
{
    public override string Id => "tasks-overdue-days";
    public override string TitleVi => "Nhiệm vụ quá hạn theo số ngày quá hạn";

    public static readonly (string Label, int From, int To)[] Buckets =
        [("1–7 ngày", 1, 7), ("8–30 ngày", 8, 30), ("31–60 ngày", 31, 60), ("61–90 ngày", 61, 90), ("trên 90 ngày", 91, int.MaxValue)];

    protected override void Compose(Plot plot, IReadOnlyList<OverdueDays> data)
    {
        var counts = Buckets.Select(b => data.Count(d => d.DaysOverdue >= b.From && d.DaysOverdue <= b.To)).ToList();
        var bars = counts.Select((c, i) => new Bar
        {
            Position = i, Value = c, Size = 0.6, Label = VietnameseFormat.Number(c),
            FillColor = i == 0 ? ChartStyle.Warn : ChartStyle.Bad,
        }).ToList();
        var bp = plot.Add.Bars(bars);
        bp.ValueLabelStyle.FontSize = 10;
        ChartStyle.CategoryTicks(plot.Axes.Bottom, Buckets.Select(b => b.Label).ToList());
        plot.Axes.SetLimitsX(-0.6, Buckets.Length - 0.4);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = v => VietnameseFormat.Number(v) };
        plot.YLabel("số nhiệm vụ");
        plot.Axes.Margins(bottom: 0, top: 0.15);
    }
}
