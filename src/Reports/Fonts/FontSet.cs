using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Analytics.Reports.Fonts;

/// <summary>
/// The four faces of the one serif family a document (and its charts) is set in, with the files
/// they came from so ScottPlot can be pointed at exactly the same files.
/// </summary>
public sealed class FontSet
{
    public string Family { get; }
    public SKTypeface Regular { get; }
    public SKTypeface Bold { get; }
    public SKTypeface Italic { get; }
    public SKTypeface BoldItalic { get; }
    /// <summary>Files of Regular, Bold, Italic, BoldItalic (null when the face came from the system by name).</summary>
    public IReadOnlyList<string?> Files { get; }

    /// <summary>The whole faces these were cut from (<see cref="FontSubset"/>), for a document using a
    /// character outside the cut; null when these are whole.</summary>
    public FontSet? Whole { get; init; }
    private readonly Func<int, bool> _hasGlyph;

    /// <param name="hasGlyph">coverage test; defaults to "every face has a glyph for the code point".
    /// Tests pass a narrower one to stand in for a font that lacks Vietnamese letters.</param>
    public FontSet(string family, SKTypeface regular, SKTypeface bold, SKTypeface italic, SKTypeface boldItalic,
        IReadOnlyList<string?>? files = null, Func<int, bool>? hasGlyph = null)
    {
        Family = family;
        Regular = regular;
        Bold = bold;
        Italic = italic;
        BoldItalic = boldItalic;
        Files = files ?? [null, null, null, null];
        _hasGlyph = hasGlyph ?? (cp => regular.GetGlyph(cp) != 0 && bold.GetGlyph(cp) != 0 && italic.GetGlyph(cp) != 0 && boldItalic.GetGlyph(cp) != 0);
    }

    public SKTypeface Face(bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => BoldItalic,
        (true, false) => Bold,
        (false, true) => Italic,
        _ => Regular,
    };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> _coverage = new();

    public bool HasGlyph(int codePoint) => _coverage.GetOrAdd(codePoint, _hasGlyph);

    /// <summary>The distinct characters of <paramref name="text"/> this family cannot draw (whitespace and controls aside).</summary>
    public IEnumerable<int> MissingGlyphs(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune)) continue;
            if (!HasGlyph(rune.Value)) yield return rune.Value;
        }
    }

    /// <summary>Throws <see cref="MissingGlyphsException"/> naming every character in <paramref name="texts"/> the family lacks.</summary>
    public void EnsureCovers(IEnumerable<string> texts)
    {
        var missing = new SortedSet<int>();
        foreach (var t in texts) missing.UnionWith(MissingGlyphs(t));
        if (missing.Count > 0) throw new MissingGlyphsException(Family, missing.ToList());
    }
}

/// <summary>A text would be drawn with boxes: the chosen font lacks some of its characters.</summary>
public sealed class MissingGlyphsException(string family, IReadOnlyList<int> codePoints) : Exception(Describe(family, codePoints))
{
    public string Family { get; } = family;
    public IReadOnlyList<int> CodePoints { get; } = codePoints;

    private static string Describe(string family, IReadOnlyList<int> cps)
    {
        var list = string.Join(", ", cps.Take(200).Select(cp => $"'{char.ConvertFromUtf32(cp)}' (U+{cp.ToString("X4", CultureInfo.InvariantCulture)})"));
        if (cps.Count > 200) list += $" … (+{cps.Count - 200})";
        return $"Phông chữ \"{family}\" thiếu {cps.Count} ký tự cần dùng / font \"{family}\" lacks {cps.Count} glyph(s) the document uses: {list}. " +
               "Cài phông có đủ chữ tiếng Việt / install a font with Vietnamese glyphs: " +
               "`sudo apt-get install fonts-liberation2` (Liberation Serif 2.x) hoặc Times New Roman, rồi chạy lại / then run again.";
    }
}
