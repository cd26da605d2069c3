using System.Globalization;

namespace Analytics.Metrics;

/// <summary>
/// How numbers and dates are shown to Vietnamese readers: 197.810 (thousands with a dot),
/// 134,2% (decimal comma), 25/11/2026 in tables, "ngày 25 tháng 11 năm 2026" in text.
/// Values are kept unrounded elsewhere; only display rounds.
/// </summary>
public static class VietnameseFormat
{
    public static readonly CultureInfo Culture = CreateCulture();

    private static CultureInfo CreateCulture()
    {
        // Built by hand rather than from ICU data so the output is the same on every machine.
        var c = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        c.NumberFormat.NumberDecimalSeparator = ",";
        c.NumberFormat.NumberGroupSeparator = ".";
        c.NumberFormat.PercentDecimalSeparator = ",";
        c.NumberFormat.PercentGroupSeparator = ".";
        c.NumberFormat.NegativeSign = "-";
        return c;
    }

    /// <summary>197810 → "197.810"; 134.19 with 1 decimal → "134,2"; null → "–".</summary>
    public static string Number(double? value, int decimals = 0)
    {
        if (value is null || double.IsNaN(value.Value)) return "–";
        var rounded = Math.Round(value.Value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0; // no "-0"
        return rounded.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);
    }

    /// <summary>134.1995 → "134,2%".</summary>
    public static string Percent(double? value, int decimals = 1) =>
        value is null ? "–" : Number(value, decimals) + "%";

    /// <summary>Growth with its sign: 29.6 → "+29,6%", -3 → "-3,0%".</summary>
    public static string SignedPercent(double? value, int decimals = 1) =>
        value is null ? "–" : (Math.Round(value.Value, decimals, MidpointRounding.AwayFromZero) > 0 ? "+" : "") + Number(value, decimals) + "%";

    /// <summary>A signed count or score change: 2 → "+2", -1.5 with 1 decimal → "-1,5".</summary>
    public static string Signed(double? value, int decimals = 0) =>
        value is null ? "–" : (Math.Round(value.Value, decimals, MidpointRounding.AwayFromZero) > 0 ? "+" : "") + Number(value, decimals);

    /// <summary>25/11/2026 (tables).</summary>
    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// "ngày 25 tháng 11 năm 2026": as the Party and state document rules write a date, a day below 10
    /// and the months 1 and 2 take a leading zero, nothing else ("ngày 05 tháng 6 năm 2026", "ngày 31
    /// tháng 01 năm 2026"). Every layer writes dates in words through this one function.
    /// </summary>
    public static string LongDate(DateOnly d) =>
        $"ngày {d.Day.ToString(d.Day < 10 ? "00" : "0", CultureInfo.InvariantCulture)} tháng {d.Month.ToString(d.Month < 3 ? "00" : "0", CultureInfo.InvariantCulture)} năm {d.Year}";
}
