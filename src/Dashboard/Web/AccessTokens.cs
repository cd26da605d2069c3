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
/// <c>ROLE TOKEN [UNIT_CODE]</c> (roles viewer, analyst, loader, admin; '#' starts a comment).
/// Only SHA-256 hashes are kept in memory and compared in fixed time. A browser presents its
/// token once on /dang-nhap (POST) and then carries an HttpOnly, SameSite=Strict cookie; scripts
/// send <c>Authorization: Bearer TOKEN</c>.
/// </summary>
public sealed class AccessTokens
{
    public const string CookieName = "analytics_token";
    private readonly List<(byte[] Hash, Caller Caller)> _tokens = [];

    public bool Configured => _tokens.Count > 0;

    public static AccessTokens None { get; } = new();

    public static AccessTokens Load(string path)
    {
        var tokens = new AccessTokens();
        var n = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            n++;
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is < 2 or > 3 || !Enum.TryParse<Role>(parts[0], ignoreCase: true, out var role) || !Enum.IsDefined(role))
                throw new FormatException($"{path}, dòng/line {n}: cần 'ROLE TOKEN [UNIT]' với ROLE là viewer, analyst, loader hoặc admin / expected 'ROLE TOKEN [UNIT]'");
            if (parts[1].Length < 16)
                throw new FormatException($"{path}, dòng/line {n}: mã truy cập quá ngắn (tối thiểu 16 ký tự) / token too short (16 characters at least)");
            tokens._tokens.Add((Hash(parts[1]), new Caller(role, parts.Length == 3 ? parts[2] : null)));
        }
        if (tokens._tokens.Count == 0)
            throw new FormatException($"{path}: không có mã truy cập nào / no tokens in the file");
        return tokens;
    }

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
