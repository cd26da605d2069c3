using System.Net;
using Analytics.Dashboard.Pages;
using Analytics.Dashboard.Snapshots;
using Analytics.Dashboard.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Dashboard;

/// <summary>The KPI dashboard: an ASP.NET Core app serving server-rendered Vietnamese pages from a warehouse snapshot.</summary>
public static class DashboardApp
{
    public static WebApplication Build(DashboardOptions options)
    {
        var tokens = options.TokensFile is null ? AccessTokens.None : AccessTokens.Load(options.TokensFile);
        Binding.EnsureAllowed(options.Urls, tokens.Configured);
        var cache = new Pages.MetricsCache();
        var store = new SnapshotStore(options.DbPath, options.SqlLimits, options.SnapshotCheckInterval, cache.Prepare);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Binding.Split(options.Urls).ToArray());
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxUploadBytesTotal + 1024 * 1024;
            k.Limits.MaxRequestLineSize = 64 * 1024;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = options.MaxUploadBytesTotal;
            f.ValueLengthLimit = 256 * 1024;
            f.ValueCountLimit = 64;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(tokens);
        builder.Services.AddSingleton(cache);

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(store.Dispose);

        app.Use(async (context, next) =>
        {
            try
            {
                await SecurityHeaders.Apply(context, () => Guard(context, tokens, next));
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                app.Logger.LogError(e, "request {Path} failed", context.Request.Path);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Lỗi máy chủ / server error");
            }
        });

        app.MapGet("/static/{name}", (string name, HttpContext c) => StaticAssets.Serve(name, c));
        app.MapGet("/healthz", (SnapshotStore s) => Results.Text($"ok snapshot {s.CurrentNumber}"));
        LoginPage.Map(app, tokens);
        AreaPages.Map(app);
        SqlPage.Map(app);
        UploadPage.Map(app);
        DictionaryPage.Map(app);
        return app;
    }

    /// <summary>Builds, starts, reports the listening addresses, and blocks until Ctrl+C.</summary>
    public static void Run(DashboardOptions options, Action<IReadOnlyCollection<string>> started)
    {
        var app = Build(options);
        app.Start();
        started(app.Urls.ToList());
        app.WaitForShutdown();
    }

    /// <summary>Host check for loopback serving, then identifies the caller (401 without a valid token).</summary>
    private static async Task Guard(HttpContext context, AccessTokens tokens, Func<Task> next)
    {
        if (!tokens.Configured && !Binding.IsLoopbackHost(context.Request.Host.Value ?? ""))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Host không hợp lệ / bad host");
            return;
        }
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/static/", StringComparison.Ordinal) || path == LoginPage.Path || path == "/healthz")
        {
            await next();
            return;
        }
        var caller = tokens.Identify(context.Request);
        if (caller is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(LoginPage.Render(null));
            }
            else
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Cần mã truy cập / access token required");
            }
            return;
        }
        context.Items[typeof(Caller)] = caller;
        await next();
    }

    public static Caller CallerOf(HttpContext context) => (Caller)context.Items[typeof(Caller)]!;

    /// <summary>403 with no data in the body.</summary>
    public static IResult Forbidden(string what) =>
        Results.Text($"Không có quyền / forbidden: {what}", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);

    /// <summary>The address the server actually listens on (useful with port 0).</summary>
    public static string ListeningAddress(WebApplication app) =>
        app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();

    internal static IResult HtmlPage(string html, int status = 200) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
