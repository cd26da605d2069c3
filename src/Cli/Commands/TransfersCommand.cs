using System.Globalization;
using System.Text.Json;
using Analytics.Metrics;
using Analytics.Metrics.Catalogue;

namespace Analytics.Cli.Commands;

public sealed class TransfersCommand : ICommand
{
    public string Name => "transfers";
    public string Summary => "đề xuất điều chuyển cán bộ giữa các đơn vị / staffing transfer suggestions";
    public string Help => """
        analytics transfers --db FILE --unit CODE --as-of DATE [--format table|csv|json]

        Đề xuất điều chuyển cụ thể trong phạm vi đơn vị CODE tại ngày DATE: từ đơn vị thừa sang đơn
        vị thiếu cùng nhóm và lĩnh vực, ưu tiên trong cùng cụm xã; tổng số người bằng chỉ tiêu
        "Có thể điều chuyển nội bộ" (staffing.rebalance_potential).
        Concrete moves inside unit CODE's roll-up at DATE, from a surplus to a shortage of the same
        position group and specialty, same cluster first; they add up to staffing.rebalance_potential.

        Ví dụ / example:
          analytics transfers --db kho.duckdb --unit 31 --as-of 2026-03-31
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--db", "--unit", "--as-of", "--format");
        var format = args.Option("--format") ?? "table";
        if (format is not ("table" or "csv" or "json"))
            throw new UsageException($"--format phải là table, csv hoặc json / must be table, csv or json (got '{format}')");
        return Print(ReviewScope.Parse(args), format, stdout);
    }

    internal static int Print(ReviewScope scope, string format, TextWriter stdout)
    {
        using var connection = scope.OpenReadOnly();
        var metrics = new MetricsService(connection);
        var unit = scope.RequireUnit(metrics);
        var transfers = metrics.Transfers(unit.Code, scope.AsOf);
        switch (format)
        {
            case "json":
                stdout.WriteLine(JsonSerializer.Serialize(transfers.Select(t => new Dictionary<string, object>
                {
                    ["from_unit"] = t.FromUnit, ["to_unit"] = t.ToUnit, ["position_group"] = t.PositionGroup,
                    ["specialty"] = t.Specialty, ["people"] = t.People, ["same_cluster"] = t.SameCluster,
                }), new JsonSerializerOptions { WriteIndented = true }));
                break;
            case "csv":
                stdout.WriteLine("from_unit,to_unit,position_group,specialty,people,same_cluster");
                foreach (var t in transfers)
                    stdout.WriteLine(string.Join(",", t.FromUnit, t.ToUnit, t.PositionGroup, t.Specialty,
                        t.People.ToString(CultureInfo.InvariantCulture), t.SameCluster ? "true" : "false"));
                break;
            default:
                stdout.WriteLine($"Đề xuất điều chuyển cán bộ trong {unit.Name} ({unit.Code}) tại {VietnameseFormat.LongDate(scope.AsOf)}");
                stdout.WriteLine("(staffing transfer suggestions; same cluster first)");
                stdout.WriteLine();
                if (transfers.Count == 0)
                {
                    stdout.WriteLine("Không có đơn vị thừa và đơn vị thiếu cùng nhóm, cùng lĩnh vực / no surplus matches a shortage.");
                    break;
                }
                foreach (var t in transfers)
                {
                    var group = IndicatorCatalogue.DimensionValueVi("position_group", t.PositionGroup) ?? t.PositionGroup;
                    var specialty = IndicatorCatalogue.DimensionValueVi("specialty", t.Specialty) ?? t.Specialty;
                    stdout.WriteLine($"  {VietnameseFormat.Number(t.People),4} người  {group}, {specialty}: {t.FromUnitName} ({t.FromUnit}) → {t.ToUnitName} ({t.ToUnit}){(t.SameCluster ? "" : "  [khác cụm / across clusters]")}");
                }
                stdout.WriteLine();
                stdout.WriteLine($"Tổng / total: {VietnameseFormat.Number(transfers.Sum(t => t.People))} người (= staffing.rebalance_potential)");
                break;
        }
        return ExitCode.Ok;
    }
}
