using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Analytics.Dashboard.Tests.Browser;

/// <summary>
/// The real dashboard on a free loopback port over a loaded test warehouse, and Debian's Chromium
/// driven by Playwright (never a downloaded browser). Shared by the browser tests of a class.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public LoadedWarehouse Warehouse { get; } = new();
    public WebApplication App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(LoadedWarehouse.RepoRoot, "tests", "Dashboard.Tests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        App = DashboardApp.Build(new DashboardOptions(Warehouse.DbPath)
        {
            Urls = "http://127.0.0.1:0",
            SnapshotCheckInterval = TimeSpan.FromMilliseconds(100),
        });
        await App.StartAsync();
        BaseUrl = DashboardApp.ListeningAddress(App).Replace("[::1]", "127.0.0.1");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await DebianChromium.LaunchAsync(Playwright);
        Directory.CreateDirectory(Screenshots);
    }

    public async Task<IPage> NewPage(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "vi-VN",
        });
        // Generous: six engineers share two cores here; a cold view computes every indicator.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        // Any console error (a CSP violation included) fails the page checks.
        page.Console += (_, msg) => { if (msg.Type == "error") ConsoleErrors.Add($"{page.Url}: {msg.Text}"); };
        return page;
    }

    public List<string> ConsoleErrors { get; } = [];

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Warehouse.Dispose();
    }
}
