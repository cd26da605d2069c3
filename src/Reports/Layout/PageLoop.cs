using SkiaSharp;

namespace Analytics.Reports.Layout;

/// <summary>Page size and margins in points (1 mm = 72 / 25.4 pt).</summary>
public sealed record PageSetup(Size PageSize, float Top, float Bottom, float Left, float Right)
{
    public const float PointsPerMm = 72f / 25.4f;
    public static float Mm(float mm) => mm * PointsPerMm;
    /// <summary>A4 portrait with the Party-format margins: top 20, bottom 20, left 30, right 15 mm.</summary>
    public static PageSetup PartyA4 { get; } = new(new Size(Mm(210), Mm(297)), Mm(20), Mm(20), Mm(30), Mm(15));
    public Size Content => new(PageSize.Width - Left - Right, PageSize.Height - Top - Bottom);
}

/// <summary>Where pages go: a PDF document, or nowhere (the counting pass).</summary>
public interface IPageSink
{
    SKCanvas BeginPage(Size size);
    void EndPage();
}

public sealed class DiscardPageSink : IPageSink
{
    private SKNoDrawCanvas? _canvas;
    public SKCanvas BeginPage(Size size) => _canvas = new SKNoDrawCanvas((int)Math.Ceiling(size.Width), (int)Math.Ceiling(size.Height));
    public void EndPage() { _canvas?.Dispose(); _canvas = null; }
}

public sealed class PdfPageSink(SKDocument document) : IPageSink
{
    public SKCanvas BeginPage(Size size) => document.BeginPage(size.Width, size.Height);
    public void EndPage() => document.EndPage();
}

/// <summary>
/// The page loop: measure, begin a page, draw its header and footer in the margins, draw as much
/// content as fits, end the page; until everything fits. Running it first on a discard sink
/// counts the pages, so headers can say "Trang 3/12" on the real pass.
/// </summary>
public static class PageLoop
{
    public const int MaxPages = 2000;

    /// <param name="content">a fresh content tree (elements remember how far they got, so each pass needs its own)</param>
    /// <param name="header">the element for the top margin of page n of total (null: none)</param>
    /// <param name="footer">the element for the bottom margin of page n of total (null: none)</param>
    /// <returns>the number of pages made</returns>
    public static int Run(Element content, PageSetup setup, IPageSink sink,
        Func<int, int, Element?>? header = null, Func<int, int, Element?>? footer = null, int totalPages = 0,
        Action<int>? pageStarted = null)
    {
        var page = 0;
        while (true)
        {
            page++;
            if (page > MaxPages) throw new LayoutException($"more than {MaxPages} pages: the content never finishes (an element that never reports it is done)");
            var canvas = sink.BeginPage(setup.PageSize);
            pageStarted?.Invoke(page);
            DrawMargin(canvas, header?.Invoke(page, totalPages), setup, top: true);
            DrawMargin(canvas, footer?.Invoke(page, totalPages), setup, top: false);

            var area = setup.Content;
            var plan = content.Measure(area);
            if (plan.Kind == SpaceKind.Wrap)
                throw new LayoutException($"Nội dung không vừa một trang trống / content does not fit on an empty page {page}: {plan.Reason}");
            canvas.Save();
            canvas.Translate(setup.Left, setup.Top);
            if (plan.Draws) content.Draw(canvas, area);
            canvas.Restore();
            sink.EndPage();
            if (plan.Kind is SpaceKind.Full or SpaceKind.Empty) return page;
        }
    }

    private static void DrawMargin(SKCanvas canvas, Element? element, PageSetup setup, bool top)
    {
        if (element is null) return;
        var margin = top ? setup.Top : setup.Bottom;
        var area = new Size(setup.Content.Width, margin);
        var plan = element.Measure(area);
        if (!plan.Draws) return;
        // Centred vertically in its margin: "Trang 2/9" sits in the middle of the top 20 mm.
        var y = top ? (margin - plan.Size.Height) / 2 : setup.PageSize.Height - margin + (margin - plan.Size.Height) / 2;
        canvas.Save();
        canvas.Translate(setup.Left, y);
        element.Draw(canvas, area);
        canvas.Restore();
    }

    /// <summary>Both passes: count pages on a discard canvas, then make them with "page n of total" known.</summary>
    public static int RunTwoPass(Func<Element> content, PageSetup setup, IPageSink sink,
        Func<int, int, Element?>? header = null, Func<int, int, Element?>? footer = null)
    {
        var total = Run(content(), setup, new DiscardPageSink(), header, footer);
        return Run(content(), setup, sink, header, footer, total);
    }
}
