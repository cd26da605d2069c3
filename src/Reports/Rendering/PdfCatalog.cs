using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Reports.Rendering;

/// <summary>A bookmark of the PDF outline: its title and the page it opens (0-based).</summary>
public sealed record OutlineEntry(string Title, int PageIndex);

/// <summary>
/// Adds what SkiaSharp's PDF backend cannot write to the catalog — the document language (/Lang)
/// and the outline (bookmarks) — by appending a standard PDF incremental update: a new version of
/// the catalog, the outline objects, an xref section for them and a trailer pointing back to the
/// original. The original bytes stay as they are.
/// </summary>
public static partial class PdfCatalog
{
    public static void Write(byte[] pdf, string language, Stream output, IReadOnlyList<OutlineEntry>? outline = null)
    {
        output.Write(pdf);
        outline ??= [];
        if (string.IsNullOrEmpty(language) && outline.Count == 0) return;
        var text = Encoding.Latin1.GetString(pdf);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var startxref = StartXref().Matches(text).LastOrDefault();
        if (trailerAt < 0 || startxref is null) throw new InvalidDataException("PDF without a classic trailer: cannot update the catalog");
        var trailer = text[trailerAt..startxref.Index];
        var root = RootRef().Match(trailer);
        var size = SizeEntry().Match(trailer);
        var info = InfoRef().Match(trailer);
        if (!root.Success || !size.Success) throw new InvalidDataException("PDF trailer without /Root or /Size");
        var rootId = int.Parse(root.Groups[1].Value, CultureInfo.InvariantCulture);
        var firstNew = int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture);
        var dict = ObjectBody(text, rootId);
        if (!dict.EndsWith(">>", StringComparison.Ordinal)) throw new InvalidDataException("catalog is not a dictionary");

        var objects = new List<(int Id, string Body)>();
        var extra = new StringBuilder();
        if (!string.IsNullOrEmpty(language)) extra.Append(CultureInfo.InvariantCulture, $"\n/Lang ({language})");
        if (outline.Count > 0)
        {
            var pages = PageIds(text, dict);
            var outlineId = firstNew;
            extra.Append(CultureInfo.InvariantCulture, $"\n/Outlines {outlineId} 0 R /PageMode /UseOutlines");
            objects.Add((outlineId, $"<</Type /Outlines /First {outlineId + 1} 0 R /Last {outlineId + outline.Count} 0 R /Count {outline.Count}>>"));
            for (var i = 0; i < outline.Count; i++)
            {
                var e = outline[i];
                if (e.PageIndex < 0 || e.PageIndex >= pages.Count) throw new ArgumentException($"bookmark \"{e.Title}\" points at page {e.PageIndex + 1} of {pages.Count}");
                var id = outlineId + 1 + i;
                var sb = new StringBuilder($"<</Title {TextString(e.Title)} /Parent {outlineId} 0 R");
                if (i > 0) sb.Append(CultureInfo.InvariantCulture, $" /Prev {id - 1} 0 R");
                if (i < outline.Count - 1) sb.Append(CultureInfo.InvariantCulture, $" /Next {id + 1} 0 R");
                sb.Append(CultureInfo.InvariantCulture, $" /Dest [{pages[e.PageIndex]} 0 R /XYZ null null null]>>");
                objects.Add((id, sb.ToString()));
            }
        }
        objects.Insert(0, (rootId, dict[..^2].TrimEnd() + extra + ">>"));

        var body = new StringBuilder("\n");
        var offsets = new Dictionary<int, long>();
        foreach (var (id, content) in objects)
        {
            offsets[id] = pdf.Length + body.Length; // all ASCII: one byte per char
            body.Append(CultureInfo.InvariantCulture, $"{id} 0 obj\n{content}\nendobj\n");
        }
        var xrefAt = pdf.Length + body.Length;
        body.Append("xref\n");
        // One subsection per run of consecutive ids (the catalog, then the new objects).
        var ids = offsets.Keys.Order().ToList();
        for (var i = 0; i < ids.Count;)
        {
            var j = i;
            while (j + 1 < ids.Count && ids[j + 1] == ids[j] + 1) j++;
            body.Append(CultureInfo.InvariantCulture, $"{ids[i]} {j - i + 1}\n");
            for (var k = i; k <= j; k++) body.Append(CultureInfo.InvariantCulture, $"{offsets[ids[k]]:D10} 00000 n \n");
            i = j + 1;
        }
        var newSize = Math.Max(firstNew, ids[^1] + 1);
        body.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {newSize} /Root {rootId} 0 R");
        if (info.Success) body.Append(CultureInfo.InvariantCulture, $" /Info {info.Groups[1].Value} 0 R");
        body.Append(CultureInfo.InvariantCulture, $" /Prev {startxref.Groups[1].Value}>>\nstartxref\n{xrefAt}\n%%EOF\n");
        output.Write(Encoding.Latin1.GetBytes(body.ToString()));
    }

    private static string ObjectBody(string text, int id)
    {
        var start = new Regex($@"(?<=^|[\r\n]){id} 0 obj", RegexOptions.Multiline).Match(text);
        if (!start.Success) throw new InvalidDataException($"PDF object {id} not found");
        var from = start.Index + start.Length;
        var end = text.IndexOf("endobj", from, StringComparison.Ordinal);
        return text[from..end].Trim();
    }

    /// <summary>The page objects in reading order, walking the page tree from the catalog's /Pages.</summary>
    private static List<int> PageIds(string text, string catalog)
    {
        var pagesRef = PagesRef().Match(catalog);
        if (!pagesRef.Success) throw new InvalidDataException("catalog without /Pages");
        var result = new List<int>();
        void Walk(int id, int depth)
        {
            if (depth > 64) throw new InvalidDataException("page tree too deep");
            var node = ObjectBody(text, id);
            var kids = KidsArray().Match(node);
            if (!kids.Success) { result.Add(id); return; }
            foreach (Match k in Reference().Matches(kids.Groups[1].Value))
                Walk(int.Parse(k.Groups[1].Value, CultureInfo.InvariantCulture), depth + 1);
        }
        Walk(int.Parse(pagesRef.Groups[1].Value, CultureInfo.InvariantCulture), 0);
        return result;
    }

    /// <summary>A PDF text string in UTF-16BE with its byte-order mark, hex-encoded (Vietnamese titles in the bookmarks panel).</summary>
    private static string TextString(string s) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(s.Normalize(NormalizationForm.FormC))) + ">";

    [GeneratedRegex(@"startxref\s+(\d+)")] private static partial Regex StartXref();
    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")] private static partial Regex RootRef();
    [GeneratedRegex(@"/Size\s+(\d+)")] private static partial Regex SizeEntry();
    [GeneratedRegex(@"/Info\s+(\d+)\s+0\s+R")] private static partial Regex InfoRef();
    [GeneratedRegex(@"/Pages\s+(\d+)\s+0\s+R")] private static partial Regex PagesRef();
    [GeneratedRegex(@"/Kids\s*\[([^\]]*)\]")] private static partial Regex KidsArray();
    [GeneratedRegex(@"(\d+)\s+0\s+R")] private static partial Regex Reference();
}
