using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Reports.Rendering;

/// <summary>
/// Sets the document language (/Lang in the catalog), which SkiaSharp's metadata cannot carry,
/// by appending a standard PDF incremental update: a new version of the catalog object, an xref
/// section for it and a trailer pointing back to the original. The original bytes stay as they are.
/// </summary>
public static partial class PdfLanguage
{
    public static void Write(byte[] pdf, string language, Stream output)
    {
        output.Write(pdf);
        if (string.IsNullOrEmpty(language)) return;
        var text = Encoding.Latin1.GetString(pdf);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var startxref = StartXref().Matches(text).LastOrDefault();
        if (trailerAt < 0 || startxref is null) throw new InvalidDataException("PDF without a classic trailer: cannot set /Lang");
        var trailer = text[trailerAt..startxref.Index];
        var root = RootRef().Match(trailer);
        var size = SizeEntry().Match(trailer);
        var info = InfoRef().Match(trailer);
        if (!root.Success || !size.Success) throw new InvalidDataException("PDF trailer without /Root or /Size");
        var rootId = root.Groups[1].Value;
        var objStart = new Regex($@"(?<=^|[\r\n]){rootId} 0 obj", RegexOptions.Multiline).Match(text);
        if (!objStart.Success) throw new InvalidDataException($"catalog object {rootId} not found");
        var bodyStart = objStart.Index + objStart.Length;
        var bodyEnd = text.IndexOf("endobj", bodyStart, StringComparison.Ordinal);
        var dict = text[bodyStart..bodyEnd].Trim();
        if (!dict.EndsWith(">>", StringComparison.Ordinal)) throw new InvalidDataException("catalog is not a dictionary");
        dict = dict[..^2].TrimEnd() + $"\n/Lang ({language})>>";

        var offset = pdf.Length + 1;
        var sb = new StringBuilder();
        sb.Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"{rootId} 0 obj\n{dict}\nendobj\n");
        var xrefAt = offset + Encoding.Latin1.GetByteCount(sb.ToString()) - 1;
        sb.Append(CultureInfo.InvariantCulture, $"xref\n{rootId} 1\n{offset:D10} 00000 n \n");
        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size.Groups[1].Value} /Root {rootId} 0 R");
        if (info.Success) sb.Append(CultureInfo.InvariantCulture, $" /Info {info.Groups[1].Value} 0 R");
        sb.Append(CultureInfo.InvariantCulture, $" /Prev {startxref.Groups[1].Value}>>\nstartxref\n{xrefAt}\n%%EOF\n");
        output.Write(Encoding.Latin1.GetBytes(sb.ToString()));
    }

    [GeneratedRegex(@"startxref\s+(\d+)")] private static partial Regex StartXref();
    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")] private static partial Regex RootRef();
    [GeneratedRegex(@"/Size\s+(\d+)")] private static partial Regex SizeEntry();
    [GeneratedRegex(@"/Info\s+(\d+)\s+0\s+R")] private static partial Regex InfoRef();
}
