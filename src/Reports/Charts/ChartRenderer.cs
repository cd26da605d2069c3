using System.Text;
using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>One plot, every output: PNG (slides, print), SVG (web, editing), and vector straight onto a PDF page.</summary>
public static class ChartRenderer
{
    /// <summary>Conference slides: 1920×1080.</summary>
    public static readonly (int Width, int Height) Slide = (1920, 1080);

    /// <summary>PNG bytes. <paramref name="scale"/> enlarges fonts and lines with the pixels (2 for a 300 dpi print figure of 960×540 pt-ish design size).</summary>
    public static byte[] Png(Plot plot, int width, int height, double scale = 1)
    {
        plot.ScaleFactor = scale;
        try
        {
            using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
            DrawOnce(plot, surface.Canvas, new SKRect(0, 0, width, height));
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            return png.ToArray();
        }
        finally { plot.ScaleFactor = 1; }
    }

    /// <summary>Slide scale: the smallest chart type (10 pt) comes out at 25 px on a 1920×1080 slide.</summary>
    public const double SlideScale = 2.5;

    /// <summary>A slide PNG: 1920×1080 with type large enough to read from the back of a hall (≥ 24 px).</summary>
    public static byte[] SlidePng(Plot plot) => Png(plot, Slide.Width, Slide.Height, SlideScale);

    /// <summary>
    /// A print PNG: a figure 16 cm wide at 300 dpi (1890 px), 9 cm high (1063 px) or taller when it has
    /// many category rows (about 0.55 cm a row, so 10 pt labels never overprint), tagged 300 dpi (pHYs)
    /// so layout programs place it at 16 cm.
    /// </summary>
    public static byte[] PrintPng(Plot plot)
    {
        var rows = (plot.Axes.Left.TickGenerator as ManualTicks)?.All.Count ?? 0;
        var heightCm = Math.Max(9, 4.5 + 0.55 * rows);
        return PngDpi.Tag(Png(plot, 1890, (int)Math.Round(heightCm / 2.54 * 300), 1890.0 / (16 / 2.54 * 72)), 300);
    }

    public static string Svg(Plot plot, int width = 960, int height = 540)
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
            DrawOnce(plot, canvas, new SKRect(0, 0, width, height));
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Draws the plot into <paramref name="rect"/> of a canvas (a PDF page): it stays vector.</summary>
    public static void DrawOnCanvas(Plot plot, SKCanvas canvas, SKRect rect)
    {
        canvas.Save();
        canvas.ClipRect(rect);
        DrawOnce(plot, canvas, rect);
        canvas.Restore();
    }

    /// <summary>
    /// ScottPlot renders a plot again, onto the same canvas, when a render moved its axis limits (the
    /// first render of a plot autoscales). A raster hides the first pass under the second; a PDF or SVG
    /// keeps both, so every label was twice in the text layer (copy, search, screen readers). So the plot
    /// is recorded until a single render is all it takes, and only that recording reaches the canvas.
    /// </summary>
    private static void DrawOnce(Plot plot, SKCanvas canvas, SKRect rect)
    {
        var renders = 0;
        void Count(object? sender, RenderDetails details) => renders++;
        var handlers = plot.RenderManager.RenderFinished;
        plot.RenderManager.RenderFinished += Count;
        try
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                renders = 0;
                using var recorder = new SKPictureRecorder();
                var recording = recorder.BeginRecording(rect);
                plot.Render(recording, new PixelRect(rect.Left, rect.Right, rect.Bottom, rect.Top));
                using var picture = recorder.EndRecording();
                if (renders != 1) continue;
                canvas.DrawPicture(picture);
                return;
            }
        }
        finally { plot.RenderManager.RenderFinished = handlers; }
        throw new InvalidOperationException($"chart \"{plot.Axes.Title.Label.Text}\": its axis limits still move after 3 renders, so it would be drawn more than once");
    }

    /// <summary>Every string a plot shows that is known before rendering: title, axis labels, category ticks, legend.</summary>
    public static IEnumerable<string> Texts(Plot plot)
    {
        yield return plot.Axes.Title.Label.Text;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom, plot.Axes.Right, plot.Axes.Top })
        {
            yield return axis.Label.Text;
            // NumericManual keeps its list private until a render; ours says what it will draw.
            if (axis.TickGenerator is ManualTicks manual)
                foreach (var t in manual.All) yield return t.Label;
        }
        foreach (var item in plot.Legend.GetItems()) yield return item.LabelText;
        foreach (var bars in plot.GetPlottables<ScottPlot.Plottables.BarPlot>())
            foreach (var b in bars.Bars) yield return b.Label;
        foreach (var text in plot.GetPlottables<ScottPlot.Plottables.Text>()) yield return text.LabelText;
    }
}
