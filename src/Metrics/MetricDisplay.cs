using Analytics.Metrics.Catalogue;

namespace Analytics.Metrics;

/// <summary>
/// How an indicator value reads for people, from its catalogue definition: "134,2%", "+29,6%",
/// "197.810 tỷ đồng", "3 người", "–" for no basis. Values stay unrounded everywhere else.
/// </summary>
public static class MetricDisplay
{
    /// <summary>The value with its unit, in Vietnamese format.</summary>
    public static string Value(IndicatorDefinition definition, double? value)
    {
        var number = Number(value, definition.Unit, definition.Decimals, definition.Signed);
        var unit = definition.Unit == "%" ? "" : UnitVi(definition.Unit);
        return value is null || unit.Length == 0 ? number : number + " " + unit;
    }

    /// <summary>The number as shown (with % for percentages, no other unit word): "134,2%", "+29,6%", "197.810", "85,23".
    /// The one rounding rule of every output (CLI, PDF, Word, dashboard, CSV "as shown").</summary>
    public static string Number(double? value, string unit, int decimals, bool signed)
    {
        if (value is null) return "–";
        if (unit == "%")
            return signed ? VietnameseFormat.SignedPercent(value, decimals) : VietnameseFormat.Percent(value, decimals);
        // large amounts of money read in whole billions (197.810 tỷ đồng), small ones keep a decimal
        var places = unit == "bn VND" && Math.Abs(value.Value) >= 1000 ? 0 : decimals;
        return signed ? VietnameseFormat.Signed(value, places) : VietnameseFormat.Number(value, places);
    }

    /// <summary>A number of an indicator: its catalogue decimals and sign rule.</summary>
    public static string Number(IndicatorDefinition definition, double? value) =>
        Number(value, definition.Unit, definition.Decimals, definition.Signed);

    /// <summary>A number known only by its unit (a list's on-time rate, a standard's percentage): the decimals
    /// the catalogue gives that unit, so it reads as the indicators in the same unit do.</summary>
    public static string Number(double? value, string unit) => Number(value, unit, IndicatorCatalogue.DecimalsOf(unit), signed: false);

    /// <summary>A change between two values in a unit: percentage points for %, else the unit's catalogue decimals.</summary>
    public static string Change(double? now, double? before, string unit)
    {
        if (now is null || before is null) return "–";
        var d = now.Value - before.Value;
        var decimals = IndicatorCatalogue.DecimalsOf(unit);
        return unit == "%" ? VietnameseFormat.Signed(d, decimals) + " điểm %" : Number(d, unit, decimals, signed: true);
    }

    /// <summary>The unit in Vietnamese ("people" → "người"); empty for plain counts and ranks.</summary>
    public static string UnitVi(string unit) => unit switch
    {
        "people" => "người",
        "days" => "ngày",
        "bn VND" => "tỷ đồng",
        "score" => "điểm",
        "ranks" => "bậc",
        "%" => "%",
        _ => "",
    };

    /// <summary>Đạt / Cần cố gắng / Chưa đạt, or empty without a status.</summary>
    public static string Status(KpiStatus? status) => status?.LabelVi() ?? "";

    /// <summary>The judgement of a value as people read it: its status, or why it has none
    /// ("Chưa có số liệu" whenever the value has no basis, with or without a target); empty when no target covers it.</summary>
    public static string Judgement(MetricValue value) =>
        value.Value is null ? StatusNote.NoValue.LabelVi()
        : value.Status is { } s ? s.LabelVi()
        : value.StatusNote is { } note ? note.LabelVi()
        : "";

    /// <summary>The judgement with what it is judged against: "Đạt — so với kế hoạch kỳ (…), đạt 118,8%; mục tiêu ≥ 100%, ngưỡng 95%".</summary>
    public static string JudgementWithTarget(MetricValue value)
    {
        var judgement = Judgement(value);
        if (value.Target is not { } t || value.Value is null) return judgement;
        return judgement.Length == 0 ? t.DescriptionVi : $"{judgement} — {t.DescriptionVi}";
    }

    /// <summary>A breakdown for people: "Lĩnh vực: Đất đai"; unitNames names unit codes.</summary>
    public static string Dims(IReadOnlyDictionary<string, string> dims, Func<string, string?>? unitName = null) =>
        string.Join("; ", dims.Select(d =>
        {
            var label = IndicatorCatalogue.DimensionValueVi(d.Key, d.Value)
                ?? (d.Key is "lead_unit" or "unit_code" && unitName?.Invoke(d.Value) is { } name ? $"{name} ({d.Value})" : d.Value);
            return $"{IndicatorCatalogue.DimensionNameVi(d.Key)}: {label}";
        }));
}
