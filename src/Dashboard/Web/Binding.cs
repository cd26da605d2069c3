using System.Net;

namespace Analytics.Dashboard.Web;

/// <summary>Where the server may listen: loopback always; anything else only with access tokens.</summary>
public static class Binding
{
    public static IReadOnlyList<string> Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var u)) return false;
        if (u.Scheme is not ("http" or "https")) return false;
        var host = u.Host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>Throws when asked to listen beyond loopback without tokens configured.</summary>
    public static void EnsureAllowed(string urls, bool tokensConfigured)
    {
        foreach (var url in Split(urls))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out _))
                throw new ArgumentException($"Địa chỉ không hợp lệ / invalid URL: {url}");
            if (!IsLoopback(url) && !tokensConfigured)
                throw new InvalidOperationException(
                    $"Từ chối lắng nghe tại {url}: ngoài máy này (loopback) cần cấu hình mã truy cập (--tokens FILE) / " +
                    $"refusing to listen on {url}: beyond loopback the dashboard needs access tokens (--tokens FILE)");
        }
    }

    /// <summary>Host headers accepted when serving loopback without tokens (stops DNS-rebinding pages reaching the app).</summary>
    public static bool IsLoopbackHost(string host)
    {
        var name = host;
        if (name.StartsWith('['))
            name = name[1..name.IndexOf(']', StringComparison.Ordinal)];
        else if (name.Count(c => c == ':') == 1)
            name = name[..name.IndexOf(':', StringComparison.Ordinal)];
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(name, out var ip) && IPAddress.IsLoopback(ip));
    }
}
