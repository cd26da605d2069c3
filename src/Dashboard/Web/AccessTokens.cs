using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Web;

/// <summary>What a caller may do. Each role includes the ones before it, except that a unit-scoped token never reaches the SQL console.</summary>
public enum Role { Viewer = 1, Analyst = 2, Loader = 3, Admin = 4 }

/// <summary>Who is calling: a role and, optionally, the unit subtree the token is limited to.</summary>
public sealed record Caller(Role Role, string? UnitScope)
{
    public static readonly Caller LocalAdmin = new(Role.Admin, null);

    public bool CanQuery => Role is Role.Analyst or Role.Admin && UnitScope is null;
    public bool CanExport => Role is Role.Analyst or Role.Admin;
    public bool CanUpload => Role is Role.Loader or Role.Admin;
}

/// <summary>
/// Access tokens configured by the administrator in a file, one per line:
/// <c>ROLE TOKEN [UNIT_CODE]</c> (roles viewer, analyst, loader, admin; '#' at the start of a line or
/// after a space starts a comment; a '#' inside a token is refused, since it would silently cut the
/// token short). A token must carry at least 128 bits of estimated entropy (<see cref="EstimatedBits"/>).
/// Only SHA-256 hashes are kept in memory and compared in fixed time. Wrong tokens are limited per
/// client address: after <see cref="MaxWrongPerMinute"/> in a minute every token from it is answered 429. A browser presents its
/// token once on /dang-nhap (POST) and then carries an HttpOnly, SameSite=Strict cookie; scripts
/// send <c>Authorization: Bearer TOKEN</c>.
/// </summary>
public sealed class AccessTokens
{
    public const string CookieName = "analytics_token";
    public const int MinimumBits = 128;
    public const int MaxWrongPerMinute = 10;
    private readonly List<(byte[] Hash, Caller Caller)> _tokens = [];
    private readonly ConcurrentDictionary<IPAddress, (long WindowStart, int Count)> _wrong = new();

    public bool Configured => _tokens.Count > 0;

    public static AccessTokens None { get; } = new();

    public static AccessTokens Load(string path)
    {
        var tokens = new AccessTokens();
        var n = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            n++;
            var line = System.Text.RegularExpressions.Regex.Replace(raw, @"(^|\s)#.*$", "").Trim();
            if (line.Length == 0) continue;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is < 2 or > 3 || !Enum.TryParse<Role>(parts[0], ignoreCase: true, out var role) || !Enum.IsDefined(role))
                throw new FormatException($"{path}, dòng/line {n}: cần 'ROLE TOKEN [UNIT]' với ROLE là viewer, analyst, loader hoặc admin / expected 'ROLE TOKEN [UNIT]'");
            if (parts[1].Contains('#', StringComparison.Ordinal))
                throw new FormatException($"{path}, dòng/line {n}: mã truy cập chứa '#', ký tự mở đầu ghi chú; hãy tạo mã khác (vd. openssl rand -hex 32) / the token contains '#', which starts a comment; make another (e.g. openssl rand -hex 32)");
            if (EstimatedBits(parts[1]) is var bits && bits < MinimumBits)
                throw new FormatException($"{path}, dòng/line {n}: mã truy cập quá yếu, ước tính {bits:0} bit, cần ít nhất {MinimumBits} bit (dài hơn, ngẫu nhiên, vd. openssl rand -hex 32) / " +
                    $"token too weak: about {bits:0} bits of entropy, at least {MinimumBits} needed (longer and random, e.g. openssl rand -hex 32)");
            tokens._tokens.Add((Hash(parts[1]), new Caller(role, parts.Length == 3 ? parts[2] : null)));
        }
        if (tokens._tokens.Count == 0)
            throw new FormatException($"{path}: không có mã truy cập nào / no tokens in the file");
        return tokens;
    }

    /// <summary>
    /// A deliberately rough estimate of a token's entropy in bits: its length times log2 of the size of
    /// the character classes it uses (lower case, upper case, digits, others), and zero when the
    /// characters repeat so much that fewer than 3 bits per character remain (Shannon, over the token's
    /// own characters): "aaaa…" or "abab…" count as nothing, 32 random hex digits as enough.
    /// </summary>
    public static double EstimatedBits(string token)
    {
        if (token.Length == 0) return 0;
        var alphabet = (token.Any(char.IsAsciiLetterLower) ? 26 : 0) + (token.Any(char.IsAsciiLetterUpper) ? 26 : 0)
            + (token.Any(char.IsAsciiDigit) ? 10 : 0) + (token.Any(ch => !char.IsAsciiLetterOrDigit(ch)) ? 33 : 0);
        var shannon = token.GroupBy(ch => ch).Sum(g => { var p = (double)g.Count() / token.Length; return -p * Math.Log2(p); });
        return shannon < 3 ? 0 : token.Length * Math.Log2(alphabet);
    }

    /// <summary>Whether a client address has presented too many wrong tokens in the last minute.</summary>
    public bool Throttled(IPAddress? client) =>
        client is not null && _wrong.TryGetValue(client, out var w)
        && Environment.TickCount64 - w.WindowStart < 60_000 && w.Count >= MaxWrongPerMinute;

    /// <summary>Counts a wrong token from a client address (per one-minute window).</summary>
    public void Wrong(IPAddress? client)
    {
        if (client is null) return;
        var now = Environment.TickCount64;
        _wrong.AddOrUpdate(client, _ => (now, 1), (_, w) => now - w.WindowStart >= 60_000 ? (now, 1) : (w.WindowStart, w.Count + 1));
        if (_wrong.Count > 10_000) // many addresses: forget the ones whose minute has passed
            foreach (var (ip, w) in _wrong)
                if (now - w.WindowStart >= 60_000) _wrong.TryRemove(ip, out _);
    }

    /// <summary>The 429 answer to a throttled client.</summary>
    public static IResult TooManyWrong() => Results.Text(
        $"Quá nhiều mã truy cập sai từ địa chỉ này, hãy thử lại sau một phút / too many wrong tokens from this address; try again in a minute",
        "text/plain; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);

    /// <summary>Whether a request carries a token at all (header or cookie).</summary>
    public static bool Presents(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || request.Cookies.ContainsKey(CookieName);

    /// <summary>The caller a token belongs to, or null.</summary>
    public Caller? Find(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var h = Hash(token);
        Caller? found = null;
        foreach (var (hash, caller) in _tokens)
            if (CryptographicOperations.FixedTimeEquals(hash, h)) found = caller;
        return found;
    }

    /// <summary>The caller of a request: everyone is the local admin when no tokens are configured (loopback only).</summary>
    public Caller? Identify(HttpRequest request)
    {
        if (!Configured) return Caller.LocalAdmin;
        var auth = request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Find(auth[7..].Trim());
        return Find(request.Cookies[CookieName]);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
