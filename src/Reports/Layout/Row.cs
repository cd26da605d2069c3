using SkiaSharp;

namespace Analytics.Reports.Layout;

/// <summary>One cell of a <see cref="Row"/>: a fixed width in points, or a share of what is left.</summary>
public sealed record RowItem(Element Element, float? FixedWidth = null, float Weight = 1);

/// <summary>Children side by side; a row never splits (it moves to the next page whole).</summary>
public sealed class Row(IReadOnlyList<RowItem> items, float spacing = 0) : Element
{
    private bool _drawn;

    private float[] Widths(float available)
    {
        var gaps = spacing * Math.Max(0, items.Count - 1);
        var fixedSum = items.Sum(i => i.FixedWidth ?? 0);
        var weightSum = items.Where(i => i.FixedWidth is null).Sum(i => i.Weight);
        var free = Math.Max(0, available - gaps - fixedSum);
        return items.Select(i => i.FixedWidth ?? (weightSum == 0 ? 0 : free * i.Weight / weightSum)).ToArray();
    }

    public override SpacePlan Measure(Size available)
    {
        if (_drawn || items.Count == 0) return SpacePlan.Empty;
        var widths = Widths(available.Width);
        var height = 0f;
        for (var i = 0; i < items.Count; i++)
        {
            var plan = items[i].Element.Measure(new Size(widths[i], available.Height));
            if (plan.Kind is SpaceKind.Wrap or SpaceKind.Partial)
                return SpacePlan.Wrap(plan.Reason ?? $"row cell {i + 1} needs more than {available.Height:0.#} pt");
            height = Math.Max(height, plan.Size.Height);
        }
        return SpacePlan.Full(available.Width, height);
    }

    public override void Draw(SKCanvas canvas, Size available)
    {
        var plan = Measure(available);
        if (plan.Kind != SpaceKind.Full) return;
        var widths = Widths(available.Width);
        var x = 0f;
        for (var i = 0; i < items.Count; i++)
        {
            canvas.Save();
            canvas.Translate(x, 0);
            items[i].Element.Draw(canvas, new Size(widths[i], plan.Size.Height));
            canvas.Restore();
            x += widths[i] + spacing;
        }
        _drawn = true;
    }

    public override IEnumerable<string> Texts() => items.SelectMany(i => i.Element.Texts());
}
