using System.Text.Json;
using Analytics.Etl.Loading;
using Analytics.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Analytics.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard over the shipped data-samples (Hải Phòng and Cần Thơ: long commune names, units
/// without data in the picker, a staffing chart whose longest bar carries "218"), and Debian's Chromium.
/// </summary>
public sealed class SamplesDashboardFixture : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "analytics-phone-" + Guid.NewGuid().ToString("N")[..12]);
    public string DbPath => Path.Combine(Directory, "warehouse.duckdb");
    public WebApplication App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(LoadedWarehouse.RepoRoot, "tests", "Dashboard.Tests", "TestResults", "screenshots", "phone");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        using (var c = WarehouseFile.OpenMigrated(DbPath))
        {
            var report = LoadPipeline.Load(c, [RepoPaths.DataSamples], new LoadOptions { RejectsDirectory = Directory });
            if (!report.Ok) throw new InvalidOperationException("data-samples did not load: " + report.ToJson());
        }
        App = DashboardApp.Build(new DashboardOptions(DbPath) { Urls = "http://127.0.0.1:0", SnapshotCheckInterval = TimeSpan.FromMilliseconds(100) });
        await App.StartAsync();
        BaseUrl = DashboardApp.ListeningAddress(App).Replace("[::1]", "127.0.0.1");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await DebianChromium.LaunchAsync(Playwright);
        System.IO.Directory.CreateDirectory(Screenshots);
    }

    public async Task<IPage> NewPage(int width)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(180_000); // five engineers share two cores; a cold view computes every indicator
        context.SetDefaultNavigationTimeout(180_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Issue 16 A at phone width (and desktop): on every page the document never scrolls sideways (wide
/// tables scroll inside their own box), every chart's text lies inside the chart and no two of its
/// texts overprint, and no text on the page or in a chart is shown smaller than 12 px.
/// Screenshots of every page go to TestResults/screenshots/phone.
/// </summary>
[Trait("speed", "slow")]
public sealed class PhoneWidthTests(SamplesDashboardFixture f) : IClassFixture<SamplesDashboardFixture>
{
    /// <summary>Every page of the dashboard: overview, the four areas, SQL (empty and with a wide result),
    /// the dictionary, upload; Hải Phòng (the default), Cần Thơ, a commune, and Hà Nội (no data).</summary>
    private static readonly (string Path, string Name)[] Pages =
    [
        ("/", "tong-quan"), ("/tasks", "nhiem-vu"), ("/staffing", "doi-ngu"), ("/indices", "cai-cach"), ("/revenue", "thu-ngan-sach"),
        ("/staffing?unit=92", "doi-ngu-can-tho"), ("/revenue?unit=92", "thu-ngan-sach-can-tho"),
        ("/?unit=10507", "tong-quan-xa"), ("/tasks?unit=10507", "nhiem-vu-xa"), ("/staffing?unit=10507", "doi-ngu-xa"),
        ("/indices?unit=10507", "cai-cach-xa"), ("/revenue?unit=10507", "thu-ngan-sach-xa"),
        ("/?unit=01", "tong-quan-ha-noi"), ("/tasks?unit=01", "nhiem-vu-ha-noi"), ("/staffing?unit=01", "doi-ngu-ha-noi"),
        ("/sql", "sql"), ("/sql/dictionary", "tu-dien"), ("/upload", "tai-len"),
    ];

    // Visible text shown smaller than 12 px: each element with its own text, its computed font size.
    private const string SmallTextScript = """
        () => {
          const out = [];
          for (const e of document.body.querySelectorAll('*')) {
            if (!Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim() !== '')) continue;
            if (e.closest('svg, .visually-hidden, script, style, option')) continue;
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') continue;
            const size = parseFloat(getComputedStyle(e).fontSize);
            if (size < 12) out.push(`${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 40)}" ${size}px`);
          }
          return out;
        }
        """;

    // An SVG chart laid out at the size the page shows it: every <text>'s box against the chart's box,
    // the size it is drawn at (font size times the transform's scale), and pairs of texts that overlap.
    private const string ChartTextScript = """
        ([svgText, width, height]) => {
          document.body.style.margin = '0';
          document.body.innerHTML = svgText;
          const svg = document.querySelector('svg');
          if (!svg.getAttribute('viewBox')) svg.setAttribute('viewBox', `0 0 ${svg.getAttribute('width')} ${svg.getAttribute('height')}`);
          svg.setAttribute('width', width); svg.setAttribute('height', height);
          svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
          const box = svg.getBoundingClientRect();
          const texts = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim() !== '');
          const problems = [];
          const rects = texts.map(t => ({ t: t.textContent.trim(), r: t.getBoundingClientRect() }));
          // a text inside a clipped group (the plot area) must lie inside the clip as well
          const clipOf = t => {
            const g = t.closest('[clip-path]');
            const id = g && /url\(#([^)]+)\)/.exec(g.getAttribute('clip-path'));
            const rect = id && document.getElementById(id[1])?.querySelector('rect');
            if (!rect) return null;
            const m = g.getScreenCTM(), x = +rect.getAttribute('x'), y = +rect.getAttribute('y');
            const a = new DOMPoint(x, y).matrixTransform(m), b = new DOMPoint(x + +rect.getAttribute('width'), y + +rect.getAttribute('height')).matrixTransform(m);
            return { left: a.x, top: a.y, right: b.x, bottom: b.y, name: 'plot area' };
          };
          texts.forEach((el, i) => {
            const { t, r } = rects[i];
            for (const c of [{ left: box.left, top: box.top, right: box.right, bottom: box.bottom, name: 'chart' }, clipOf(el)].filter(c => c))
              if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5)
                problems.push(`"${t}" outside the ${c.name}: text ${r.left.toFixed(0)}..${r.right.toFixed(0)} x ${r.top.toFixed(0)}..${r.bottom.toFixed(0)}, ${c.name} ${c.left.toFixed(0)}..${c.right.toFixed(0)} x ${c.top.toFixed(0)}..${c.bottom.toFixed(0)}`);
          });
          for (const t of texts) {
            const m = t.getScreenCTM();
            const size = parseFloat(getComputedStyle(t).fontSize) * Math.sqrt(m.a * m.a + m.b * m.b);
            if (size < 11.95) problems.push(`"${t.textContent.trim()}" drawn at ${size.toFixed(1)}px`);
          }
          for (let i = 0; i < rects.length; i++)
            for (let j = i + 1; j < rects.length; j++) {
              const a = rects[i].r, b = rects[j].r;
              const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (w > 2 && h > 2) problems.push(`"${rects[i].t}" and "${rects[j].t}" overprint (${w.toFixed(0)}x${h.toFixed(0)}px)`);
            }
          return { count: texts.length, problems };
        }
        """;

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task No_page_scrolls_sideways_and_no_text_is_clipped_overprinted_or_below_12px(int width)
    {
        var failures = new List<string>();
        var page = await f.NewPage(width);
        var svgPage = await page.Context.NewPageAsync();
        foreach (var (path, name) in Pages)
        {
            var response = await page.GotoAsync(f.BaseUrl + path);
            Assert.Equal(200, response!.Status);
            await Check(page, path, name, width, failures, svgPage);
        }
        // the console with a wide result: the table scrolls inside its box, the page does not
        await page.GotoAsync(f.BaseUrl + "/sql");
        await page.Locator("#q").FillAsync("SELECT * FROM metrics.indicator_values LIMIT 20");
        await page.Locator("form.sql-form button:text-is(\"Chạy\")").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(await page.Locator("table.data").CountAsync() > 0, "the console showed no result table");
        await Check(page, "/sql (kết quả)", "sql-ket-qua", width, failures, svgPage);
        await page.Context.CloseAsync();
        Assert.True(failures.Count == 0, $"at {width}px:\n" + string.Join("\n", failures));
    }

    private static async Task Check(IPage page, string path, string name, int width, List<string> failures, IPage svgPage)
    {
        Assert.NotEmpty(await page.Locator("h1").InnerTextAsync());
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scroll, inner) = (widths[0], widths[1]);
        if (scroll > inner) failures.Add($"{path}: the page is {scroll}px wide in a {inner}px window (scrolls sideways)");
        foreach (var small in await page.EvaluateAsync<string[]>(SmallTextScript))
            failures.Add($"{path}: text below 12 px: {small}");

        var charts = page.Locator("figure.chart img");
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            var img = charts.Nth(i);
            await img.ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("e => e.complete && e.naturalWidth > 0", await img.ElementHandleAsync());
            var src = await img.EvaluateAsync<string>("e => e.currentSrc");
            var shown = await img.EvaluateAsync<double[]>("e => { const r = e.getBoundingClientRect(); return [r.width, r.height, r.right, document.documentElement.clientWidth]; }");
            if (shown[2] > shown[3] + 0.5) failures.Add($"{path}: chart {i} reaches {shown[2]:F0}px, past the {shown[3]:F0}px window");
            var svg = await (await page.APIRequest.GetAsync(src)).TextAsync();
            var result = await svgPage.EvaluateAsync<JsonElement>(ChartTextScript, new object[] { svg, shown[0], shown[1] });
            if (result.GetProperty("count").GetInt32() == 0) failures.Add($"{path}: chart {i} has no text ({src})");
            foreach (var p in result.GetProperty("problems").EnumerateArray())
                failures.Add($"{path}: chart {i} ({new Uri(src).AbsolutePath}): {p.GetString()}");
        }
        await Shoot(page, name, width);
    }

    /// <summary>The whole page, and the page in screen-high pieces (to look at without shrinking).</summary>
    private static async Task Shoot(IPage page, string name, int width)
    {
        var dir = SamplesDashboardFixture.Screenshots;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, $"{name}-{width}.png"), FullPage = true });
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        for (int y = 0, k = 0; y < height && k < 8; y += 1100, k++)
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(dir, "pieces", $"{name}-{width}-{k}.png"),
                FullPage = true,
                Clip = new Clip { X = 0, Y = y, Width = width, Height = Math.Min(1100, height - y) },
            });
    }
}
