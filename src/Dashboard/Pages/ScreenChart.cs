using System.Globalization;
using Analytics.Reports.Charts;
using ScottPlot;
using SkiaSharp;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// A briefing chart drawn for the screen at the size a page shows it. The briefing's 10 pt type is
/// enlarged by drawing the chart smaller and letting the browser scale the SVG up (its viewBox), so
/// every text is laid out at the size it is drawn: a legend or a label measured at one size and drawn
/// at another ran past the chart's edge on a phone. Then the chart is fitted to its width: category
/// names under the axis wrap (or every other one is shown) instead of overprinting, the value
/// labels of the bars get room inside the plot area, and a phone chart with many rows grows taller.
/// </summary>
public static class ScreenChart
{
    /// <summary>Shown size on a desktop (one chart per row) and on a phone (the card is ~340 px wide).</summary>
    public static readonly (int Width, int Height) Desktop = (1200, 520);
    public static readonly (int Width, int Height) Phone = (340, 440);

    /// <summary>The briefing's 9–11 px type × 1.4 ≥ 12 px as shown.</summary>
    public const double TypeScale = 1.4;

    /// <summary>Shown height of a phone row of a horizontal bar chart: 14 px type and a gap.</summary>
    private const int PhoneRowHeight = 26;

    /// <summary>The size the page shows the chart at (the markup's width and height).</summary>
    public static (int Width, int Height) ShownSize(Figure figure, bool phone)
    {
        if (!phone) return Desktop;
        var plot = figure.Build(withTitle: false);
        plot.GetSvgXml(Drawn(Phone.Width), Drawn(Phone.Height)); // a manual tick list is filled when laid out
        // room for the axis and the rows themselves: a row per name line and a gap (the legend is under the picture)
        var lines = WrapRowNames(plot, Drawn(Phone.Width));
        return (Phone.Width, lines.Count == 0 ? Phone.Height : Math.Max(Phone.Height, 90 + lines.Sum(n => PhoneRowHeight + (n - 1) * PhoneLineHeight)));
    }

    /// <summary>The SVG of the chart, laid out at the drawn size and scaled up by its viewBox to the shown size.
    /// A phone's chart has no legend of its own: <see cref="Legend"/> lists it under the picture, where it wraps.</summary>
    public static string Svg(Figure figure, bool phone)
    {
        var (shownWidth, shownHeight) = ShownSize(figure, phone);
        var width = Drawn(shownWidth);
        var height = Drawn(shownHeight);
        var plot = figure.Build(withTitle: false);
        if (phone)
        {
            plot.HideLegend();
            foreach (var panel in LegendPanels(plot)) plot.Axes.Remove(panel);
        }
        plot.GetSvgXml(width, height); // a manual tick list is filled when laid out
        if (phone) WrapRowNames(plot, width);
        Fit(plot, width, height);
        var svg = ChartRenderer.Svg(plot, width, height);
        var root = $"width=\"{width}\" height=\"{height}\"";
        var at = svg.IndexOf(root, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("the chart's SVG has no root size to scale");
        return svg.Insert(at + root.Length, string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {width} {height}\""));
    }

    /// <summary>The chart's legend as a list (label, colour, whether it is a line), for the page to show under a phone's picture.</summary>
    public static IReadOnlyList<(string Label, string Color, bool Line)> Legend(Figure figure)
    {
        var plot = figure.Build(withTitle: false);
        if (!plot.Legend.IsVisible && LegendPanels(plot).Count == 0) return [];
        return plot.Legend.GetItems().Where(i => !string.IsNullOrWhiteSpace(i.LabelText)).Select(i =>
        {
            var line = i.FillStyle.Color.Alpha == 0 || i.FillStyle.Color == Colors.Transparent;
            var color = line ? i.LineStyle.Color : i.FillStyle.Color;
            return (i.LabelText, "#" + color.Red.ToString("X2", CultureInfo.InvariantCulture) + color.Green.ToString("X2", CultureInfo.InvariantCulture) + color.Blue.ToString("X2", CultureInfo.InvariantCulture), line);
        }).ToList();
    }

    /// <summary>The legend drawn beside the plot area (ShowLegend at an edge) rather than inside it.</summary>
    private static List<IPanel> LegendPanels(Plot plot) => plot.Axes.GetPanels().Where(p => p.GetType().Name == "LegendPanel").ToList();

    private static int Drawn(int shown) => (int)Math.Round(shown / TypeScale);

    /// <summary>Shown height of one more line of a row's name.</summary>
    private const int PhoneLineHeight = 17;

    /// <summary>Names of the rows of a horizontal bar chart wider than 45% of a phone's chart wrap at spaces, so the bars keep room;
    /// the number of lines of each row's name (none for any other chart).</summary>
    private static List<int> WrapRowNames(Plot plot, int width)
    {
        if (!Horizontal(plot) || NamedTicks(plot.Axes.Left) is not { } named) return [];
        var ticks = named.OrderBy(t => t.Position).ToList();
        using var font = Font(plot.Axes.Left.TickLabelStyle);
        var room = width * 0.45f;
        var names = ticks.Select(t => font.MeasureText(t.Label) <= room ? t.Label : Wrap(t.Label, room, font)).ToList();
        plot.Axes.Left.SetTicks(ticks.Select(t => t.Position).ToArray(), names.ToArray());
        return names.Select(n => n.Split('\n').Length).ToList();
    }

    /// <summary>The briefing's bar charts name their categories on the axis across the bars: the left one when the bars lie flat.</summary>
    private static bool Horizontal(Plot plot) =>
        plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Any() && NamedTicks(plot.Axes.Left) is not null;

    /// <summary>The named ticks of an axis (the briefing's charts give categories as ManualTicks, whose labels can be
    /// read before drawing), the major ones in the axis range once drawn; null for a numeric axis.</summary>
    private static List<Tick>? NamedTicks(IAxis axis) => axis.TickGenerator switch
    {
        ScottPlot.TickGenerators.NumericManual m => m.Ticks.Where(t => t.IsMajor).ToList(),
        Analytics.Reports.Charts.ManualTicks m => (m.Ticks.Length > 0 ? m.Ticks : m.All).Where(t => t.IsMajor).ToList(),
        _ => null,
    };

    private static void Fit(Plot plot, int width, int height)
    {
        plot.GetSvgXml(width, height); // a first layout: the plot area and the axis limits it gets
        FitCategoryNames(plot, plot.Axes.Bottom);
        DropCrowdedValueLabels(plot);
        // the axis under the plot may have grown a line: lay out again before measuring the bars' room
        for (var pass = 0; pass < 3; pass++)
        {
            plot.GetSvgXml(width, height);
            if (!FitBarLabels(plot)) break;
        }
    }

    /// <summary>Named ticks under the plot: a name wider than its slot wraps at spaces; a word still too wide shows every other name.</summary>
    private static void FitCategoryNames(Plot plot, IAxis axis)
    {
        if (NamedTicks(axis) is not { } named) return;
        var ticks = named.Where(t => t.Label.Length > 0).OrderBy(t => t.Position).ToList();
        if (ticks.Count < 2) return;
        var data = plot.RenderManager.LastRender.DataRect;
        var slot = Math.Abs(axis.GetPixel(ticks[1].Position, data) - axis.GetPixel(ticks[0].Position, data));
        for (var i = 2; i < ticks.Count; i++)
            slot = Math.Min(slot, Math.Abs(axis.GetPixel(ticks[i].Position, data) - axis.GetPixel(ticks[i - 1].Position, data)));
        var room = slot - 4; // a gap between neighbours
        using var font = Font(axis.TickLabelStyle);
        if (ticks.All(t => font.MeasureText(t.Label) <= room)) return;
        var wrapped = ticks.Select(t => Wrap(t.Label, room, font)).ToList();
        var widest = wrapped.SelectMany(w => w.Split('\n')).Max(line => font.MeasureText(line));
        string[] labels;
        if (widest <= room) labels = wrapped.ToArray();
        else
        {
            // one word is wider than a slot (T10, T11, T12): every k-th name, the tick marks stay
            var every = (int)Math.Ceiling((ticks.Max(t => font.MeasureText(t.Label)) + 4) / slot);
            labels = ticks.Select((t, i) => i % every == 0 ? t.Label : "").ToArray();
        }
        axis.SetTicks(ticks.Select(t => t.Position).ToArray(), labels);
    }

    private static string Wrap(string label, float room, SKFont font)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > room) { lines.Add(line); line = word; }
            else line = candidate;
        }
        if (line.Length > 0) lines.Add(line);
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Upright bars too close for their value labels (grouped bars on a phone): the labels would run
    /// over the neighbouring bars and labels, so the chart shows none; the table under it has every value.
    /// </summary>
    private static void DropCrowdedValueLabels(Plot plot)
    {
        if (Horizontal(plot)) return;
        var all = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().ToList();
        var positions = all.SelectMany(b => b.Bars).Select(b => b.Position).Distinct().Order().ToList();
        if (positions.Count < 2) return;
        var data = plot.RenderManager.LastRender.DataRect;
        var pitch = positions.Zip(positions.Skip(1), (a, b) => Math.Abs(plot.Axes.Bottom.GetPixel(b, data) - plot.Axes.Bottom.GetPixel(a, data))).Min();
        var crowded = all.Any(bars =>
        {
            using var font = Font(bars.ValueLabelStyle);
            return bars.Bars.Any(b => !string.IsNullOrEmpty(b.Label) && font.MeasureText(b.Label) + 2 > pitch);
        });
        if (!crowded) return;
        foreach (var bar in all.SelectMany(b => b.Bars)) bar.Label = "";
    }

    /// <summary>Widens the value axis so every bar's value label ends inside the plot area; true when a limit moved.</summary>
    private static bool FitBarLabels(Plot plot)
    {
        var render = plot.RenderManager.LastRender;
        var data = render.DataRect;
        var limits = plot.Axes.GetLimits();
        var moved = false;
        foreach (var bars in plot.GetPlottables<ScottPlot.Plottables.BarPlot>())
        {
            using var font = Font(bars.ValueLabelStyle);
            var horizontal = Horizontal(plot);
            var (low, high) = horizontal ? (limits.Left, limits.Right) : (limits.Bottom, limits.Top);
            var span = horizontal ? data.Width : data.Height;
            var wanted = high;
            foreach (var bar in bars.Bars.Where(b => !string.IsNullOrEmpty(b.Label) && b.Value > b.ValueBase))
            {
                // pixels past the bar's end the label needs: the offset, the text, and a margin
                var need = (float)bar.LabelOffset + (horizontal ? font.MeasureText(bar.Label) : font.Size * 1.3f) + 4;
                if (need >= span) continue;
                var fits = low + (bar.Value - low) * span / (span - need);
                wanted = Math.Max(wanted, fits);
            }
            if (wanted > high + 1e-9 * Math.Abs(high - low))
            {
                if (horizontal) plot.Axes.SetLimitsX(limits.Left, wanted);
                else plot.Axes.SetLimitsY(limits.Bottom, wanted);
                limits = plot.Axes.GetLimits();
                moved = true;
            }
        }
        return moved;
    }

    private static SKFont Font(LabelStyle style) =>
        new(ScottPlot.Fonts.GetTypeface(style.FontName, style.Bold, style.Italic), style.FontSize);
}
