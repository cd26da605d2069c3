using System.Net;
using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Web;

/// <summary>
/// Where the server may listen: loopback always; anything else only with access tokens. URLs are
/// read the way Kestrel reads them (<see cref="BindingAddress"/>), not as System.Uri does: for
/// "http://user@127.0.0.1:5199" Uri sees host 127.0.0.1, Kestrel sees host "user@127.0.0.1", which
/// is no address, so it listens on every interface. A URL with '@' is refused outright, and after
/// start the addresses actually bound are checked again (<see cref="EnsureBound"/>).
/// </summary>
public static class Binding
{
    public static IReadOnlyList<string> Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsLoopback(string url)
    {
        if (url.Contains('@', StringComparison.Ordinal)) return false;
        BindingAddress address;
        try { address = BindingAddress.Parse(url); }
        catch (FormatException) { return false; }
        if (address.Scheme is not ("http" or "https") || address.IsUnixPipe) return false;
        return IsLoopbackHost(address.Host);
    }

    /// <summary>Throws when asked to listen beyond loopback without tokens configured, or at a URL with user info.</summary>
    public static void EnsureAllowed(string urls, bool tokensConfigured)
    {
        foreach (var url in Split(urls))
        {
            if (url.Contains('@', StringComparison.Ordinal))
                throw new InvalidOperationException(
                    $"Từ chối lắng nghe tại {url}: địa chỉ có phần người dùng ('@'), Kestrel sẽ hiểu là mọi giao diện mạng / " +
                    $"refusing to listen on {url}: a URL with user info ('@') makes Kestrel listen on every interface");
            try { BindingAddress.Parse(url); }
            catch (FormatException) { throw new ArgumentException($"Địa chỉ không hợp lệ / invalid URL: {url}"); }
            if (!IsLoopback(url) && !tokensConfigured)
                throw new InvalidOperationException(
                    $"Từ chối lắng nghe tại {url}: ngoài máy này (loopback) cần cấu hình mã truy cập (--tokens FILE) / " +
                    $"refusing to listen on {url}: beyond loopback the dashboard needs access tokens (--tokens FILE)");
        }
    }

    /// <summary>After start: throws when, without tokens, any address actually bound is not loopback.</summary>
    public static void EnsureBound(IEnumerable<string> boundAddresses, bool tokensConfigured)
    {
        if (tokensConfigured) return;
        foreach (var bound in boundAddresses)
            if (!IsLoopback(bound))
                throw new InvalidOperationException(
                    $"Từ chối phục vụ: máy chủ đang lắng nghe tại {bound}, ngoài loopback, mà không có mã truy cập (--tokens FILE) / " +
                    $"refusing to serve: the server listens on {bound}, beyond loopback, without access tokens (--tokens FILE)");
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
