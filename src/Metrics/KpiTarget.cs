using Analytics.Metrics.Catalogue;

namespace Analytics.Metrics;

/// <summary>Why a value that has a target carries no status.</summary>
public enum StatusNote
{
    /// <summary>No basis for the value: "Chưa có số liệu", never a status.</summary>
    NoValue,
    /// <summary>A year-to-date revenue with no plan for the same months: nothing to judge it against.</summary>
    NoPeriodPlan,
    /// <summary>The annual estimate is met or not when the year is over; before that the year-to-date is judged against the period plan.</summary>
    AnnualTargetMidYear,
}

/// <summary>
/// What a status is judged against (sql/metrics/indicator_values.sql): the kpi_targets thresholds,
/// whose row they are (the unit's own or '*'), and the value compared with them. That value is the
/// indicator's own, except for revenue.ytd, which is judged by its percentage of the period plan
/// (revenue.pct_of_period_target, the plan's amount and months given). Reports and the dashboard
/// print <see cref="DescriptionVi"/>, so both say the same words.
/// </summary>
/// <param name="GreenAt">at or better than this: đạt</param>
/// <param name="AmberAt">at or better than this, short of green: cần cố gắng; null: no amber band</param>
/// <param name="FromUnitCode">"*" for the row of every unit, else the unit whose own row it is</param>
/// <param name="BasisId">the indicator whose value is compared (the value's own id, or revenue.pct_of_period_target)</param>
/// <param name="BasisDims">its breakdown (e.g. the plan's category and target_kind)</param>
/// <param name="BasisValue">the value compared with the thresholds (unrounded)</param>
/// <param name="TargetAmountBnVnd">for a revenue target: its amount (tỷ đồng)</param>
/// <param name="TargetThroughMonth">for a revenue target: the months it covers (1..M)</param>
public sealed record KpiTarget(
    double GreenAt,
    double? AmberAt,
    Direction Direction,
    string FromUnitCode,
    string BasisId,
    IReadOnlyDictionary<string, string> BasisDims,
    double? BasisValue,
    double? TargetAmountBnVnd,
    int? TargetThroughMonth)
{
    /// <summary>The thresholds in words: "mục tiêu ≥ 90%, ngưỡng 80%" (ngưỡng: the amber threshold).</summary>
    public string ThresholdsVi
    {
        get
        {
            var sign = Direction == Direction.Lower ? "≤" : "≥";
            var unit = IndicatorCatalogue.Get(BasisId)?.Unit ?? "";
            var text = $"mục tiêu {sign} {Amount(GreenAt, unit)}";
            return AmberAt is { } amber ? $"{text}, ngưỡng {Amount(amber, unit)}" : text;
        }
    }

    /// <summary>What the value is compared with, in words, e.g. "so với kế hoạch kỳ (Kế hoạch lũy kế 5 tháng: 82.050 tỷ đồng), đạt 118,8%".
    /// Empty when the value is compared with the thresholds directly.</summary>
    public string ComparedWithVi
    {
        get
        {
            if (BasisId is not ("revenue.pct_of_period_target" or "revenue.pct_of_annual_target")) return "";
            var kind = BasisDims.GetValueOrDefault("target_kind") is { } k ? IndicatorCatalogue.DimensionValueVi("target_kind", k) ?? k : null;
            var period = BasisId == "revenue.pct_of_annual_target" || TargetThroughMonth == 12
                ? "năm"
                : $"lũy kế {TargetThroughMonth} tháng";
            var what = BasisId == "revenue.pct_of_annual_target" ? "dự toán năm" : "kế hoạch kỳ";
            var detail = string.Join(" ", new[] { kind, period }.Where(x => !string.IsNullOrEmpty(x)));
            var amount = TargetAmountBnVnd is { } a ? $": {VietnameseFormat.Number(a, Math.Abs(a) >= 1000 ? 0 : 1)} tỷ đồng" : "";
            var reached = BasisValue is { } v ? $", đạt {VietnameseFormat.Percent(v, 1)}" : "";
            return $"so với {what} ({detail}{amount}){reached}";
        }
    }

    /// <summary>The whole sentence a status is printed with: "so với kế hoạch kỳ (…), đạt 118,8%; mục tiêu ≥ 100%, ngưỡng 95%",
    /// or just the thresholds; "(ngưỡng riêng của đơn vị)" when the unit has its own row.</summary>
    public string DescriptionVi
    {
        get
        {
            var compared = ComparedWithVi;
            var text = compared.Length > 0 ? $"{compared}; {ThresholdsVi}" : ThresholdsVi;
            return FromUnitCode == "*" ? text : text + " (ngưỡng riêng của đơn vị)";
        }
    }

    /// <summary>A threshold with its unit: "90%", "0", "5 ngày", "hạng 10".</summary>
    private static string Amount(double v, string unit)
    {
        var decimals = Math.Abs(v % 1) < 1e-9 ? 0 : 1;
        return unit switch
        {
            "%" => VietnameseFormat.Number(v, decimals) + "%",
            "rank" => "hạng " + VietnameseFormat.Number(v, decimals),
            _ when MetricDisplay.UnitVi(unit) is { Length: > 0 } word && unit != "%" => VietnameseFormat.Number(v, decimals) + " " + word,
            _ => VietnameseFormat.Number(v, decimals),
        };
    }
}

public static class StatusNotes
{
    public static StatusNote? Parse(string? code) => code switch
    {
        null => null,
        "no_value" => StatusNote.NoValue,
        "no_period_plan" => StatusNote.NoPeriodPlan,
        "annual_target_mid_year" => StatusNote.AnnualTargetMidYear,
        _ => throw new ArgumentException($"unknown status note {code}"),
    };

    /// <summary>What is shown in place of a status: "Chưa có số liệu", "Chưa có kế hoạch kỳ", "Đánh giá khi hết năm".</summary>
    public static string LabelVi(this StatusNote note) => note switch
    {
        StatusNote.NoValue => "Chưa có số liệu",
        StatusNote.NoPeriodPlan => "Chưa có kế hoạch kỳ để đánh giá",
        _ => "Dự toán năm đánh giá khi hết năm; kỳ này đánh giá theo kế hoạch kỳ",
    };
}
