using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Web;

/// <summary>
/// The app's own CSS, JS and icons, embedded in the assembly. Served by exact name from a fixed
/// table: a request path is never joined to a file-system path, so "../" leads nowhere.
/// </summary>
public static class StaticAssets
{
    private static readonly Dictionary<string, (byte[] Bytes, string ContentType)> Files = Load();

    private static Dictionary<string, (byte[], string)> Load()
    {
        var asm = typeof(StaticAssets).Assembly;
        var result = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)))
        {
            using var s = asm.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            var file = name["wwwroot/".Length..];
            result[file] = (ms.ToArray(), ContentType(file));
        }
        return result;
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };

    public static IReadOnlyCollection<string> Names => Files.Keys;

    public static IResult Serve(string name, HttpContext context)
    {
        if (!Files.TryGetValue(name, out var f)) return Results.NotFound();
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(f.Bytes, f.ContentType);
    }
}
