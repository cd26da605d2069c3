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

    public static IReadOnlyList<Written> Write(IEnumerable<Figure> figures, string directory, FontSet? fonts = null)
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
            if (f.Title != f.Definition.TitleVi) plot.Title(f.Title, size: 13);
            var slide = Path.Combine(directory, stem + ".png");
            var print = Path.Combine(directory, stem + "-print.png");
            var svg = Path.Combine(directory, stem + ".svg");
            File.WriteAllBytes(slide, ChartRenderer.SlidePng(plot));
            File.WriteAllBytes(print, ChartRenderer.PrintPng(plot));
            File.WriteAllText(svg, ChartRenderer.Svg(plot));
            written.Add(new Written(f.Definition.Id, slide, print, svg));
            thumbs.Add((stem, plot));
        }
        if (thumbs.Count > 0) WriteContactSheet(thumbs, Path.Combine(directory, "contact-sheet.png"), fonts);
        return written;
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

    /// <summary>Every catalogue figure a briefing's data can fill, in catalogue order.</summary>
    public static IReadOnlyList<Figure> For(Briefing.BriefingData d)
    {
        var list = new List<Figure>();
        if (d.Revenue.ByCategory.Count > 0) list.Add(ChartCatalogue.RevenueAgainstTarget.For(d.Revenue.ByCategory));
        if (d.Revenue.Cumulative is not null) list.Add(ChartCatalogue.CumulativeRevenue.For(d.Revenue.Cumulative));
        if (d.Revenue.Grdp.Count > 0) list.Add(ChartCatalogue.GrdpGrowth.For(d.Revenue.Grdp));
        if (d.Indices.Ranks.Count > 0) list.Add(ChartCatalogue.IndexRanks.For(d.Indices.Ranks));
        if (d.Indices.Components.Count > 0) list.Add(ChartCatalogue.ComponentScores.For(d.Indices.Components));
        if (d.Staffing.BySpecialty.Count > 0) list.Add(ChartCatalogue.StaffingShortage.For(d.Staffing.BySpecialty));
        if (d.Staffing.Communes.Count > 0) list.Add(ChartCatalogue.CommuneShortage.For(d.Staffing.Communes));
        if (d.Tasks.ByLeadUnit.Count > 0) list.Add(ChartCatalogue.TaskStatus.For(d.Tasks.ByLeadUnit.Take(15).ToList()));
        if (d.Tasks.OverdueTasks.Count > 0) list.Add(ChartCatalogue.OverdueDays.For(d.Tasks.OverdueTasks.Select(o => new OverdueDays(o.TaskId, o.DaysOverdue)).ToList()));
        return list;
    }
}
