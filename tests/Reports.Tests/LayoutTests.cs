using Analytics.Reports.Fonts;
using Analytics.Reports.Layout;
using SkiaSharp;

namespace Analytics.Reports.Tests;

/// <summary>The layout engine on its own: element trees in small pages, placements recorded by probe elements.</summary>
public class LayoutTests
{
    private sealed record Placed(string Name, int Page, float X, float Y, float W, float H);

    private sealed class Log
    {
        public int Page;
        public List<Placed> Items { get; } = [];
        public Placed this[string name] => Items.Single(i => i.Name == name);
    }

    /// <summary>A fixed-size block that records where it was drawn.</summary>
    private sealed class Probe(string name, float w, float h, Log log) : Element
    {
        private bool _drawn;
        public override SpacePlan Measure(Size available) =>
            _drawn ? SpacePlan.Empty : h <= available.Height + 0.01f && w <= available.Width + 0.01f ? SpacePlan.Full(w, h) : SpacePlan.Wrap($"{name} {w}×{h} in {available}");
        public override void Draw(SKCanvas canvas, Size available)
        {
            var m = canvas.TotalMatrix;
            log.Items.Add(new Placed(name, log.Page, m.TransX, m.TransY, w, h));
            _drawn = true;
        }
    }

    private sealed class CountingSink(Log log) : IPageSink
    {
        private readonly DiscardPageSink _inner = new();
        public SKCanvas BeginPage(Size size) { log.Page++; return _inner.BeginPage(size); }
        public void EndPage() => _inner.EndPage();
    }

    /// <summary>A canvas that draws (not the discard one), so text and tables really paint.</summary>
    private sealed class RecordingSink(Log log) : IPageSink
    {
        private SKPictureRecorder? _rec;
        public SKCanvas BeginPage(Size size) { log.Page++; _rec = new SKPictureRecorder(); return _rec.BeginRecording(new SKRect(0, 0, size.Width, size.Height)); }
        public void EndPage() { _rec!.EndRecording().Dispose(); _rec.Dispose(); }
    }

    private static PageSetup Page(float w, float h) => new(new Size(w, h), 0, 0, 0, 0);

    [Fact]
    public void Column_places_blocks_top_down_and_moves_what_does_not_fit_to_the_next_page()
    {
        var log = new Log();
        var pages = PageLoop.Run(new Column([new Probe("a", 70, 30, log), new Probe("b", 50, 120, log), new Probe("c", 10, 10, log)], spacing: 5), Page(100, 140), new CountingSink(log));
        Assert.Equal(2, pages);
        Assert.Equal(new Placed("a", 1, 0, 0, 70, 30), log["a"]);
        Assert.Equal(new Placed("b", 2, 0, 0, 50, 120), log["b"]);
        Assert.Equal(new Placed("c", 2, 0, 125, 10, 10), log["c"]);
    }

    [Fact]
    public void Margins_offset_the_content_area()
    {
        var log = new Log();
        PageLoop.Run(new Column([new Probe("a", 20, 20, log)]), new PageSetup(new Size(100, 140), 10, 10, 15, 5), new CountingSink(log));
        Assert.Equal(new Placed("a", 1, 15, 10, 20, 20), log["a"]);
    }

    [Fact]
    public void A_heading_is_never_left_alone_at_the_bottom_of_a_page()
    {
        var log = new Log();
        var content = new Column([
            new Probe("text", 100, 100, log),
            new Box(new Probe("heading", 100, 20, log)) { KeepWithNext = true },
            new Probe("chart", 100, 60, log),
        ]);
        PageLoop.Run(content, Page(100, 140), new CountingSink(log));
        Assert.Equal(1, log["text"].Page);
        Assert.Equal((2, 0f), (log["heading"].Page, log["heading"].Y));
        Assert.Equal((2, 20f), (log["chart"].Page, log["chart"].Y));
    }

    [Fact]
    public void A_heading_and_its_introduction_move_together_with_the_table_they_announce()
    {
        var log = new Log();
        var content = new Column([
            new Probe("text", 100, 70, log),
            new Box(new Probe("heading", 100, 20, log)) { KeepWithNext = true },
            new Box(new Probe("intro", 100, 20, log)) { KeepWithNext = true },
            new Probe("table", 100, 60, log),
        ]);
        PageLoop.Run(content, Page(100, 140), new CountingSink(log));
        Assert.Equal(1, log["text"].Page);
        Assert.Equal(new[] { 2, 2, 2 }, new[] { log["heading"].Page, log["intro"].Page, log["table"].Page });
        Assert.Equal(40, log["table"].Y);
    }

    [Fact]
    public void A_page_break_starts_a_new_page()
    {
        var log = new Log();
        var pages = PageLoop.Run(new Column([new Probe("a", 10, 10, log), new PageBreak(), new Probe("b", 10, 10, log)]), Page(100, 140), new CountingSink(log));
        Assert.Equal(2, pages);
        Assert.Equal((2, 0f), (log["b"].Page, log["b"].Y));
    }

    [Fact]
    public void An_element_larger_than_an_empty_page_fails_with_the_reason()
    {
        var log = new Log();
        var e = Assert.Throws<LayoutException>(() => PageLoop.Run(new Column([new Probe("huge", 10, 500, log)]), Page(100, 140), new CountingSink(log)));
        Assert.Contains("huge 10×500", e.Message);
    }

    [Fact]
    public void Header_and_footer_are_drawn_in_the_margins_of_every_page()
    {
        var log = new Log();
        var setup = new PageSetup(new Size(100, 140), 20, 20, 0, 0);
        var pages = PageLoop.Run(new Column([new Probe("a", 10, 90, log), new Probe("b", 10, 90, log)]), setup, new CountingSink(log),
            header: (p, _) => new Probe($"header{p}", 30, 10, log), footer: (p, _) => new Probe($"footer{p}", 30, 10, log));
        Assert.Equal(2, pages);
        Assert.Equal(new Placed("header2", 2, 0, 5, 30, 10), log["header2"]);
        Assert.Equal(new Placed("footer1", 1, 0, 125, 30, 10), log["footer1"]);
    }

    [Fact]
    public void Row_splits_width_between_fixed_and_weighted_items()
    {
        var log = new Log();
        PageLoop.Run(new Row([new RowItem(new Probe("fixed", 30, 10, log), FixedWidth: 30), new RowItem(new Probe("rest", 60, 20, log), Weight: 1)], spacing: 10), Page(100, 140), new CountingSink(log));
        Assert.Equal(0, log["fixed"].X);
        Assert.Equal(40, log["rest"].X);
    }

    private static FontSet Fonts => FontResolver.Resolve();

    [Fact]
    public void Text_wraps_at_spaces_and_splits_between_lines_across_pages()
    {
        var style = new TextStyle(Fonts, 10);
        var text = new TextBlock(string.Join(" ", Enumerable.Repeat("nhiệm vụ", 40)), style) { LineSpacing = 1.2f };
        var lines = text.LineTexts(100);
        Assert.True(lines.Count > 5);
        Assert.All(lines, l => Assert.False(l.StartsWith(' ') || l.EndsWith(' ')));
        Assert.Equal(string.Join(" ", Enumerable.Repeat("nhiệm vụ", 40)), string.Join(" ", lines));
        // 12 pt per line: 5 lines fit in 60 pt, the rest continues.
        var plan = text.Measure(new Size(100, 60));
        Assert.Equal(SpaceKind.Partial, plan.Kind);
        Assert.Equal(60, plan.Size.Height, 2);
        var pages = PageLoop.Run(text, Page(100, 60), new RecordingSink(new Log()));
        Assert.Equal((lines.Count + 4) / 5, pages);
    }

    [Fact]
    public void Text_is_normalised_to_nfc()
    {
        var decomposed = "Vie\u0302\u0323t Nam"; // ệ as e + circumflex + dot below
        var run = new TextRun(decomposed, new TextStyle(Fonts, 10));
        Assert.Equal("Việt Nam", run.Text);
        Assert.Equal(8, run.Text.Length);
    }

    [Fact]
    public void A_table_repeats_its_header_and_never_cuts_a_row()
    {
        var style = new TextStyle(Fonts, 10);
        var rows = Enumerable.Range(1, 30).Select(i => new TableRowSpec([$"{i}", i % 4 == 0 ? "một hàng dài hơn cần xuống dòng trong ô hẹp của bảng" : "ngắn"])).ToList();
        var table = new Table([new TableColumnSpec(1), new TableColumnSpec(3)], ["TT", "Nội dung"], rows, style, style.With(bold: true)) { CellPadding = 2 };
        var first = table.Measure(new Size(150, 140));
        Assert.Equal(SpaceKind.Partial, first.Kind);
        // Rows drawn per page add up to all rows, every page starting with the header.
        var pages = PageLoop.Run(table, Page(150, 140), new RecordingSink(new Log()));
        Assert.True(pages >= 3);
        var fresh = new Table([new TableColumnSpec(1), new TableColumnSpec(3)], ["TT", "Nội dung"], [new TableRowSpec(["1", string.Join(" ", Enumerable.Repeat("rất dài", 200))])], style, style);
        var e = Assert.Throws<LayoutException>(() => PageLoop.Run(fresh, Page(150, 140), new RecordingSink(new Log())));
        Assert.Contains("table row 1", e.Message);
    }
}
