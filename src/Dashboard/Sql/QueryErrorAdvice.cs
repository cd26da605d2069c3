using System.Text.RegularExpressions;

namespace Analytics.Dashboard.Sql;

/// <summary>
/// What to tell an analyst, in Vietnamese, when DuckDB cannot bind a query to the catalogue: a
/// schema used as a table ("`metrics` là một schema; thử `SELECT * FROM metrics.indicator_values`"),
/// a view named without its schema, an unknown schema or column, a syntax error. The engine's own
/// message is still shown beside it (under "Chi tiết kỹ thuật"), never alone.
/// </summary>
public static partial class QueryErrorAdvice
{
    /// <summary>One table or view of the warehouse.</summary>
    public sealed record CatalogObject(string Schema, string Name, bool IsView);

    /// <summary>The advice for the engine's message, or null when there is none better than the message itself.</summary>
    public static string? For(string message, IReadOnlyList<CatalogObject> catalog)
    {
        var schemas = catalog.Select(o => o.Schema).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (MissingTable().Match(message) is { Success: true } t)
        {
            var name = t.Groups["name"].Value;
            var inSchema = catalog.Where(o => o.Schema.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (inSchema.Count > 0)
            {
                var example = inSchema.FirstOrDefault(o => o.Name == "indicator_values") ?? inSchema.FirstOrDefault(o => o.IsView) ?? inSchema[0];
                return $"`{name}` là một schema (lược đồ), không phải một bảng; thử `SELECT * FROM {example.Schema}.{example.Name}`. "
                    + $"Trong `{name}` có: {List(inSchema)}.";
            }
            var same = catalog.Where(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (same.Count > 0)
                return $"Không có bảng `{name}` ở schema mặc định; cần ghi kèm schema: thử `SELECT * FROM {same[0].Schema}.{same[0].Name}`"
                    + (same.Count > 1 ? $" (hoặc {string.Join(", ", same.Skip(1).Select(o => $"`{o.Schema}.{o.Name}`"))})" : "") + ".";
            var metricsViews = catalog.Where(o => o.Schema == "metrics" && o.IsView).ToList();
            return $"Không có bảng hay view tên `{name}`. Các view chỉ tiêu: {List(metricsViews)}; các schema: {string.Join(", ", schemas.Select(s => $"`{s}`"))}. "
                + "Xem trang Từ điển dữ liệu để biết mọi bảng và cột.";
        }
        if (MissingSchema().Match(message) is { Success: true } s)
            return $"Không có schema `{s.Groups["name"].Value}`. Các schema có: {string.Join(", ", schemas.Select(x => $"`{x}`"))}; "
                + "thử `SELECT * FROM metrics.indicator_values`.";
        if (MissingColumn().Match(message) is { Success: true } c)
        {
            var candidates = Candidates().Match(message) is { Success: true } m ? m.Groups["list"].Value.Trim() : null;
            return $"Không có cột `{c.Groups["name"].Value}` trong các bảng của mệnh đề FROM"
                + (string.IsNullOrEmpty(candidates) ? "" : $"; các cột gần giống: {candidates}")
                + ". Dùng `DESCRIBE tên_bảng` để xem các cột.";
        }
        if (SyntaxError().Match(message) is { Success: true } x)
            return $"Câu SQL sai cú pháp gần `{x.Groups["near"].Value}`. Kiểm tra dấu phẩy, dấu ngoặc và từ khóa (SELECT … FROM … WHERE …).";
        return null;
    }

    private static string List(IReadOnlyList<CatalogObject> objects) =>
        string.Join(", ", objects.Take(20).Select(o => $"`{o.Schema}.{o.Name}`")) + (objects.Count > 20 ? $" và {objects.Count - 20} mục khác" : "");

    [GeneratedRegex(@"Table with name (?<name>[^\s!]+) does not exist", RegexOptions.IgnoreCase)]
    private static partial Regex MissingTable();

    [GeneratedRegex(@"Schema with name (?<name>[^\s!]+) does not exist", RegexOptions.IgnoreCase)]
    private static partial Regex MissingSchema();

    [GeneratedRegex(@"Referenced column ""?(?<name>[^""\s]+)""? not found", RegexOptions.IgnoreCase)]
    private static partial Regex MissingColumn();

    [GeneratedRegex(@"Candidate bindings:(?<list>[^\n]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Candidates();

    [GeneratedRegex(@"syntax error at or near ""(?<near>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex SyntaxError();
}
