using System.Diagnostics;
using System.Globalization;
using Analytics.Reports.Briefing;
using Analytics.Reports.Fonts;
using Analytics.Reports.Rendering;
using Analytics.Reports.Tests;
using SkiaSharp;

// Report rendering benchmark: the Hải Phòng-sized briefing (all charts, 60 overdue tasks) and 114
// one-page commune briefs, warm, against a baseline in the same run: SkiaSharp writing the same
// number of pages of plain text lines (the floor any PDF of that size costs on this machine).
// Usage: dotnet run -c Release --project bench/Reports.Bench [-- ROUNDS]

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var renderer = new PdfRenderer();
var fonts = renderer.Theme.Fonts;
var city = SampleBriefing.HaiPhong(60);
var options = new BriefingOptions();

double Median(Func<int> run, out int result)
{
    result = run(); // warm-up
    var times = new List<double>();
    for (var i = 0; i < rounds; i++)
    {
        var sw = Stopwatch.StartNew();
        result = run();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times[times.Count / 2];
}

int Briefing()
{
    using var ms = new MemoryStream();
    return renderer.Render(BriefingContent.Build(city, options), ms);
}

var communes = Enumerable.Range(1, 114).Select(i => city with
{
    UnitCode = $"11{i:000}", UnitName = $"Xã Thử {i}", Revenue = RevenueFacts.None, Indices = IndexFacts.None,
    Tasks = city.Tasks with { OverdueTasks = city.Tasks.OverdueTasks.Skip(i % 10).Take(i % 9).ToList() },
}).ToList();

int Communes()
{
    var pages = 0;
    foreach (var c in communes)
    {
        using var ms = new MemoryStream();
        pages += renderer.Render(CommuneBriefContent.Build(c, options), ms);
    }
    return pages;
}

int Baseline(int pages)
{
    using var ms = new MemoryStream();
    using var doc = SKDocument.CreatePdf(ms);
    using var font = new SKFont(fonts.Regular, 14);
    using var paint = new SKPaint { Color = SKColors.Black };
    for (var p = 0; p < pages; p++)
    {
        var canvas = doc.BeginPage(595, 842);
        for (var l = 0; l < 40; l++) canvas.DrawText("Tổng thu ngân sách nhà nước trên địa bàn đạt 197.810 tỷ đồng, bằng 134,2%", 85, 60 + l * 18, SKTextAlign.Left, font, paint);
        doc.EndPage();
    }
    doc.Close();
    return pages;
}

if (args.Contains("--profile"))
{
    var doc0 = BriefingContent.Build(city, options);
    for (var k = 0; k < 3; k++)
    {
        var sw = Stopwatch.StartNew();
        var doc = BriefingContent.Build(city, options); var t1 = sw.Elapsed.TotalMilliseconds;
        var tree = renderer.Layout(doc); var t2 = sw.Elapsed.TotalMilliseconds;
        fonts.EnsureCovers(tree.Texts()); var t3 = sw.Elapsed.TotalMilliseconds;
        Analytics.Reports.Layout.PageLoop.Run(renderer.Layout(doc), renderer.Theme.Page, new Analytics.Reports.Layout.DiscardPageSink()); var t4 = sw.Elapsed.TotalMilliseconds;
        foreach (var f in Analytics.Reports.Charts.FigurePack.For(city)) { using var surf = SKSurface.Create(new SKImageInfo(600, 300)); Analytics.Reports.Charts.ChartRenderer.DrawOnCanvas(f.Build(fonts), surf.Canvas, new SKRect(0, 0, 600, 300)); }
        var t5 = sw.Elapsed.TotalMilliseconds;
        Briefing(); var t6 = sw.Elapsed.TotalMilliseconds;
        var noCharts = doc with { Blocks = doc.Blocks.Where(b => b is not Analytics.Reports.Documents.FigureBlock).ToList() };
        using (var ms = new MemoryStream()) renderer.Render(noCharts, ms);
        var t7 = sw.Elapsed.TotalMilliseconds;
        var onlyCharts = doc with { Blocks = doc.Blocks.Where(b => b is Analytics.Reports.Documents.FigureBlock).ToList() };
        using (var ms = new MemoryStream()) { renderer.Render(onlyCharts, ms); Console.WriteLine($"charts-only pdf bytes {ms.Length}"); }
        var t8 = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine($"no-charts {t7 - t6:0} only-charts {t8 - t7:0}");
        Console.WriteLine($"content {t1:0} layout-tree {t2 - t1:0} glyphs {t3 - t2:0} discard-pass {t4 - t3:0} charts-raster {t5 - t4:0} full-render {t6 - t5:0}");
    }
    return;
}
int CommunesParallel()
{
    var pages = 0;
    Parallel.ForEach(communes, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
    {
        using var ms = new MemoryStream();
        Interlocked.Add(ref pages, renderer.Render(CommuneBriefContent.Build(c, options), ms));
    });
    return pages;
}

// The floor of one PDF per commune: a one-line page in each of the three faces a brief uses
// (SkiaSharp embeds every face used into every document, whatever the page holds).
int MinimalDocuments(int count)
{
    for (var i = 0; i < count; i++)
    {
        using var ms = new MemoryStream();
        using var doc = SKDocument.CreatePdf(ms);
        var canvas = doc.BeginPage(595, 842);
        using var paint = new SKPaint { Color = SKColors.Black };
        foreach (var face in new[] { fonts.Regular, fonts.Bold, fonts.Italic })
        {
            using var font = new SKFont(face, 14);
            canvas.DrawText("Xã Thử", 85, 60, SKTextAlign.Left, font, paint);
        }
        doc.EndPage();
        doc.Close();
    }
    return count;
}

var briefingMs = Median(Briefing, out var briefingPages);
var baselineMs = Median(() => Baseline(briefingPages), out _);
var communesMs = Median(Communes, out var communePages);
var communeBaselineMs = Median(() => Baseline(communePages), out _);
var communesParallelMs = Median(CommunesParallel, out _);
var bookletMs = Median(() =>
{
    using var ms = new MemoryStream();
    return renderer.RenderBooklet(new Analytics.Reports.Documents.DocumentInfo("Tập hợp", "Ban Tổ chức", "bench"), communes.Select(c => CommuneBriefContent.Build(c, options)).ToList(), ms);
}, out _);
var minimalMs = Median(() => MinimalDocuments(communes.Count), out _);

Console.WriteLine($"machine: load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, font {fonts.Family}");
Console.WriteLine($"| case | pages | median ms (warm, {rounds} rounds) | plain-text baseline ms | ratio |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
Console.WriteLine($"| Hải Phòng briefing (9 charts, 60 overdue tasks) | {briefingPages} | {briefingMs:0} | {baselineMs:0} | {briefingMs / baselineMs:0.0}× |");
Console.WriteLine($"| 114 commune briefs, one after another | {communePages} | {communesMs:0} | {communeBaselineMs:0} | {communesMs / communeBaselineMs:0.0}× |");
Console.WriteLine($"| 114 commune briefs vs 114 one-line PDFs in the same 3 faces | {communePages} | {communesMs:0} | {minimalMs:0} | {communesMs / minimalMs:0.0}× |");
Console.WriteLine($"| 114 commune briefs as one booklet PDF | {communePages} | {bookletMs:0} | {communeBaselineMs:0} | {bookletMs / communeBaselineMs:0.0}× |");
Console.WriteLine($"| 114 commune briefs, {Environment.ProcessorCount} in parallel (as the CLI does) | {communePages} | {communesParallelMs:0} | {communeBaselineMs:0} | {communesParallelMs / communeBaselineMs:0.0}× |");
