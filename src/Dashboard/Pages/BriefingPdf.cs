using Analytics.Reports.Briefing;
using Analytics.Reports.Rendering;

namespace Analytics.Dashboard.Pages;

/// <summary>The current view's briefing as PDF, drawn by the reports layer from the same briefing data as the page charts.</summary>
public static class BriefingPdf
{
    // Font resolution is done once; rendering is serialised because a renderer holds font state.
    private static readonly Lazy<PdfRenderer> Renderer = new(() => new PdfRenderer());
    private static readonly object Gate = new();

    public static byte[] Render(BriefingData data)
    {
        var doc = BriefingContent.Build(data, new BriefingOptions());
        lock (Gate) return Renderer.Value.RenderToBytes(doc);
    }
}
