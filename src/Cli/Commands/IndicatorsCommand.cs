using System.Text.Json;
using Analytics.Metrics;
using Analytics.Metrics.Catalogue;

namespace Analytics.Cli.Commands;

public sealed class IndicatorsCommand : ICommand
{
    public string Name => "indicators";
    public string Summary => "danh mục chỉ tiêu / the indicator catalogue";
    public string Help => """
        analytics indicators [--format table|json]

        In danh mục chỉ tiêu: mã, tên, đơn vị tính, chiều tốt hơn, định nghĩa, chiều phân tích.
        Prints the indicator catalogue: id, name, unit, direction, definition, breakdowns.
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--format");
        var format = args.Option("--format") ?? "table";
        switch (format)
        {
            case "json":
                stdout.WriteLine(JsonSerializer.Serialize(IndicatorCatalogue.All.Select(d => new
                {
                    id = d.Id, area = d.Area, name_vi = d.NameVi, name_en = d.NameEn, unit = d.Unit,
                    better = Better(d.Better), definition = d.Definition, dimensions = d.Breakdowns,
                }), new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return ExitCode.Ok;
            case "table":
                foreach (var d in IndicatorCatalogue.All)
                {
                    var better = d.Better switch { Direction.Higher => "cao hơn là tốt / higher", Direction.Lower => "thấp hơn là tốt / lower", _ => "–" };
                    stdout.WriteLine($"{d.Id}");
                    stdout.WriteLine($"    {d.NameVi} ({d.NameEn}) · {d.Unit} · {better}");
                    stdout.WriteLine($"    {d.Definition}");
                    if (d.Breakdowns.Count > 0)
                        stdout.WriteLine($"    chiều / dims: {string.Join(", ", d.Breakdowns.Select(b => "{" + string.Join(", ", b) + "}"))}");
                }
                return ExitCode.Ok;
            default:
                throw new UsageException($"--format phải là table hoặc json / must be table or json (got '{format}')");
        }
    }

    private static string Better(Direction d) => d switch { Direction.Higher => "higher", Direction.Lower => "lower", _ => "none" };
}
