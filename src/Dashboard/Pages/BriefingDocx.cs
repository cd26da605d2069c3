using Analytics.Reports.Briefing;
using Analytics.Reports.Rendering;

namespace Analytics.Dashboard.Pages;

/// <summary>The current view's briefing as an editable Word draft, from the same document as <see cref="BriefingPdf"/>.</summary>
public static class BriefingDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Fonts are resolved once (the table widths are measured with them, the charts drawn with them);
    // rendering is serialised because the renderer's fonts are shared.
    private static readonly Lazy<DocxRenderer> Renderer = new(() => new DocxRenderer());
    private static readonly object Gate = new();

    public static byte[] Render(BriefingData data)
    {
        var doc = BriefingContent.Build(data, new BriefingOptions());
        lock (Gate) return Renderer.Value.RenderToBytes(doc);
    }
}
