using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Etl.Input;

namespace Analytics.Etl.Datasets;

/// <summary>How numbers are written in a text file: invariant (197810, 134.2) or Vietnamese (197.810, 134,2).</summary>
public enum NumberLocale { Invariant, Vietnamese }

/// <summary>A value that could not be read, with the reason in both languages.</summary>
public readonly record struct ParseProblem(string ReasonVi, string ReasonEn);

/// <summary>
/// Reads one cell as its column's type. Never guesses: a number that could be read two ways in the
/// declared form, a month-first date, or an unknown enum label is a problem, not a value.
/// </summary>
public static partial class ValueParser
{
    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$")] private static partial Regex InvariantNumber();
    [GeneratedRegex(@"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")] private static partial Regex VietnameseNumber();
    [GeneratedRegex(@"^[+-]?\d{1,3}(\.\d{3})+$")] private static partial Regex DottedThousands();

    /// <summary>
    /// True for text like "8.000" or "1.234.567": a whole number with Vietnamese thousands dots, or
    /// (once, with one group) an invariant decimal with three places. Only the file can tell which.
    /// </summary>
    public static bool LooksLikeDottedThousands(string text) => DottedThousands().IsMatch(text.Trim());
    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4})$")] private static partial Regex VietnameseDate();
    [GeneratedRegex(@"^(\d{4})-(\d{1,2})$")] private static partial Regex IsoMonth();
    [GeneratedRegex(@"^(\d{1,2})/(\d{4})$")] private static partial Regex VietnameseMonth();
    [GeneratedRegex(@"^(\d{4})(?:-(Q[1-4]|H[12]|9M))?$", RegexOptions.IgnoreCase)] private static partial Regex GrdpPeriodForm();

    /// <summary>Parses a non-empty cell. Returns the value (string, long, double, DateOnly, bool) or a problem.</summary>
    public static object? Parse(ColumnSpec column, Cell cell, NumberLocale locale, out ParseProblem? problem)
    {
        problem = null;
        var text = cell.Text.Trim();
        switch (column.Type)
        {
            case ColumnType.Text:
            case ColumnType.Code:
                return text;
            case ColumnType.CodeList:
                return string.Join(';', text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            case ColumnType.Integer:
            case ColumnType.Decimal:
                return ParseNumber(column, cell, text, locale, out problem);
            case ColumnType.Date:
                if (cell.Kind is CellKind.Number or CellKind.Percent)
                {
                    problem = new("ô là số, không phải ô ngày; hãy định dạng ô là ngày hoặc ghi YYYY-MM-DD",
                        "the cell is a number, not a date cell; format it as a date or write YYYY-MM-DD");
                    return null;
                }
                return ParseDate(text, out problem);
            case ColumnType.Month:
                return ParseMonth(cell, text, out problem);
            case ColumnType.GrdpPeriod:
                return ParseGrdpPeriod(text, out problem);
            case ColumnType.Boolean:
                switch (VietnameseFold.Fold(text))
                {
                    case "true" or "1" or "co": return true;
                    case "false" or "0" or "khong": return false;
                }
                problem = new("giá trị đúng/sai không hợp lệ; dùng true/false, 1/0 hoặc có/không",
                    "not a yes/no value; use true/false, 1/0 or có/không");
                return null;
            case ColumnType.Enum:
                if (column.MatchEnum(text) is { } code) return code;
                var allowed = string.Join(", ", column.Values.Select(v => v.Code));
                problem = new($"giá trị không thuộc danh mục; cho phép: {allowed}", $"not an allowed value; allowed: {allowed}");
                return null;
            default:
                throw new InvalidOperationException($"unknown column type {column.Type}");
        }
    }

    private static object? ParseNumber(ColumnSpec column, Cell cell, string text, NumberLocale locale, out ParseProblem? problem)
    {
        problem = null;
        decimal number;
        if (cell.Kind is CellKind.Number or CellKind.Percent)
        {
            var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) > (cell.Kind == CellKind.Percent ? 7.9e26 : 7.9e28)) { problem = NotANumber(locale); return null; }
            number = (decimal)d;
            if (cell.Kind == CellKind.Percent)
            {
                // Excel stores 35% as 0.35; a percent column holds 35
                if (!column.Percent)
                {
                    problem = new("ô định dạng phần trăm (%) trong cột không tính bằng phần trăm; hãy bỏ định dạng % và ghi đúng số",
                        "a percent-formatted cell in a column that is not a percentage; remove the % format and write the number itself");
                    return null;
                }
                number *= 100;
            }
        }
        else if (IsPlainInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            // fast path for the common case (counts, years): digits only, same in both number forms
            number = whole;
        }
        else if (locale == NumberLocale.Invariant)
        {
            if (column.Type == ColumnType.Integer && DottedThousands().IsMatch(text))
            {
                // "8.000" in a count is eight thousand written the Vietnamese way, never 8
                problem = new($"số nguyên viết có dấu chấm ({text}): dấu chấm phân cách hàng nghìn? hãy ghi {text.Replace(".", "", StringComparison.Ordinal)}, hoặc nạp lại với --locale vi",
                    $"a whole number written with dots ({text}): are they thousands separators? write {text.Replace(".", "", StringComparison.Ordinal)}, or load again with --locale vi");
                return null;
            }
            if (!InvariantNumber().IsMatch(text))
            {
                problem = text.Any(char.IsLetter) ? NotANumber(locale)
                    : text.Contains(',')
                    ? new("số có dấu phẩy không đọc được một cách chắc chắn (dấu thập phân hay phân cách hàng nghìn?); dạng chuẩn: 1234.5, hoặc dùng --locale vi cho dạng 1.234,5",
                        "ambiguous number: is the comma a decimal or a thousands separator? write 1234.5, or use --locale vi for 1.234,5")
                    : NotANumber(locale);
                return null;
            }
            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
            { problem = NotANumber(locale); return null; }
        }
        else
        {
            if (!VietnameseNumber().IsMatch(text))
            {
                problem = text.Any(char.IsLetter) ? NotANumber(locale)
                    : text.Contains('.') && text.Contains(',') || text.Contains('.')
                    ? new("số không đúng dạng Việt Nam (dấu chấm phân cách hàng nghìn theo nhóm 3 chữ số, dấu phẩy thập phân: 1.234.567,5)",
                        "ambiguous number in the Vietnamese form (dot groups thousands in threes, comma is the decimal mark: 1.234.567,5)")
                    : NotANumber(locale);
                return null;
            }
            var normalized = text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
            if (!decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
            { problem = NotANumber(locale); return null; }
        }

        if (column.Type == ColumnType.Integer && number != decimal.Truncate(number))
        {
            problem = new("phải là số nguyên", "must be a whole number");
            return null;
        }
        var value = (double)number;
        if (column.Min is { } min && (column.MinExclusive ? value <= min : value < min))
        {
            var bound = min.ToString(CultureInfo.InvariantCulture);
            problem = column.MinExclusive
                ? new($"phải lớn hơn {bound}", $"must be greater than {bound}")
                : new($"không được nhỏ hơn {bound}", $"must not be less than {bound}");
            return null;
        }
        if (column.Max is { } max && value > max)
        {
            var bound = max.ToString(CultureInfo.InvariantCulture);
            problem = new($"không được lớn hơn {bound}", $"must not be greater than {bound}");
            return null;
        }
        if (column.Type == ColumnType.Integer)
        {
            if (number > long.MaxValue || number < long.MinValue) { problem = NotANumber(locale); return null; }
            return (long)number;
        }
        return value;
    }

    private static bool IsPlainInteger(string text)
    {
        if (text.Length is 0 or > 18) return false;
        var start = text[0] == '-' ? 1 : 0;
        if (start == text.Length) return false;
        for (var i = start; i < text.Length; i++) if (!char.IsAsciiDigit(text[i])) return false;
        return true;
    }

    private static ParseProblem NotANumber(NumberLocale locale) => locale == NumberLocale.Invariant
        ? new("không phải là số (dạng chuẩn: 197810 hoặc 134.2)", "not a number (invariant form: 197810 or 134.2)")
        : new("không phải là số (dạng Việt Nam: 197.810 hoặc 134,2)", "not a number (Vietnamese form: 197.810 or 134,2)");

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    public static DateOnly? ParseDate(string text, out ParseProblem? problem)
    {
        problem = null;
        int y, m, d;
        if (text.Length == 10 && text[4] == '-' && text[7] == '-' && AllDigits(text.AsSpan(0, 4)) && AllDigits(text.AsSpan(5, 2)) && AllDigits(text.AsSpan(8, 2)))
        {
            y = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
            m = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
            d = int.Parse(text.AsSpan(8, 2), CultureInfo.InvariantCulture);
        }
        else
        {
            var vn = VietnameseDate().Match(text);
            if (!vn.Success)
            {
                problem = new("ngày không đúng dạng YYYY-MM-DD hoặc dd/MM/yyyy", "not a date in the form YYYY-MM-DD or dd/MM/yyyy");
                return null;
            }
            d = int.Parse(vn.Groups[1].Value, CultureInfo.InvariantCulture); m = int.Parse(vn.Groups[2].Value, CultureInfo.InvariantCulture); y = int.Parse(vn.Groups[3].Value, CultureInfo.InvariantCulture);
        }
        if (y < 1900 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            problem = new("ngày không tồn tại (ngày/tháng/năm)", "no such date (day/month/year)");
            return null;
        }
        return new DateOnly(y, m, d);
    }

    private static DateOnly? ParseMonth(Cell cell, string text, out ParseProblem? problem)
    {
        problem = null;
        if (cell.Kind == CellKind.Date)
        {
            var date = DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (date.Day == 1) return date;
            problem = new("ô ngày không phải ngày đầu tháng; ghi tháng dạng YYYY-MM", "the date cell is not the first of a month; write the month as YYYY-MM");
            return null;
        }
        int y, m;
        var iso = IsoMonth().Match(text);
        if (iso.Success) { y = int.Parse(iso.Groups[1].Value, CultureInfo.InvariantCulture); m = int.Parse(iso.Groups[2].Value, CultureInfo.InvariantCulture); }
        else
        {
            var vn = VietnameseMonth().Match(text);
            if (!vn.Success)
            {
                problem = new("tháng không đúng dạng YYYY-MM hoặc MM/YYYY", "not a month in the form YYYY-MM or MM/YYYY");
                return null;
            }
            m = int.Parse(vn.Groups[1].Value, CultureInfo.InvariantCulture); y = int.Parse(vn.Groups[2].Value, CultureInfo.InvariantCulture);
        }
        if (y < 1900 || m is < 1 or > 12)
        {
            problem = new("tháng không tồn tại", "no such month");
            return null;
        }
        return new DateOnly(y, m, 1);
    }

    private static string? ParseGrdpPeriod(string text, out ParseProblem? problem)
    {
        problem = null;
        var match = GrdpPeriodForm().Match(text);
        if (!match.Success)
        {
            problem = new("kỳ không đúng dạng YYYY, YYYY-Qn, YYYY-Hn hoặc YYYY-9M", "not a period in the form YYYY, YYYY-Qn, YYYY-Hn or YYYY-9M");
            return null;
        }
        return match.Groups[2].Success ? $"{match.Groups[1].Value}-{match.Groups[2].Value.ToUpperInvariant()}" : match.Groups[1].Value;
    }
}
