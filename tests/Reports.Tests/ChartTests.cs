using System.Text;
using Analytics.Reports.Briefing;
using Analytics.Reports.Charts;
using Analytics.Reports.Documents;
using Analytics.Reports.Rendering;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests;

public class ChartTests
{
    private static IReadOnlyList<Figure> Figures => FigurePack.For(SampleBriefing.HaiPhong());

    [Fact]
    public void The_sample_fills_every_chart_of_the_catalogue()
    {
        Assert.Equal(ChartCatalogue.All.Select(c => c.Id), Figures.Select(f => f.Definition.Id));
        Assert.Equal(ChartCatalogue.All.Count, ChartCatalogue.All.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Print_files_are_tagged_300_dpi_and_every_figure_note_says_its_unit()
    {
        var dir = TestOutput.Dir("figures-dpi");
        var written = FigurePack.Write(Figures.Take(2), dir);
        Assert.All(written, w => Assert.Equal(300, PngDpi.Read(File.ReadAllBytes(w.PrintPng))!.Value, 0));
        Assert.All(written, w => Assert.Null(PngDpi.Read(File.ReadAllBytes(w.SlidePng))));
        Assert.All(Figures, f => Assert.StartsWith("Đơn vị: ", f.Note));
    }

    [Fact]
    public void Figure_pack_writes_slide_and_print_png_svg_and_a_contact_sheet()
    {
        var dir = TestOutput.Dir("figures");
        foreach (var f in Directory.GetFiles(dir)) File.Delete(f);
        var written = FigurePack.Write(Figures, dir);
        Assert.Equal(9, written.Count);
        foreach (var w in written)
        {
            Assert.Equal((1920, 1080), PngSize(w.SlidePng));
            var (pw, ph) = PngSize(w.PrintPng);
            Assert.Equal(1890, pw); // 16 cm at 300 dpi
            Assert.InRange(ph, 1063, 1890); // 9 cm, taller for many rows

            var svg = File.ReadAllText(w.Svg);
            Assert.Contains("<svg", svg);
        }
        Assert.True(File.Exists(Path.Combine(dir, "contact-sheet.png")));
        var revenueSvg = File.ReadAllText(written[0].Svg);
        Assert.Contains("Thực hiện", revenueSvg.Normalize(NormalizationForm.FormC));
        Assert.Contains("197.810", revenueSvg);
        var grdp = File.ReadAllText(written.Single(w => w.Id == "grdp-growth").Svg);
        Assert.Contains("11,8%", grdp);
    }

    private static (int, int) PngSize(string path)
    {
        var b = File.ReadAllBytes(path);
        Assert.Equal(0x89, b[0]);
        return ((b[16] << 24) | (b[17] << 16) | (b[18] << 8) | b[19], (b[20] << 24) | (b[21] << 16) | (b[22] << 8) | b[23]);
    }

    [Fact]
    public void Rank_axis_is_inverted_so_first_place_is_on_top()
    {
        var plot = ChartCatalogue.IndexRanks.Build([new IndexRank("PCI", 2023, 3), new IndexRank("PCI", 2024, 1)]);
        plot.RenderInMemory(800, 400);
        var top = plot.GetPixel(new ScottPlot.Coordinates(2024, 1)).Y;
        var lower = plot.GetPixel(new ScottPlot.Coordinates(2023, 3)).Y;
        Assert.True(top < lower, "rank 1 must be drawn above rank 3");
    }

    [Fact]
    public void Every_bar_chart_starts_its_bars_at_zero()
    {
        var barCharts = 0;
        foreach (var f in Figures)
        {
            var plot = f.Build();
            var bars = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().ToList();
            if (bars.Count == 0) continue;
            barCharts++;
            ChartRenderer.Png(plot, 960, 540); // limits as drawn
            foreach (var bp in bars)
            {
                var axis = bp.Bars[0].Orientation == ScottPlot.Orientation.Horizontal ? plot.Axes.Bottom.Range : plot.Axes.Left.Range;
                var lowest = bp.Bars.Min(b => Math.Min(b.ValueBase, b.Value));
                Assert.True(lowest >= 0, $"{f.Definition.Id}: the sample has no negative bar");
                Assert.True(axis.Min == 0, $"{f.Definition.Id}: value axis starts at {axis.Min}, not 0");
            }
        }
        Assert.Equal(7, barCharts); // every chart but the two line charts
    }

    [Fact]
    public void Rank_axis_has_whole_ranks_with_first_place_at_the_top()
    {
        foreach (var worst in new[] { 6, 29, 63 })
        {
            var plot = ChartCatalogue.IndexRanks.Build([new IndexRank("PCI", 2024, worst), new IndexRank("PCI", 2025, 1)]);
            ChartRenderer.Png(plot, 960, 540);
            var ticks = ((ManualTicks)plot.Axes.Left.TickGenerator).All;
            Assert.Equal(1, ticks[0].Position);
            Assert.Equal("1", ticks[0].Label);
            Assert.All(ticks, t => Assert.Equal(Math.Round(t.Position), t.Position));
            var range = plot.Axes.Left.Range;
            Assert.True(ticks[^1].Position >= worst - 10 && ticks[^1].Position <= Math.Max(range.Min, range.Max), $"last tick {ticks[^1].Position} for worst rank {worst}");
            Assert.True(plot.GetPixel(new ScottPlot.Coordinates(2025, 1)).Y < plot.GetPixel(new ScottPlot.Coordinates(2024, worst)).Y);
        }
    }

    [Fact]
    public void Close_ranks_of_one_year_get_labels_that_do_not_overlap()
    {
        // Cần Thơ 2025: PAR INDEX 29 and PCI 28 were drawn over each other.
        var plot = ChartCatalogue.IndexRanks.Build([
            new IndexRank("PAR INDEX", 2024, 23), new IndexRank("PAR INDEX", 2025, 29),
            new IndexRank("SIPAS", 2024, 10), new IndexRank("SIPAS", 2025, 19),
            new IndexRank("PCI", 2024, 9), new IndexRank("PCI", 2025, 28)]);
        ChartRenderer.Png(plot, 960, 420);
        var labels = plot.GetPlottables<ScottPlot.Plottables.Text>().Where(t => t.Location.X == 2025)
            .Select(t => plot.GetPixel(t.Location).Y + t.OffsetY).Order().ToList();
        Assert.Equal(3, labels.Count);
        for (var i = 1; i < labels.Count; i++) Assert.True(labels[i] - labels[i - 1] >= 11, $"labels {labels[i] - labels[i - 1]:0.#} px apart");
    }

    [Fact]
    public void Charts_stay_vector_on_the_pdf_page()
    {
        var doc = new Document(new DocumentInfo("t", "a", "s"), [new FigureBlock(ChartCatalogue.GrdpGrowth.For([new GrowthPeriod("Quý I/2025", 10.8), new GrowthPeriod("6 tháng 2025", 11.2)]), "Tăng trưởng")]);
        var bytes = new PdfRenderer().RenderToBytes(doc);
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        Assert.Empty(page.GetImages()); // no raster fallback
        var words = string.Join(" ", page.GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormC);
        Assert.Contains("10,8%", words);
        Assert.Contains("Quý I/2025", words);
    }

    [Fact]
    public void Wrong_data_type_is_refused_with_the_expected_type()
    {
        IChartDefinition def = ChartCatalogue.GrdpGrowth;
        var e = Assert.Throws<ArgumentException>(() => def.Build("not data"));
        Assert.Contains("grdp-growth", e.Message);
    }
}
