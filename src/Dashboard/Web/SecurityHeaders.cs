using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Web;

/// <summary>
/// Headers on every response: a CSP allowing only the app's own scripts, styles and images (no
/// inline script), no MIME sniffing, no framing, no referrer leaks. POSTs must come from the app's
/// own pages (Origin check), so another site open in the same browser cannot upload or query.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static async Task Apply(HttpContext context, Func<Task> next)
    {
        Set(context.Response);

        if (HttpMethods.IsPost(context.Request.Method) && !SameOrigin(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Yêu cầu không đến từ trang của ứng dụng / cross-site request refused");
            return;
        }
        await next();
    }

    /// <summary>Sets every header; called again by the error handler, whose Response.Clear() drops them.</summary>
    public static void Set(HttpResponse response)
    {
        var h = response.Headers;
        h["Content-Security-Policy"] = ContentSecurityPolicy;
        h["X-Content-Type-Options"] = "nosniff";
        h["X-Frame-Options"] = "DENY";
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts, defeating the Origin check.
        h["Referrer-Policy"] = "same-origin";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        h["Cross-Origin-Resource-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        h["Cache-Control"] = "no-store";
    }

    /// <summary>A POST is accepted when its Origin (or, lacking it, Referer) is this server.</summary>
    internal static bool SameOrigin(HttpRequest request)
    {
        var self = $"{request.Scheme}://{request.Host}";
        var origin = request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin)) return string.Equals(origin, self, StringComparison.OrdinalIgnoreCase);
        var referer = request.Headers.Referer.ToString();
        if (!string.IsNullOrEmpty(referer))
            return Uri.TryCreate(referer, UriKind.Absolute, out var r) && string.Equals($"{r.Scheme}://{r.Authority}", self, StringComparison.OrdinalIgnoreCase);
        // Neither header: not a browser form post (curl, scripts); token checks still apply.
        return true;
    }
}
