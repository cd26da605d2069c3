using System.Globalization;
using Analytics.Metrics;
using Analytics.Metrics.Catalogue;
using Analytics.Reports.Documents;
using F = Analytics.Metrics.VietnameseFormat;

namespace Analytics.Reports.Briefing;

/// <summary>
/// What the metrics say about the unit standards (units.below_standard and its list) for a briefing:
/// every check of the roll-up's communes, the shortfalls furthest below first, and the counts.
/// Checks is empty when no standard applies to any commune of the roll-up (none loaded).
/// </summary>
public sealed record UnitStandardFacts(
    double? BelowStandard,
    IReadOnlyDictionary<string, double?> BelowByCriterion,
    double? Unassessed,
    IReadOnlyList<StandardCheck> Checks,
    IReadOnlyList<StandardCheck> Shortfalls)
{
    public static UnitStandardFacts None { get; } = new(null, new Dictionary<string, double?>(), null, [], []);

    /// <summary>Communes compared on at least one criterion (a figure and a standard).</summary>
    public int Compared => Checks.Where(c => c.Figure is not null).Select(c => c.UnitCode).Distinct().Count();

    /// <summary>The communes of the shortfall list, in its order.</summary>
    public IReadOnlyList<string> ShortUnits => Shortfalls.Select(c => c.UnitCode).Distinct().ToList();
}

/// <summary>The briefing section "Đơn vị hành chính cấp xã chưa đạt tiêu chuẩn" and the commune brief's own percentages.</summary>
public static class UnitStandardContent
{
    public const string Title = "ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CHƯA ĐẠT TIÊU CHUẨN";
    public const string TableCaption = "Đơn vị hành chính cấp xã chưa đạt tiêu chuẩn";

    /// <summary>The section is written only when a standard applies to a commune of the roll-up.</summary>
    public static bool Applies(BriefingData d) => d.Standards.Checks.Count > 0;

    public static IEnumerable<Block> Blocks(BriefingData d)
    {
        var s = d.Standards;
        var criteria = s.Checks.Select(c => c.Criterion).Distinct().OrderBy(c => IndicatorCatalogue.DimensionValuePosition("criterion", c)).ToList();
        var intro = $"Đối chiếu với tiêu chuẩn của đơn vị hành chính ({string.Join(", ", criteria.Select(c => CriterionWord(c)))}), ";
        if (s.BelowStandard is null)
            yield return new Paragraph(intro + "chưa đơn vị nào có số liệu để đối chiếu.");
        else if (s.BelowStandard == 0)
            yield return new Paragraph(intro + $"cả {F.Number(s.Compared)} đơn vị hành chính cấp xã được đối chiếu đều đạt tiêu chuẩn.");
        else
        {
            var byCriterion = criteria.Where(c => s.BelowByCriterion.GetValueOrDefault(c) is > 0)
                .Select(c => $"{CriterionWord(c)}: {F.Number(s.BelowByCriterion[c])} đơn vị");
            yield return new Paragraph([
                new Span(intro + $"trong {F.Number(s.Compared)} đơn vị hành chính cấp xã được đối chiếu có "),
                new Span($"{F.Number(s.BelowStandard)} đơn vị chưa đạt ít nhất một tiêu chuẩn", Bold: true),
                new Span($" ({string.Join("; ", byCriterion)}). Danh sách và căn cứ của từng tiêu chuẩn tại bảng dưới đây."),
            ]);
        }
        if (s.Unassessed is > 0)
            yield return new Paragraph($"Có {F.Number(s.Unassessed)} đơn vị chưa có đủ số liệu {string.Join(", ", criteria.Where(c => s.Checks.Any(x => x.Criterion == c && x.Figure is null)).Select(c => CriterionWord(c)))} để đối chiếu; các đơn vị này chưa được tính vào số chưa đạt.");
        if (s.Shortfalls.Count == 0) yield break;

        // each legal text once, numbered in order of first use; the table refers to it by number
        var sources = s.Shortfalls.Select(c => c.Source).Distinct().ToList();
        var number = new Dictionary<string, int>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var unit in s.Shortfalls.GroupBy(c => c.UnitCode))
        {
            number[unit.Key] = number.Count + 1;
            var first = true;
            foreach (var c in unit)
            {
                rows.Add([first ? number[unit.Key].ToString(CultureInfo.InvariantCulture) : "", first ? c.UnitName : "",
                    CriterionName(c.Criterion) + (c.StandardRegion is null ? "" : $" (vùng {c.StandardRegion})"),
                    Plain(c.Criterion, c.Figure), Plain(c.Criterion, c.Minimum), F.Percent(c.PctOfStandard),
                    $"({sources.IndexOf(c.Source) + 1})"]);
                first = false;
            }
        }
        yield return new TableBlock($"{TableCaption} ({F.Number(number.Count)} đơn vị)",
            [new("TT", 0.5f, ColumnAlign.Center), new("Đơn vị", 2.5f), new("Tiêu chí", 3f), new("Thực tế", 1.2f, ColumnAlign.Right),
             new("Tiêu chuẩn", 1.3f, ColumnAlign.Right), new("Đạt", 1f, ColumnAlign.Right), new("Căn cứ", 1.1f, ColumnAlign.Center)],
            rows);
        yield return new Paragraph("Căn cứ: " + string.Join("; ", sources.Select((x, i) => $"({i + 1}) {x}")) + ".", ParagraphKind.Note);
    }

    /// <summary>The commune brief's sentence: the commune's own figure against each standard, or null when none applies.</summary>
    public static string? OwnSentence(BriefingData d)
    {
        var own = d.Standards.Checks.Where(c => c.UnitCode == d.UnitCode)
            .OrderBy(c => IndicatorCatalogue.DimensionValuePosition("criterion", c.Criterion)).ToList();
        if (own.Count == 0) return null;
        var parts = own.Select(c => c.Figure is null
            ? $"{CriterionWord(c.Criterion)}: chưa có số liệu (tiêu chuẩn {Figure(c.Criterion, c.Minimum)})"
            : $"{CriterionWord(c.Criterion)} {Figure(c.Criterion, c.Figure)}, bằng {F.Percent(c.PctOfStandard)} tiêu chuẩn {Figure(c.Criterion, c.Minimum)}"
              + (c.IsBelow == true ? " (chưa đạt)" : " (đạt)"));
        return "Tiêu chuẩn đơn vị hành chính: " + string.Join("; ", parts) + ". Căn cứ: " + string.Join("; ", own.Select(c => c.Source).Distinct()) + ".";
    }

    /// <summary>The criterion's name with its unit, as a table heading has it ("Diện tích tự nhiên (km²)").</summary>
    private static string CriterionName(string criterion) => IndicatorCatalogue.DimensionValueVi("criterion", criterion) ?? criterion;

    /// <summary>The name in a sentence, where the figure carries the unit ("diện tích tự nhiên 25,00 km²").</summary>
    private static string CriterionWord(string criterion) => CriterionName(criterion).Split(" (")[0].ToLowerInvariant();

    /// <summary>A figure in a table cell: people as a whole number, km² with two decimals.</summary>
    private static string Plain(string criterion, double? value) => criterion == "population" ? F.Number(value) : F.Number(value, 2);

    /// <summary>A figure in a sentence, with its unit.</summary>
    private static string Figure(string criterion, double? value) => criterion switch
    {
        "population" => F.Number(value) + " người",
        "area_km2" => F.Number(value, 2) + " km²",
        _ => F.Number(value, 2),
    };
}
