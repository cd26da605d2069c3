using Analytics.Etl.Loading;
using Analytics.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Analytics.Dashboard.Tests.Ux;

/// <summary>
/// The dashboard over the hand-made fixture tests/Dashboard.Tests/Fixtures/ux (Hải Phòng with a task
/// register and revenue against a period plan, Hà Nội with no data at all; see its README), and
/// Debian's Chromium driven by Playwright. Everything it reads is inside the repository.
/// </summary>
public sealed class UxFixture : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "analytics-ux-" + Guid.NewGuid().ToString("N")[..12]);
    public string DbPath => Path.Combine(Directory, "warehouse.duckdb");
    public WebApplication App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public HttpClient Http { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public List<string> ConsoleErrors { get; } = [];

    public static string Fixture { get; } = Path.Combine(LoadedWarehouse.RepoRoot, "tests", "Dashboard.Tests", "Fixtures", "ux");

    public static string Screenshots { get; } = Path.Combine(LoadedWarehouse.RepoRoot, "tests", "Dashboard.Tests", "TestResults", "screenshots", "ux");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        using (var c = WarehouseFile.OpenMigrated(DbPath))
        {
            var report = LoadPipeline.Load(c, [Fixture], new LoadOptions());
            if (!report.Ok) throw new InvalidOperationException("the ux fixture did not load: " + report.ToJson());
        }
        App = DashboardApp.Build(new DashboardOptions(DbPath) { Urls = "http://127.0.0.1:0", SnapshotCheckInterval = TimeSpan.FromMilliseconds(100) });
        await App.StartAsync();
        BaseUrl = DashboardApp.ListeningAddress(App).Replace("[::1]", "127.0.0.1");
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(3) };
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Analytics.Dashboard.Tests.Browser.DebianChromium.LaunchAsync(Playwright);
        System.IO.Directory.CreateDirectory(Screenshots);
    }

    public async Task<IPage> NewPage(int width)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            AcceptDownloads = true,
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(120_000); // eight engineers share two cores
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        page.Console += (_, msg) => { if (msg.Type == "error") ConsoleErrors.Add($"{page.Url}: {msg.Text}"); };
        return page;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
