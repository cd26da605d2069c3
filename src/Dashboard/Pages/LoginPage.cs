using Analytics.Dashboard.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Pages;

/// <summary>Presenting an access token once; the browser then carries it in an HttpOnly cookie.</summary>
public static class LoginPage
{
    public const string Path = "/dang-nhap";

    public static void Map(WebApplication app, AccessTokens tokens)
    {
        app.MapGet(Path, () => DashboardApp.HtmlPage(Render(null)));
        app.MapPost(Path, async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync();
            var token = form["token"].ToString();
            if (!tokens.Configured) return Results.Redirect("/");
            var client = c.Connection.RemoteIpAddress;
            if (tokens.Throttled(client))
            {
                c.Response.Headers.RetryAfter = "60";
                return AccessTokens.TooManyWrong();
            }
            if (tokens.Find(token) is null)
            {
                tokens.Wrong(client);
                return DashboardApp.HtmlPage(Render("Mã truy cập không đúng / invalid token"), StatusCodes.Status401Unauthorized);
            }
            c.Response.Cookies.Append(AccessTokens.CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = c.Request.IsHttps,
                Path = "/",
                MaxAge = TimeSpan.FromHours(12),
            });
            return Results.Redirect("/");
        });
    }

    public static string Render(string? error)
    {
        var body = $"""
            <form method="post" action="{Path}" class="card narrow">
            <p>Nhập mã truy cập do quản trị viên cấp. / Enter the access token your administrator gave you.</p>
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>")}
            <label for="token">Mã truy cập</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required>
            <button type="submit">Đăng nhập</button>
            </form>
            """;
        return Layout.Page(new ViewState(Path, null, null), "Đăng nhập", body);
    }
}
