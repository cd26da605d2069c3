using System.Net;
using Analytics.Dashboard.Pages;
using Analytics.Dashboard.Snapshots;
using Analytics.Dashboard.Sql;
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
            f.ValueLengthLimit = SqlPage.MaxQueryChars;
            // every file of a multipart form counts as a value: room for the file limit and a few fields
            f.ValueCountLimit = options.MaxUploadFiles + 16;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(tokens);
        builder.Services.AddSingleton(cache);
        builder.Services.AddSingleton(new SqlConsoleQueue(options.MaxConcurrentQueries));
        builder.Services.AddSingleton<UploadStaging>(); // disposed (folder removed) with the app

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
                SecurityHeaders.Set(context.Response); // Clear() dropped them
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"Lỗi máy chủ: {e.GetType().Name}; chi tiết trong nhật ký máy chủ, mã yêu cầu {context.TraceIdentifier} / server error: {e.GetType().Name}; details in the server log, request id {context.TraceIdentifier}");
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
        StartChecked(app).GetAwaiter().GetResult();
        started(ListeningAddresses(app));
        app.WaitForShutdown();
    }

    /// <summary>
    /// Starts, then checks the addresses Kestrel actually bound (not only the URLs asked for): without
    /// tokens each must be loopback, or the server stops again and refuses.
    /// </summary>
    public static async Task StartChecked(WebApplication app)
    {
        await app.StartAsync();
        try
        {
            Binding.EnsureBound(ListeningAddresses(app), app.Services.GetRequiredService<AccessTokens>().Configured);
        }
        catch (InvalidOperationException)
        {
            await app.StopAsync();
            throw;
        }
    }

    /// <summary>Every address the server listens on, as Kestrel reports them after start.</summary>
    public static IReadOnlyList<string> ListeningAddresses(WebApplication app) =>
        app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.ToList();

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
        var client = context.Connection.RemoteIpAddress;
        if (tokens.Configured && tokens.Throttled(client) && AccessTokens.Presents(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "60";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Quá nhiều mã truy cập sai từ địa chỉ này, hãy thử lại sau một phút / too many wrong tokens from this address; try again in a minute");
            return;
        }
        var caller = tokens.Identify(context.Request);
        if (caller is null)
        {
            if (AccessTokens.Presents(context.Request)) tokens.Wrong(client);
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
