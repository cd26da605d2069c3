using Analytics.Metrics;
using Analytics.Reports.Fonts;
using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>The look every chart shares: the document's serif, muted print colours, Vietnamese numbers.</summary>
public static class ChartStyle
{
    public static readonly Color Actual = Color.FromHex("#A61B1B");      // Party red: this year / actual
    public static readonly Color Previous = Color.FromHex("#7F8C99");    // grey-blue: last year
    public static readonly Color Estimate = Color.FromHex("#1F3A5F");    // navy: estimate (dự toán)
    public static readonly Color Plan = Color.FromHex("#C9A227");        // gold: plan (kế hoạch)
    public static readonly Color Good = Color.FromHex("#2E7D32");
    public static readonly Color Warn = Color.FromHex("#E0A100");
    public static readonly Color Bad = Color.FromHex("#C62828");
    public static readonly Color Neutral = Color.FromHex("#9AA5B1");
    public static readonly Color[] Series = [Actual, Estimate, Plan, Previous, Good];

    private static readonly object Gate = new();
    private static DocumentFontResolver? _resolver;

    /// <summary>
    /// The family charts are set in: the document's, served to ScottPlot from the very same faces.
    /// ScottPlot's own system lookup can pick another file of the same name (Debian's old
    /// Liberation Serif 1.x, without Vietnamese), so ours goes first in its resolver list.
    /// </summary>
    public static string Family(FontSet fonts)
    {
        lock (Gate)
        {
            if (_resolver?.Fonts != fonts)
            {
                if (_resolver is not null) ScottPlot.Fonts.FontResolvers.Remove(_resolver);
                _resolver = new DocumentFontResolver(fonts);
                ScottPlot.Fonts.FontResolvers.Insert(0, _resolver);
            }
            return fonts.Family;
        }
    }

    private sealed class DocumentFontResolver(FontSet fonts) : IFontResolver
    {
        public FontSet Fonts => fonts;

        public SkiaSharp.SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, fonts.Family, StringComparison.OrdinalIgnoreCase) ? fonts.Face(bold, italic) : null;

        public SkiaSharp.SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            CreateTypeface(fontName, (int)weight >= 600, slant != FontSlant.Upright);
    }

    /// <summary>A new plot with the house style; sizes are in points on a page, pixels in an image.</summary>
    public static Plot NewPlot(FontSet fonts, string title)
    {
        var plot = new Plot();
        plot.Font.Set(Family(fonts));
        plot.Title(title, size: 13);
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Left.TickLabelStyle.FontSize = 10;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        plot.Axes.Left.Label.FontSize = 11;
        plot.Axes.Bottom.Label.FontSize = 11;
        plot.Axes.Left.Label.Bold = false;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Grid.MajorLineColor = Color.FromHex("#E3E3E3");
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Legend.FontSize = 10;
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);
        plot.Legend.FontName = fonts.Family;
        return plot;
    }

    /// <summary>Vietnamese tick labels on a numeric axis: 197.810, 12,5.</summary>
    public static void VietnameseTicks(IAxis axis, int decimals = 0, string suffix = "")
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            // an axis of whole numbers (people, tasks) never gets a tick at 0,5 printed as "1"
            IntegerTicksOnly = decimals == 0,
            LabelFormatter = v => VietnameseFormat.Number(v, Math.Abs(v - Math.Round(v)) < 1e-9 ? 0 : decimals) + suffix,
        };
    }

    /// <summary>Category labels at 0, 1, 2 … on an axis.</summary>
    public static void CategoryTicks(IAxis axis, IReadOnlyList<string> labels)
    {
        var gen = new ManualTicks();
        for (var i = 0; i < labels.Count; i++) gen.AddMajor(i, labels[i]);
        axis.TickGenerator = gen;
        axis.MajorTickStyle.Length = 0;
    }

    public static LegendItem LegendFill(string text, Color color) => new() { LabelText = text, FillColor = color, LineWidth = 0 };
}

/// <summary>
/// Ticks at given positions with given labels (categories, months, years). Like ScottPlot's
/// NumericManual, but its labels can be read before a render, for the font coverage check and tests.
/// </summary>
public sealed class ManualTicks : ITickGenerator
{
    private readonly List<Tick> _all = [];

    /// <summary>Every tick given, in or out of the axis range.</summary>
    public IReadOnlyList<Tick> All => _all;

    public Tick[] Ticks { get; set; } = [];
    public int MaxTickCount { get; set; } = 1000;

    public void AddMajor(double position, string label) => _all.Add(Tick.Major(position, label));

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle) =>
        Ticks = _all.Where(t => range.Contains(t.Position)).ToArray();
}
