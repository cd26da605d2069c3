using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Analytics.TaskExtraction;

/// <summary>
/// The body text of a directive as lines: Markdown emphasis (bold and italic) and tables removed, page numbers and
/// footnotes (with their reference marks, "Thành uỷ1") taken out, because footnotes are never tasks.
/// </summary>
public sealed partial class SourceDocument
{
    public string FileName { get; }
    /// <summary>The text as read (Markdown emphasis stripped), for checking that evidence really is in it.</summary>
    public string Text { get; }
    public IReadOnlyList<string> Lines { get; }
    public IReadOnlyList<string> Footnotes { get; }
    public string Sha256 { get; }
    /// <summary>Problems a reader must know about, e.g. Word auto-numbering whose numbers are not in the file.</summary>
    public IReadOnlyList<string> Warnings { get; }
    /// <summary>Tables (Markdown, or Word tables), each a list of rows of cell texts; the first row is the header.</summary>
    public IReadOnlyList<IReadOnlyList<string[]>> Tables { get; }

    private SourceDocument(string fileName, string text, string sha, List<string> warnings)
    {
        FileName = fileName;
        Sha256 = sha;
        Warnings = warnings;
        var tables = new List<IReadOnlyList<string[]>>();
        Text = Clean(text, tables);
        Tables = tables;
        var lines = Text.Split('\n').Select(l => l.TrimEnd()).ToList();
        var footnotes = new List<string>();
        Lines = RemoveFootnotes(lines, footnotes);
        Footnotes = footnotes;
    }

    public static SourceDocument Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var warnings = new List<string>();
        var text = Path.GetExtension(path).Equals(".docx", StringComparison.OrdinalIgnoreCase)
            ? ReadDocx(bytes, warnings)
            : new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        return new SourceDocument(Path.GetFileName(path), text, sha, warnings);
    }

    public static SourceDocument FromText(string fileName, string text) =>
        new(fileName, text, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))), []);

    private static string Clean(string text, List<IReadOnlyList<string[]>> tables)
    {
        List<string[]>? table = null;
        text = text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n").Replace('\r', '\n').Replace('\f', '\n')
            .Replace('\u00A0', ' ');
        var sb = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = Italic().Replace(raw.Replace("**", "").Replace("__", ""), "$1");
            line = MarkdownHeading().Replace(line, "");
            if (line.TrimStart().StartsWith('|'))
            {
                // Table rows are kept apart from the running text; a table of tasks is read by the extractor.
                var cells = line.Trim().Trim('|').Split('|').Select(c => VietnameseFold.Squash(c)).ToArray();
                if (!cells.All(c => TableRule().IsMatch(c)))
                {
                    if (table is null) tables.Add(table = []);
                    table.Add(cells);
                }
                line = "";
            }
            else
            {
                table = null;
                if (Rule().IsMatch(line)) line = "";
            }
            sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// A footnote starts a line with its number and a capital ("1 Các văn bản…") and that number is glued to a
    /// word earlier in the text ("Thành uỷ1"); it runs until a line ending with a full stop.
    /// A line holding only a number is a page number.
    /// </summary>
    private static List<string> RemoveFootnotes(List<string> lines, List<string> footnotes)
    {
        var kept = new List<string>();
        var numbers = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (PageNumber().IsMatch(line)) { kept.Add(""); continue; }
            var m = FootnoteStart().Match(line);
            if (m.Success && Regex.IsMatch(string.Join("\n", lines.Take(i)), $@"\p{{L}}{m.Groups[1].Value}(?=[\s,.;:)])"))
            {
                var note = new StringBuilder(line.Trim());
                var j = i;
                while (!lines[j].TrimEnd().EndsWith('.') && j + 1 < lines.Count && j - i < 8)
                {
                    j++;
                    if (PageNumber().IsMatch(lines[j])) break;
                    note.Append(' ').Append(lines[j].Trim());
                }
                footnotes.Add(VietnameseFold.Squash(note.ToString()));
                numbers.Add(m.Groups[1].Value);
                for (var k = i; k <= j; k++) kept.Add("");
                i = j;
                continue;
            }
            kept.Add(line);
        }
        foreach (var n in numbers)
            for (var i = 0; i < kept.Count; i++)
                kept[i] = Regex.Replace(kept[i], $@"(?<=\p{{L}}){n}(?=[\s,.;:)]|$)", "");
        return kept;
    }

    /// <summary>Paragraph text of word/document.xml. Footnotes live in footnotes.xml and are not read.</summary>
    private static string ReadDocx(byte[] bytes, List<string> warnings)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entry = zip.GetEntry("word/document.xml") ?? throw new InvalidDataException("tệp .docx không có word/document.xml / not a Word document");
        // A directive is kilobytes; a huge or lying document.xml is a zip bomb, not a directive.
        const long limit = 64L * 1024 * 1024;
        if (entry.Length > limit) throw new InvalidDataException($"word/document.xml quá lớn ({entry.Length} byte) / too large");
        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = limit,
        });
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var sb = new StringBuilder();
        var autoNumbered = 0;
        var skipDepth = -1;
        var tableDepth = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == w)
            {
                if (skipDepth >= 0) continue;
                switch (xml.LocalName)
                {
                    case "delText" or "instrText" when !xml.IsEmptyElement: skipDepth = xml.Depth; break;
                    case "tbl" when !xml.IsEmptyElement: tableDepth++; break;
                    case "tr" when tableDepth == 1: sb.Append("\n|"); break;
                    case "t" when tableDepth > 0: if (!xml.IsEmptyElement) sb.Append(xml.ReadElementContentAsString().Replace('|', '/')); break;
                    case "t": if (!xml.IsEmptyElement) sb.Append(xml.ReadElementContentAsString()); break;
                    case "tab": sb.Append('\t'); break;
                    case "br" or "cr": sb.Append('\n'); break;
                    case "numPr": autoNumbered++; break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.NamespaceURI == w)
            {
                if (skipDepth >= 0 && xml.Depth == skipDepth) { skipDepth = -1; continue; }
                if (xml.LocalName == "tbl") { if (--tableDepth == 0) sb.Append('\n'); }
                else if (xml.LocalName == "tc" && tableDepth == 1) sb.Append('|');
                else if (xml.LocalName == "p" && skipDepth < 0) sb.Append(tableDepth > 0 ? ' ' : '\n');
            }
        }
        if (autoNumbered > 0)
            warnings.Add($"{autoNumbered} đoạn dùng đánh số tự động của Word; số mục không có trong văn bản / {autoNumbered} paragraphs use Word auto-numbering, their numbers are not in the text");
        return sb.ToString();
    }

    [GeneratedRegex(@"^:?-{2,}:?$")] private static partial Regex TableRule();
    // "*(hoàn thành trong tháng 9/2025)*": Markdown italics around a deadline or a date line.
    [GeneratedRegex(@"(?<![*\p{L}\d])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![*\p{L}\d])")] private static partial Regex Italic();
    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")] private static partial Regex MarkdownHeading();
    [GeneratedRegex(@"^\s*([-=_*]\s*){3,}$")] private static partial Regex Rule();
    [GeneratedRegex(@"^\s*\d{1,3}\s*$")] private static partial Regex PageNumber();
    [GeneratedRegex(@"^\s*(\d{1,2})\s+\p{Lu}")] private static partial Regex FootnoteStart();
}
