using Microsoft.Playwright;

namespace Analytics.Dashboard.Tests.Browser;

/// <summary>
/// Every page in Chromium over the acceptance warehouse (province 98, Tỉnh Mẫu): the hand-computed
/// numbers of expected.tsv, drill-down by click, filters changing the numbers, downloads.
/// </summary>
[Trait("speed", "slow")]
public sealed class PagesTests(DashboardFixture f) : IClassFixture<DashboardFixture>
{
    private const string March = "as_of=2026-03-31";

    private static readonly (string Path, string Name)[] AllPages =
    [
        ("/", "tong-quan"), ("/tasks", "nhiem-vu"), ("/staffing", "doi-ngu"), ("/indices", "cai-cach"),
        ("/revenue", "thu-ngan-sach"), ("/upload", "tai-len"), ("/sql", "sql"), ("/sql/dictionary", "tu-dien"),
    ];

    [Fact]
    public async Task Every_page_renders_in_vietnamese_at_desktop_and_phone_width_with_screenshots()
    {
        foreach (var (width, height, label) in new[] { (1366, 900, "desktop"), (390, 844, "phone") })
        {
            var page = await f.NewPage(width, height);
            foreach (var (path, name) in AllPages)
            {
                var response = await page.GotoAsync(f.BaseUrl + path + (path.StartsWith("/sql") || path == "/upload" ? "" : "?" + March));
                Assert.Equal(200, response!.Status);
                Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
                Assert.NotEmpty(await page.Locator("h1").InnerTextAsync());
                // nothing wider than the screen except inside scrollable table regions
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 1, $"{path} at {label} width overflows by {overflow}px");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.Screenshots, $"{name}-{label}.png"), FullPage = true });
            }
            await page.Context.CloseAsync();
        }
        Assert.True(f.ConsoleErrors.Count == 0, string.Join("\n", f.ConsoleErrors)); // CSP violations and broken scripts show up here
    }

    [Fact]
    public async Task The_overview_shows_the_hand_computed_headline_figures()
    {
        var page = await f.NewPage();
        await page.GotoAsync($"{f.BaseUrl}/?{March}");
        Assert.Contains("Tỉnh Mẫu", await page.Locator("h1").InnerTextAsync());
        async Task<string> Tile(string id) => await page.Locator($"article.tile[data-indicator='{id}'] .value").InnerTextAsync();
        Assert.Equal("50,0%", await Tile("tasks.on_time_rate"));
        Assert.Contains("chua_dat", await page.Locator("article.tile[data-indicator='tasks.on_time_rate']").GetAttributeAsync("class") ?? "");
        Assert.Equal("42,9%", await Tile("tasks.completion_rate"));
        Assert.Equal("1", await Tile("tasks.overdue"));
        Assert.StartsWith("3", await Tile("staffing.shortage"));
        Assert.Contains("can_co_gang", await page.Locator("article.tile[data-indicator='staffing.shortage']").GetAttributeAsync("class") ?? "");
        Assert.Equal("92,3%", await Tile("staffing.fill_rate"));
        Assert.StartsWith("48", await Tile("revenue.ytd"));
        Assert.Equal("24,0%", await Tile("revenue.pct_of_annual_target"));
        Assert.Equal("6,9%", await Tile("grdp.growth"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Defaults_are_the_top_unit_and_the_latest_month_end()
    {
        var page = await f.NewPage();
        await page.GotoAsync(f.BaseUrl + "/tasks");
        Assert.Equal("98", await page.Locator("#f-unit").InputValueAsync());
        Assert.Equal("2026-04-30", await page.Locator("#f-asof").InputValueAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>The first value cell of the row whose header is <paramref name="label"/>.</summary>
    private static async Task<string> Value(IPage page, string table, string label) =>
        (await page.Locator($"table#{table} tr", new() { Has = page.Locator($"th:text-is('{label}')") }).Locator("td").First.InnerTextAsync()).Trim();

    [Fact]
    public async Task Area_pages_show_the_hand_computed_figures()
    {
        var page = await f.NewPage();
        await page.GotoAsync($"{f.BaseUrl}/tasks?{March}");
        Assert.Equal("7", await Value(page, "chi-tieu", "Tổng số nhiệm vụ"));
        Assert.Equal("50,0%", await Value(page, "chi-tieu", "Tỷ lệ hoàn thành đúng hạn"));
        Assert.Equal("14,3%", await Value(page, "chi-tieu", "Tỷ lệ quá hạn"));
        Assert.Equal("16,0", await Value(page, "chi-tieu", "Số ngày quá hạn bình quân"));
        Assert.Contains("Phường Bắc", await page.Locator("table#don-vi-cham").InnerTextAsync());
        Assert.Contains("E3", await page.Locator("table#nhiem-vu-qua-han").InnerTextAsync());
        Assert.True(await page.Locator("figure.chart img").CountAsync() >= 1);

        await page.GotoAsync($"{f.BaseUrl}/staffing?{March}");
        Assert.Equal("92,3%", await Value(page, "chi-tieu", "Tỷ lệ có mặt / biên chế"));
        Assert.Equal("25,0%", await Value(page, "chi-tieu", "Tỷ lệ từ cấp huyện (cũ)"));
        // quota 5, actual 4, net -1, shortage 2, surplus 1 (per cell: a surplus elsewhere does not fill it)
        Assert.StartsWith("Đất đai\t5\t4\t-1\t2\t1\t", await page.Locator("table#theo-specialty tr", new() { Has = page.Locator("th:text-is('Đất đai')") }).InnerTextAsync());

        await page.GotoAsync($"{f.BaseUrl}/indices?{March}");
        Assert.Equal("89,50", await Value(page, "chi-tieu", "PAR INDEX: Điểm")); // two decimals, as the CLI and the briefing show a score
        Assert.Equal("+1", await Value(page, "chi-tieu", "PAR INDEX: Thay đổi thứ hạng"));   // moved up one place, shown with its sign

        await page.GotoAsync($"{f.BaseUrl}/revenue?{March}");
        var revenue = await page.Locator("table#chi-tieu").InnerTextAsync();
        Assert.Contains("106,7%", revenue);
        Assert.Contains("75,0%", revenue);
        Assert.Contains("6,9%", revenue);
        // every chart image on the page is a real SVG from the briefing's chart catalogue
        foreach (var src in await page.Locator("figure.chart img").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('src'))"))
        {
            var r = await page.APIRequest.GetAsync(f.BaseUrl + src);
            Assert.Equal(200, r.Status);
            Assert.Contains("<svg", await r.TextAsync());
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Clicking_a_commune_drills_down_and_the_date_filter_changes_the_numbers()
    {
        var page = await f.NewPage();
        await page.GotoAsync($"{f.BaseUrl}/?{March}");
        await page.Locator("table#don-vi-truc-thuoc a", new() { HasText = "Xã Nam" }).ClickAsync();
        await page.WaitForURLAsync("**unit=09802**");
        Assert.Contains("Xã Nam", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Tỉnh Mẫu", await page.Locator(".crumbs").InnerTextAsync());

        await page.Locator("nav a", new() { HasText = "Nhiệm vụ" }).ClickAsync();
        await page.WaitForURLAsync("**/tasks?unit=09802**");
        Assert.Equal("2", await Value(page, "chi-tieu", "Đang thực hiện, trong hạn"));
        Assert.Equal("0", await Value(page, "chi-tieu", "Hoàn thành quá hạn")); // nothing completed late yet at 31/03

        // the date filter: choosing 30/04/2026 submits and the numbers move
        await page.Locator("#f-asof").SelectOptionAsync("2026-04-30");
        await page.WaitForURLAsync("**as_of=2026-04-30**");
        Assert.Equal("1", await Value(page, "chi-tieu", "Hoàn thành quá hạn"));
        Assert.Equal("1", await Value(page, "chi-tieu", "Đang thực hiện, trong hạn"));

        // and the unit filter goes back up to the province
        await page.Locator("#f-unit").SelectOptionAsync("98");
        await page.WaitForURLAsync("**unit=98&**");
        Assert.Contains("Tỉnh Mẫu", await page.Locator(".crumbs").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Tables_download_as_csv_and_the_view_as_a_pdf_briefing()
    {
        var page = await f.NewPage();
        await page.GotoAsync($"{f.BaseUrl}/tasks?{March}");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("section:has(table#chi-tieu) a", new() { HasText = "Tải CSV" }).ClickAsync());
        var csvPath = Path.Combine(f.Warehouse.Directory, "chi-tieu.csv");
        await download.SaveAsAsync(csvPath);
        var csv = await File.ReadAllTextAsync(csvPath);
        // ';'-separated for Vietnamese Excel; the indicator's id beside its name, the value as shown beside the unrounded one
        Assert.Contains("Tổng số nhiệm vụ;tasks.total;7;7;", csv);
        Assert.Contains("Tỷ lệ hoàn thành đúng hạn;tasks.on_time_rate;50,0%;50;", csv);
        Assert.Contains("Tỷ lệ hoàn thành;tasks.completion_rate;42,9%;42,857142", csv); // unrounded in its own column

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.Locator("a", new() { HasText = "Tải báo cáo PDF" }).ClickAsync());
        var pdfPath = Path.Combine(f.Warehouse.Directory, "briefing.pdf");
        await pdf.SaveAsAsync(pdfPath);
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdfPath);
        Assert.True(doc.NumberOfPages >= 1);
        var text = string.Join(" ", doc.GetPages().Select(p => p.Text));
        Assert.Contains("BÁO CÁO", text);
        await page.Context.CloseAsync();
    }
}
