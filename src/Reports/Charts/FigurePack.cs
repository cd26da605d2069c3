using Analytics.Reports.Fonts;
using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>
/// The conference figure pack: every figure as a 1920×1080 slide PNG, a 300 dpi print PNG and an
/// SVG, plus a contact sheet (all figures on one PNG) to pick from.
/// </summary>
public static class FigurePack
{
    public sealed record Written(string Id, string SlidePng, string PrintPng, string Svg);

    /// <param name="source">the source line every figure carries ("Nguồn: …")</param>
    public static IReadOnlyList<Written> Write(IEnumerable<Figure> figures, string directory, FontSet? fonts = null, string? source = null)
    {
        fonts ??= FontResolver.Resolve();
        Directory.CreateDirectory(directory);
        var written = new List<Written>();
        var thumbs = new List<(string Title, Plot Plot)>();
        var n = 0;
        foreach (var f in figures)
        {
            var stem = $"{++n:00}-{f.Definition.Id}";
            var plot = f.Build(fonts);
            // A slide stands alone: its number and title on top, its unit, period, selection and source under the chart.
            var title = $"Biểu đồ {n}: {f.Title}";
            plot.Title(title, size: 13);
            plot.Axes.Title.Label.Bold = true;
            var foot = string.Join(" ", new[] { f.Note, source }.Where(x => !string.IsNullOrEmpty(x)));
            var slide = Path.Combine(directory, stem + ".png");
            var print = Path.Combine(directory, stem + "-print.png");
            var svg = Path.Combine(directory, stem + ".svg");
            // The footnote is centred under the data area, so its lines are as long as the narrowest
            // output leaves room for: the 16 cm print figure is about 450 pt wide, the slide 770.
            if (foot.Length > 0) AddFootnote(plot, foot, 130);
            File.WriteAllBytes(slide, ChartRenderer.SlidePng(plot));
            File.WriteAllText(svg, ChartRenderer.Svg(plot));
            if (foot.Length > 0) AddFootnote(plot, foot, 60);
            File.WriteAllBytes(print, ChartRenderer.PrintPng(plot));
            written.Add(new Written(f.Definition.Id, slide, print, svg));
            thumbs.Add((title, plot));
        }
        if (thumbs.Count > 0) WriteContactSheet(thumbs, Path.Combine(directory, "contact-sheet.png"), fonts);
        return written;
    }

    /// <summary>Small italic text under the plot (the bottom axis label, which no catalogue chart uses), wrapped when long.</summary>
    private static void AddFootnote(Plot plot, string text, int lineLength)
    {
        var label = plot.Axes.Bottom.Label;
        label.Text = Wrap(text, lineLength);
        label.FontSize = 10;
        label.Italic = true;
        label.Bold = false;
    }

    private static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { lines.Add(line); line = word; }
            else line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) lines.Add(line);
        return string.Join("\n", lines);
    }

    private static void WriteContactSheet(IReadOnlyList<(string Name, Plot Plot)> plots, string path, FontSet fonts)
    {
        const int w = 640, h = 360, label = 28, cols = 3;
        var rows = (plots.Count + cols - 1) / cols;
        using var surface = SKSurface.Create(new SKImageInfo(cols * w, rows * (h + label)));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var font = new SKFont(fonts.Bold, 16);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        for (var i = 0; i < plots.Count; i++)
        {
            var x = i % cols * w;
            var y = i / cols * (h + label);
            canvas.DrawText(plots[i].Name, x + 8, y + 20, SKTextAlign.Left, font, paint);
            ChartRenderer.DrawOnCanvas(plots[i].Plot, canvas, new SKRect(x, y + label, x + w, y + label + h));
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    /// <summary>Every catalogue figure a briefing's data can fill, in the briefing's order, each with its note.</summary>
    public static IReadOnlyList<Figure> For(Briefing.BriefingData d) => Briefing.BriefingFigures.All(d);
}
