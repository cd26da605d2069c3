using SkiaSharp;

namespace Analytics.Reports.Layout;

/// <summary>Padding, an optional background, border and coloured left bar around one child (KPI tiles, table cells).</summary>
public sealed class Box(Element child) : Element
{
    public float PadLeft { get; init; }
    public float PadTop { get; init; }
    public float PadRight { get; init; }
    public float PadBottom { get; init; }
    public SKColor? Background { get; init; }
    public SKColor? Border { get; init; }
    public float BorderWidth { get; init; } = 0.5f;
    public SKColor? LeftBar { get; init; }
    public float LeftBarWidth { get; init; } = 3f;
    /// <summary>Fill the height the parent gives (tiles in a row get the same height).</summary>
    public bool StretchHeight { get; init; }

    public float Padding { init { PadLeft = PadTop = PadRight = PadBottom = value; } }

    private Size Inner(Size available) =>
        new(Math.Max(0, available.Width - PadLeft - PadRight), Math.Max(0, available.Height - PadTop - PadBottom));

    public override SpacePlan Measure(Size available)
    {
        var plan = child.Measure(Inner(available));
        return plan.Kind switch
        {
            SpaceKind.Empty or SpaceKind.Wrap => plan,
            _ => new SpacePlan(plan.Kind, new Size(available.Width, plan.Size.Height + PadTop + PadBottom)),
        };
    }

    public override void Draw(SKCanvas canvas, Size available)
    {
        var plan = Measure(available);
        if (!plan.Draws) return;
        var height = StretchHeight ? available.Height : plan.Size.Height;
        var rect = new SKRect(0, 0, available.Width, height);
        if (Background is { } bg)
        {
            using var paint = new SKPaint { Color = bg, Style = SKPaintStyle.Fill };
            canvas.DrawRect(rect, paint);
        }
        if (LeftBar is { } bar)
        {
            using var paint = new SKPaint { Color = bar, Style = SKPaintStyle.Fill };
            canvas.DrawRect(new SKRect(0, 0, LeftBarWidth, height), paint);
        }
        if (Border is { } border)
        {
            using var paint = new SKPaint { Color = border, Style = SKPaintStyle.Stroke, StrokeWidth = BorderWidth, IsAntialias = true };
            canvas.DrawRect(rect, paint);
        }
        canvas.Save();
        canvas.Translate(PadLeft, PadTop);
        child.Draw(canvas, Inner(new Size(available.Width, plan.Size.Height)));
        canvas.Restore();
    }

    public override IEnumerable<string> Texts() => child.Texts();
}
