using System.Globalization;
using Analytics.Warehouse;
using Analytics.Metrics;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Cli.Commands;

/// <summary>
/// What a review command looks at: a warehouse file, a unit and an as-of date (--db, --unit,
/// --as-of), opened read-only. Refuses what cannot be right before computing anything.
/// </summary>
internal sealed record ReviewScope(string DbPath, string UnitCode, DateOnly AsOf)
{
    public static ReviewScope Parse(Arguments args) =>
        new(args.Required("--db"), args.Required("--unit").Trim(), ParseDate(args.Required("--as-of")));

    /// <summary>YYYY-MM-DD or dd/MM/yyyy (Vietnamese order); never MM/dd.</summary>
    public static DateOnly ParseDate(string text)
    {
        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"ngày không hợp lệ / invalid date '{text}': dùng YYYY-MM-DD hoặc dd/MM/yyyy (use YYYY-MM-DD or dd/MM/yyyy)");
    }

    /// <summary>Opens the warehouse read-only; a missing file or a warehouse without the metrics layer is a usage error.</summary>
    public DuckDBConnection OpenReadOnly()
    {
        if (!File.Exists(DbPath))
            throw new UsageException($"không tìm thấy kho dữ liệu / warehouse not found: {DbPath} (tạo bằng / create it with: analytics init --db {DbPath})");
        var connection = WarehouseFile.Open(DbPath, readOnly: true);
        var stale = WarehouseFile.StaleModels(connection);
        if (stale.Count == 0) return connection;
        connection.Dispose();
        throw new UsageException($"lớp chỉ tiêu của kho dữ liệu {DbPath} chưa được cập nhật / the warehouse's metrics layer is missing or out of date "
            + $"({string.Join(", ", stale.Take(3))}{(stale.Count > 3 ? ", …" : "")}): chạy / run analytics init --db {DbPath}");
    }

    /// <summary>The unit, or a clear message naming the codes that exist at the top of the tree.</summary>
    public UnitInfo RequireUnit(MetricsService metrics)
    {
        if (metrics.Unit(UnitCode) is { } unit) return unit;
        var top = metrics.Units().Where(u => u.ParentCode is null).Select(u => $"{u.Code} ({u.Name})").Take(10).ToList();
        throw new UsageException($"không có đơn vị mã '{UnitCode}' trong kho dữ liệu / unknown unit code '{UnitCode}'"
            + (top.Count > 0 ? $"; các đơn vị cấp tỉnh / top-level units: {string.Join(", ", top)}" : "; kho dữ liệu chưa có đơn vị nào / the warehouse has no units yet"));
    }
}
