using System.Globalization;
using System.Reflection;
using CsvHelper;
using CsvHelper.Configuration;

namespace Analytics.TaskExtraction;

/// <summary>A row of the units table that task leads are resolved to.</summary>
public sealed record Unit(string Code, string Name, string Type, string? ParentCode);

/// <summary>A unit name (or an abbreviation of one) found in the text, with the exact words that named it.</summary>
public sealed record UnitMention(Unit Unit, int Start, int End, string Evidence);

/// <summary>
/// Resolves unit names as written in directives ("Đảng uỷ UBND TP", "Ban TCTU") to units of the units table,
/// through the shipped alias table (unit_aliases.csv). Matching ignores case and diacritics, except that an
/// abbreviation (TU, UBND, CA) must be written exactly, so "tư pháp" is never read as "TU".
/// </summary>
public sealed class UnitDirectory
{
    private readonly List<(Unit Unit, string[] Tokens)> _names = [];
    private readonly List<Alias> _aliases;

    private sealed record Alias(WordToken[] Words, string[][] Expansions);

    public IReadOnlyList<Unit> Units { get; }

    public UnitDirectory(IEnumerable<Unit> units)
    {
        Units = units.ToList();
        _aliases = LoadAliases();
        var cityNames = Units.Where(u => u.Type is "thanh_pho" or "tinh")
            .Select(u => Keys(StripPrefix(u.Name, "Thành phố ", "Tỉnh ")))
            .Where(t => t.Length > 0).ToList();
        foreach (var unit in Units)
        {
            var tokens = Canonical(unit.Name);
            _names.Add((unit, tokens));
            // "Ủy ban nhân dân thành phố Hải Phòng" is written "Ủy ban nhân dân thành phố" inside the city's own papers.
            foreach (var city in cityNames)
                if (tokens.Length > city.Length && tokens.AsSpan(tokens.Length - city.Length).SequenceEqual(city))
                    _names.Add((unit, tokens[..^city.Length]));
        }
    }

    public static UnitDirectory Empty { get; } = new([]);

    /// <summary>The unit named by the words starting at <paramref name="tokenIndex"/>, longest name first; null if none.</summary>
    public UnitMention? MatchAt(string text, IReadOnlyList<WordToken> tokens, int tokenIndex)
    {
        (Unit Unit, int End, int Len)? best = null;
        foreach (var (unit, name) in _names)
        {
            var end = Match(tokens, tokenIndex, name, 0, 0);
            if (end is null) continue;
            if (best is null || end > best.Value.End || (end == best.Value.End && name.Length > best.Value.Len))
                best = (unit, end.Value, name.Length);
        }
        if (best is null) return null;
        var start = tokens[tokenIndex].Start;
        var last = tokens[best.Value.End - 1];
        var stop = last.Text.EndsWith('.') && !last.Bare.All(char.IsUpper) ? last.End - 1 : last.End;
        return new UnitMention(best.Value.Unit, start, stop, VietnameseFold.Squash(text[start..stop]));
    }

    private int? Match(IReadOnlyList<WordToken> src, int i, string[] name, int j, int depth)
    {
        if (j == name.Length) return i;
        if (i >= src.Count || depth > 12) return null;
        int? best = null;
        if (src[i].Key == name[j]) best = Match(src, i + 1, name, j + 1, depth + 1);
        foreach (var alias in _aliases)
        {
            if (!AliasAt(src, i, alias.Words)) continue;
            foreach (var expansion in alias.Expansions)
            {
                if (j + expansion.Length > name.Length || !name.AsSpan(j, expansion.Length).SequenceEqual(expansion)) continue;
                var end = Match(src, i + alias.Words.Length, name, j + expansion.Length, depth + 1);
                if (end > (best ?? -1)) best = end;
            }
        }
        return best;
    }

    private static bool AliasAt(IReadOnlyList<WordToken> src, int i, WordToken[] words)
    {
        if (i + words.Length > src.Count) return false;
        for (var k = 0; k < words.Length; k++)
        {
            var w = words[k];
            if (IsAbbreviation(w.Bare) ? src[i + k].Bare != w.Bare : src[i + k].Key != w.Key) return false;
        }
        return true;
    }

    private static bool IsAbbreviation(string word) => word.Count(char.IsUpper) >= 2;

    /// <summary>A unit name's folded words with abbreviations spelled out, so both sides meet in one form.</summary>
    private string[] Canonical(string name)
    {
        var src = VietnameseFold.Tokens(name);
        var result = new List<string>();
        for (var i = 0; i < src.Count;)
        {
            var alias = _aliases.Where(a => AliasAt(src, i, a.Words)).MaxBy(a => a.Words.Length);
            if (alias is null) { result.Add(src[i].Key); i++; continue; }
            result.AddRange(alias.Expansions[0]);
            i += alias.Words.Length;
        }
        return result.ToArray();
    }

    private static string[] Keys(string text) => VietnameseFold.Tokens(text).Select(t => t.Key).ToArray();

    private static string StripPrefix(string name, params string[] prefixes)
    {
        foreach (var p in prefixes)
            if (name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) return name[p.Length..];
        return name;
    }

    private static List<Alias> LoadAliases()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TaskExtraction/unit_aliases.csv")
            ?? throw new InvalidOperationException("unit_aliases.csv is not embedded in Analytics.Etl");
        using var reader = new StreamReader(stream);
        var aliases = new List<Alias>();
        reader.ReadLine(); // header: alias,expansion
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var comma = line.IndexOf(',');
            var words = VietnameseFold.Tokens(line[..comma]).ToArray();
            var expansions = line[(comma + 1)..].Split('|').Select(Keys).ToArray();
            aliases.Add(new Alias(words, expansions));
        }
        return aliases;
    }

    private static readonly string[][] HeaderAliases =
    [
        ["unit_code", "ma_don_vi", "Mã đơn vị", "Mã ĐVHC"],
        ["unit_name", "ten_don_vi", "Tên đơn vị"],
        ["unit_type", "loai", "Loại đơn vị"],
        ["parent_code", "ma_don_vi_cap_tren", "Đơn vị cấp trên"],
    ];

    /// <summary>Reads a units file in the INPUTS.md `units` format (CSV, any of , ; tab, header aliases).</summary>
    public static UnitDirectory Load(string path)
    {
        var text = File.ReadAllText(path);
        var firstLine = text.Split('\n')[0];
        var delimiter = new[] { ",", ";", "\t" }.MaxBy(d => firstLine.Split(d).Length)!;
        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter, TrimOptions = TrimOptions.Trim,
        });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => VietnameseFold.Fold(h.Trim())).ToList();
        int Column(int k) => header.FindIndex(h => HeaderAliases[k].Any(a => VietnameseFold.Fold(a) == h));
        int code = Column(0), name = Column(1), type = Column(2), parent = Column(3);
        if (code < 0 || name < 0)
            throw new InvalidDataException($"{path}: thiếu cột unit_code hoặc unit_name / missing unit_code or unit_name column");
        var units = new List<Unit>();
        while (csv.Read())
        {
            var c = csv.GetField(code) ?? "";
            if (c.Length == 0) continue;
            units.Add(new Unit(c, csv.GetField(name) ?? "", type >= 0 ? csv.GetField(type) ?? "" : "",
                parent >= 0 && csv.GetField(parent) is { Length: > 0 } p ? p : null));
        }
        return new UnitDirectory(units);
    }
}
