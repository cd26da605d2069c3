using Microsoft.AspNetCore.Builder;

namespace Analytics.Dashboard.Tests.Web;

/// <summary>The real app on a free loopback port, with an HttpClient that does not follow redirects.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    public WebApplication App { get; }
    public HttpClient Http { get; }
    public string BaseUrl { get; }

    private RunningServer(WebApplication app, string baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(baseUrl) };
    }

    public static async Task<RunningServer> Start(DashboardOptions options)
    {
        var app = DashboardApp.Build(options with { Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        return new RunningServer(app, DashboardApp.ListeningAddress(app));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
