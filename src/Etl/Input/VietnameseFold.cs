using System.Globalization;
using System.Text;

namespace Analytics.Etl.Input;

/// <summary>
/// Folds a header or enum label for matching: lower case, Vietnamese diacritics removed (đ → d),
/// surrounding spaces trimmed, inner runs of spaces and underscores collapsed to one space
/// (so "Thường xuyên", "thuong_xuyen" and " THUONG  XUYEN " are the same word).
/// </summary>
public static class VietnameseFold
{
    public static string Fold(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (ch == '_' || char.IsWhiteSpace(ch))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(ch switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(ch) });
        }
        return sb.ToString();
    }
}
