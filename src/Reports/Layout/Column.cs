using SkiaSharp;

namespace Analytics.Reports.Layout;

/// <summary>Children one below another, with a gap between them; splits between and inside children.</summary>
public sealed class Column(IReadOnlyList<Element> items, float spacing = 0) : Element
{
    private int _current;

    public IReadOnlyList<Element> Items => items;

    private readonly record struct Placement(int Index, float Y, SpacePlan Plan);

    /// <summary>Which children go on this page and where; the last may be partial.</summary>
    private (List<Placement> Placed, SpaceKind Kind, string? Reason) Plan(Size available)
    {
        var placed = new List<Placement>();
        var y = 0f;
        for (var i = _current; i < items.Count; i++)
        {
            var top = placed.Count == 0 ? 0 : y + spacing;
            var plan = items[i].Measure(new Size(available.Width, Math.Max(0, available.Height - top)));
            switch (plan.Kind)
            {
                case SpaceKind.Empty:
                    continue;
                case SpaceKind.Wrap:
                    // A heading left last on the page goes with what follows it (unless it is all the page has).
                    while (placed.Count > 1 && items[placed[^1].Index].KeepWithNext) placed.RemoveAt(placed.Count - 1);
                    return placed.Count == 0 ? (placed, SpaceKind.Wrap, plan.Reason) : (placed, SpaceKind.Partial, null);
                case SpaceKind.Partial:
                    placed.Add(new Placement(i, top, plan));
                    return (placed, SpaceKind.Partial, null);
                default:
                    placed.Add(new Placement(i, top, plan));
                    y = top + plan.Size.Height;
                    break;
            }
        }
        return (placed, placed.Count == 0 ? SpaceKind.Empty : SpaceKind.Full, null);
    }

    public override SpacePlan Measure(Size available)
    {
        var (placed, kind, reason) = Plan(available);
        if (kind is SpaceKind.Empty or SpaceKind.Wrap) return new SpacePlan(kind, Size.Zero, reason);
        var height = placed.Max(p => p.Y + p.Plan.Size.Height);
        var width = placed.Max(p => p.Plan.Size.Width);
        return new SpacePlan(kind, new Size(width, height));
    }

    public override void Draw(SKCanvas canvas, Size available)
    {
        var (placed, kind, _) = Plan(available);
        foreach (var p in placed)
        {
            canvas.Save();
            canvas.Translate(0, p.Y);
            items[p.Index].Draw(canvas, new Size(available.Width, Math.Max(0, available.Height - p.Y)));
            canvas.Restore();
        }
        if (kind == SpaceKind.Full) _current = items.Count;
        else if (placed.Count > 0)
        {
            var last = placed[^1];
            _current = last.Plan.Kind == SpaceKind.Full ? last.Index + 1 : last.Index;
        }
    }

    public override IEnumerable<string> Texts() => items.SelectMany(i => i.Texts());
}
