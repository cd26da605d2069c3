using SkiaSharp;

namespace Analytics.Reports.Fonts;

/// <summary>
/// Finds the serif the Party format asks for: Times New Roman where installed, else a
/// metric-compatible serif (Liberation Serif 2.x, Tinos), else DejaVu Serif. A candidate counts
/// only if all four faces carry the whole Vietnamese alphabet: Debian's old fonts-liberation 1.x
/// ships a "Liberation Serif" without Vietnamese letters, and fontconfig may hand it out first,
/// so files are checked one by one rather than trusting a family-name lookup.
/// </summary>
public static class FontResolver
{
    public static readonly IReadOnlyList<string> PreferredFamilies = ["Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif"];

    /// <summary>Every Vietnamese letter with every tone mark, upper and lower case.</summary>
    public const string VietnameseAlphabet =
        "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ" +
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";

    private static readonly Lazy<FontSet> Default = new(() =>
    {
        var whole = Resolve(FontDirectories());
        return FontSubset.Of(whole) ?? whole;
    });

    /// <summary>The resolved family for this machine (cached), cut to the characters Vietnamese documents
    /// use (<see cref="FontSubset"/>; the whole faces in <see cref="FontSet.Whole"/>). Throws with install advice when none fits.</summary>
    public static FontSet Resolve() => Default.Value;

    public static FontSet Resolve(IEnumerable<string> directories)
    {
        var faces = new List<(string Path, string Family, bool Bold, bool Italic, int Missing)>();
        foreach (var dir in directories.Where(Directory.Exists))
        {
            IEnumerable<string> files;
            try { files = Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories).ToList(); }
            catch (UnauthorizedAccessException) { continue; }
            foreach (var file in files)
            {
                var ext = Path.GetExtension(file).ToLowerInvariant();
                if (ext is not (".ttf" or ".otf")) continue;
                var name = Path.GetFileNameWithoutExtension(file).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
                // Open only files whose name can belong to a candidate family: scanning every font is slow.
                if (!PreferredFamilies.Any(f => name.StartsWith(FileStem(f), StringComparison.Ordinal))) continue;
                using var tf = SKTypeface.FromFile(file);
                if (tf is null) continue;
                var missing = VietnameseAlphabet.Count(c => tf.GetGlyph(c) == 0);
                faces.Add((file, tf.FamilyName, tf.FontWeight >= 600, tf.FontSlant != SKFontStyleSlant.Upright, missing));
            }
        }

        var rejected = new List<string>();
        foreach (var family in PreferredFamilies)
        {
            var ofFamily = faces.Where(f => string.Equals(f.Family, family, StringComparison.OrdinalIgnoreCase)).ToList();
            if (ofFamily.Count == 0) continue;
            string? Pick(bool bold, bool italic) => ofFamily
                .Where(f => f.Bold == bold && f.Italic == italic && f.Missing == 0)
                .OrderBy(f => f.Path.Contains("Condensed", StringComparison.OrdinalIgnoreCase))
                .ThenBy(f => f.Path, StringComparer.Ordinal)
                .Select(f => f.Path).FirstOrDefault();
            var paths = new[] { Pick(false, false), Pick(true, false), Pick(false, true), Pick(true, true) };
            if (paths.Any(p => p is null))
            {
                rejected.Add($"{family} ({string.Join(", ", ofFamily.Select(f => $"{f.Path}: thiếu/missing {f.Missing}"))})");
                continue;
            }
            return FromFiles(family, paths!);
        }
        throw new InvalidOperationException(
            "Không tìm thấy phông chữ có đủ chữ tiếng Việt / no serif font with all Vietnamese glyphs found " +
            $"(tried {string.Join(", ", PreferredFamilies)}" + (rejected.Count > 0 ? "; rejected: " + string.Join("; ", rejected) : "") + "). " +
            "Cài / install: `sudo apt-get install fonts-liberation2` (or run scripts/install-deps).");
    }

    public static FontSet FromFiles(string family, IReadOnlyList<string> regularBoldItalicBoldItalic)
    {
        var p = regularBoldItalicBoldItalic;
        SKTypeface Load(string path) => SKTypeface.FromFile(path)
            ?? throw new InvalidOperationException($"Không đọc được phông / cannot read font file {path}");
        return new FontSet(family, Load(p[0]), Load(p[1]), Load(p[2]), Load(p[3]), p.ToArray());
    }

    private static string FileStem(string family) => family switch
    {
        "Times New Roman" => "times",
        _ => family.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant(),
    };

    public static IEnumerable<string> FontDirectories()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        yield return "/usr/share/fonts";
        yield return "/usr/local/share/fonts";
        yield return Path.Combine(home, ".fonts");
        yield return Path.Combine(home, ".local/share/fonts");
        yield return "/Library/Fonts";
        yield return "/System/Library/Fonts";
        yield return Path.Combine(home, "Library/Fonts");
        var windir = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        if (!string.IsNullOrEmpty(windir)) yield return windir;
    }
}
