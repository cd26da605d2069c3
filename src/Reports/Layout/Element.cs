using SkiaSharp;

namespace Analytics.Reports.Layout;

public readonly record struct Size(float Width, float Height)
{
    public static readonly Size Zero = new(0, 0);
    public override string ToString() => FormattableString.Invariant($"{Width:0.#}×{Height:0.#}");
}

/// <summary>What an element answers when asked how much of it fits in a space.</summary>
public enum SpaceKind
{
    /// <summary>Nothing (left) to draw.</summary>
    Empty,
    /// <summary>Not even a first part fits: move to the next page.</summary>
    Wrap,
    /// <summary>A first part fits (size given); the rest continues on the next page.</summary>
    Partial,
    /// <summary>All of it fits (size given).</summary>
    Full,
}

public readonly record struct SpacePlan(SpaceKind Kind, Size Size, string? Reason = null)
{
    public static SpacePlan Empty => new(SpaceKind.Empty, Size.Zero);
    public static SpacePlan Wrap(string reason) => new(SpaceKind.Wrap, Size.Zero, reason);
    public static SpacePlan Partial(float width, float height) => new(SpaceKind.Partial, new Size(width, height));
    public static SpacePlan Full(float width, float height) => new(SpaceKind.Full, new Size(width, height));
    public bool Draws => Kind is SpaceKind.Partial or SpaceKind.Full;
}

/// <summary>
/// A node of the layout tree (the design of pre-2024 QuestPDF). <see cref="Measure"/> is pure: it
/// may be asked any number of times. <see cref="Draw"/> paints at the canvas origin exactly what
/// Measure said fits in the same space, and an element that splits across pages remembers how
/// far it got.
/// </summary>
public abstract class Element
{
    public abstract SpacePlan Measure(Size available);
    public abstract void Draw(SKCanvas canvas, Size available);

    /// <summary>A heading: never left alone at the bottom of a page, away from what follows it.</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>The text this element will draw, for the glyph check before any page is made.</summary>
    public virtual IEnumerable<string> Texts() => [];

    /// <summary>True on the first pass (page counting), where nothing is painted.</summary>
    protected static bool IsDiscard(SKCanvas canvas) => canvas is SKNoDrawCanvas;
}

/// <summary>A layout that cannot be made (an element larger than an empty page, a runaway loop).</summary>
public sealed class LayoutException(string message) : Exception(message);
