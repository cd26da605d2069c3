using SkiaSharp;

namespace Analytics.Reports.Layout;

/// <summary>Empty vertical space of a fixed height (dropped at a page break, like a gap).</summary>
public sealed class Spacer(float height) : Element
{
    private bool _drawn;
    public override SpacePlan Measure(Size available) =>
        _drawn ? SpacePlan.Empty : height <= available.Height ? SpacePlan.Full(0, height) : SpacePlan.Full(0, available.Height);
    public override void Draw(SKCanvas canvas, Size available) => _drawn = true;
}

/// <summary>A horizontal rule of a given length (centred) or the full width.</summary>
public sealed class Rule(float? length = null, float thickness = 0.6f, float gapAbove = 1, float gapBelow = 1) : Element
{
    private bool _drawn;
    public SKColor Color { get; init; } = SKColors.Black;

    public override SpacePlan Measure(Size available)
    {
        if (_drawn) return SpacePlan.Empty;
        var h = gapAbove + thickness + gapBelow;
        return h <= available.Height ? SpacePlan.Full(available.Width, h) : SpacePlan.Wrap("rule");
    }

    public override void Draw(SKCanvas canvas, Size available)
    {
        var len = Math.Min(length ?? available.Width, available.Width);
        var x = (available.Width - len) / 2;
        using var paint = new SKPaint { Color = Color, StrokeWidth = thickness, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawLine(x, gapAbove + thickness / 2, x + len, gapAbove + thickness / 2, paint);
        _drawn = true;
    }
}

/// <summary>Ends the page here: what follows starts on the next page.</summary>
public sealed class PageBreak : Element
{
    private bool _drawn;
    public override SpacePlan Measure(Size available) => _drawn ? SpacePlan.Empty : SpacePlan.Partial(0, 0);
    public override void Draw(SKCanvas canvas, Size available) => _drawn = true;
}

/// <summary>A fixed-height drawing (a chart): moves whole to the next page when it does not fit.</summary>
public sealed class Drawing(float height, Action<SKCanvas, SKRect> paint, string what) : Element
{
    private bool _drawn;

    /// <summary>The strings the drawing will show (chart labels), for the glyph check.</summary>
    public Func<IEnumerable<string>>? TextsToCheck { get; init; }

    public override IEnumerable<string> Texts() => TextsToCheck?.Invoke() ?? [];

    public override SpacePlan Measure(Size available) =>
        _drawn ? SpacePlan.Empty
        : height <= available.Height ? SpacePlan.Full(available.Width, height)
        : SpacePlan.Wrap($"{what}: needs {height:0.#} pt, {available.Height:0.#} pt left");

    public override void Draw(SKCanvas canvas, Size available)
    {
        if (!IsDiscard(canvas)) paint(canvas, new SKRect(0, 0, available.Width, height));
        _drawn = true;
    }
}
