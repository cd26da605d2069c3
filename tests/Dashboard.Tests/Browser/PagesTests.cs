using Microsoft.Playwright;

namespace Analytics.Dashboard.Tests.Browser;

/// <summary>Every page in Chromium over the acceptance warehouse: the expected numbers, drill-down by click, filters, downloads.</summary>
public sealed class PagesTests(DashboardFixture f) : IClassFixture<DashboardFixture>
{
    private static readonly (string Path, string Name)[] AllPages =
    [
        ("/", "tong-quan"), ("/tasks", "nhiem-vu"), ("/staffing", "doi-ngu"), ("/indices", "cai-cach"),
        ("/revenue", "thu-ngan-sach"), ("/upload", "tai-len"), ("/sql", "sql"),
    ];

    [Fact]
    public async Task Every_page_renders_in_vietnamese_at_desktop_and_phone_width_with_screenshots()
    {
        foreach (var (width, height, label) in new[] { (1366, 900, "desktop"), (390, 844, "phone") })
        {
            var page = await f.NewPage(width, height);
            foreach (var (path, name) in AllPages)
            {
                var response = await page.GotoAsync(f.BaseUrl + path);
                Assert.Equal(200, response!.Status);
                Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
                Assert.NotEmpty(await page.Locator("h1").InnerTextAsync());
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.Screenshots, $"{name}-{label}.png"), FullPage = true });
            }
            await page.Context.CloseAsync();
        }
        Assert.Empty(f.ConsoleErrors);
    }

    [Fact]
    public async Task The_overview_shows_the_hand_computed_task_figures_of_the_acceptance_province()
    {
        var page = await f.NewPage();
        await page.GotoAsync(f.BaseUrl + "/");
        // defaults: the top unit (98, Tỉnh Mẫu) and the latest month end in the data
        Assert.Contains("Tỉnh Mẫu", await page.Locator("h1").InnerTextAsync());
        var onTime = page.Locator("article.tile[data-indicator='tasks.on_time_rate']");
        Assert.Contains("50,0%", await onTime.Locator(".value").InnerTextAsync());
        Assert.Contains("chua_dat", await onTime.GetAttributeAsync("class") ?? "");
        Assert.Contains("Chưa đạt", await onTime.InnerTextAsync());
        Assert.Contains("1", await page.Locator("article.tile[data-indicator='tasks.overdue'] .value").InnerTextAsync());
        await page.Context.CloseAsync();
    }
}
