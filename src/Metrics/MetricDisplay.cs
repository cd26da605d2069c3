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
        if (value is null) return "–";
        if (definition.Unit == "%")
            return definition.Signed ? VietnameseFormat.SignedPercent(value, definition.Decimals) : VietnameseFormat.Percent(value, definition.Decimals);
        // large amounts of money read in whole billions (197.810 tỷ đồng), small ones keep a decimal
        var decimals = definition.Unit == "bn VND" && Math.Abs(value.Value) >= 1000 ? 0 : definition.Decimals;
        var number = definition.Signed ? VietnameseFormat.Signed(value, decimals) : VietnameseFormat.Number(value, decimals);
        var unit = UnitVi(definition.Unit);
        return unit.Length == 0 ? number : number + " " + unit;
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
