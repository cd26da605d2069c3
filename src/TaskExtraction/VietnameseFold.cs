using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.TaskExtraction;

/// <summary>
/// Diacritic- and case-insensitive form of Vietnamese text ("Đảng uỷ" and "Đảng ủy" both fold to
/// "dang uy"), and the word tokens that unit names are matched on.
/// </summary>
public static partial class VietnameseFold
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { 'đ' => 'd', 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return sb.ToString();
    }

    /// <summary>Whitespace collapsed to single spaces, trimmed.</summary>
    public static string Squash(string text) => Spaces().Replace(text, " ").Trim();

    public static IReadOnlyList<WordToken> Tokens(string text) =>
        Word().Matches(text).Select(m => new WordToken(m.Value, Fold(m.Value), m.Index, m.Index + m.Length)).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:&[\p{L}\p{M}\p{N}]+)*\.?")]
    private static partial Regex Word();
}

/// <summary>A word of the source text: as written, folded, and where it is.</summary>
public sealed record WordToken(string Text, string Folded, int Start, int End)
{
    /// <summary>Folded form without a trailing full stop ("TP." and "TP" are the same word).</summary>
    public string Key => Folded.TrimEnd('.');
    public string Bare => Text.TrimEnd('.');
}
