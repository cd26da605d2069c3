using System.Globalization;
using System.Text;
using System.Text.Json;
using Analytics.Metrics;
using Analytics.Metrics.Catalogue;

namespace Analytics.Cli.Commands;

public sealed class MetricsCommand : ICommand
{
    public string Name => "metrics";
    public string Summary => "giá trị chỉ tiêu của một đơn vị tại một ngày / indicator values for a unit at a date";
    public string Help => """
        analytics metrics --db FILE --unit CODE --as-of DATE [--id PREFIX] [--all] [--format table|csv|json]

        Tính mọi chỉ tiêu (và các chiều phân tích) của đơn vị CODE tại ngày DATE, chỉ với số liệu
        đã biết tại ngày đó; mở kho dữ liệu ở chế độ chỉ đọc.
        Computes every indicator and breakdown of unit CODE as of DATE (YYYY-MM-DD or dd/MM/yyyy),
        from what was known at that date; the warehouse is opened read-only.

          --id PREFIX   chỉ các chỉ tiêu có mã bắt đầu bằng PREFIX / only ids starting with PREFIX
                        (--id staffing.transfers: đề xuất điều chuyển / staffing transfer suggestions)
          --all         bảng: cả các chiều phân tích (mặc định chỉ chỉ tiêu tổng hợp) / table: every
                        breakdown too (by default only the headline totals; --id shows its breakdowns)
          --format      table (mặc định, cho người đọc / default, for people), csv, json (always every value)

        Ví dụ / example:
          analytics metrics --db kho.duckdb --unit 31 --as-of 31/12/2025 --id revenue.
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--db", "--unit", "--as-of", "--id", "--all", "--format");
        var scope = ReviewScope.Parse(args);
        var id = args.Option("--id");
        var format = args.Option("--format") ?? "table";
        if (format is not ("table" or "csv" or "json"))
            throw new UsageException($"--format phải là table, csv hoặc json / must be table, csv or json (got '{format}')");
        if (id == "staffing.transfers")
            return TransfersCommand.Print(scope, format, stdout);

        using var connection = scope.OpenReadOnly();
        var metrics = new MetricsService(connection);
        var unit = scope.RequireUnit(metrics);
        var values = metrics.Compute(unit.Code, scope.AsOf, id);
        if (values.Count == 0 && id is not null && !IndicatorCatalogue.All.Any(d => d.Id.StartsWith(id, StringComparison.Ordinal)))
            throw new UsageException($"không có chỉ tiêu nào có mã bắt đầu bằng '{id}' / no indicator id starts with '{id}' (xem / see: analytics indicators)");

        switch (format)
        {
            case "json": WriteJson(values, stdout); break;
            case "csv": WriteCsv(values, stdout); break;
            default: WriteTable(values, unit, scope.AsOf, metrics, breakdowns: id is not null || args.Flag("--all"), stdout); break;
        }
        return ExitCode.Ok;
    }

    /// <summary>The array of CLI.md: {"id","unit_code","as_of","dims","value","unit","status"} per value.</summary>
    internal static void WriteJson(IReadOnlyList<MetricValue> values, TextWriter stdout)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var v in values)
            {
                json.WriteStartObject();
                json.WriteString("id", v.Id);
                json.WriteString("unit_code", v.UnitCode);
                json.WriteString("as_of", v.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteStartObject("dims");
                foreach (var (key, value) in v.Dims) json.WriteString(key, value);
                json.WriteEndObject();
                if (v.Value is { } number) json.WriteNumber("value", number); else json.WriteNull("value");
                json.WriteString("unit", v.Unit);
                if (v.Status is { } status) json.WriteString("status", status.Code()); else json.WriteNull("status");
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteCsv(IReadOnlyList<MetricValue> values, TextWriter stdout)
    {
        stdout.WriteLine("id,unit_code,as_of,dims,value,unit,status");
        foreach (var v in values)
        {
            var dims = JsonSerializer.Serialize(v.Dims, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            stdout.WriteLine(string.Join(",",
                Csv(v.Id), Csv(v.UnitCode), v.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Csv(dims),
                v.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "", Csv(v.Unit), v.Status?.Code() ?? ""));
        }
    }

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static readonly (string Area, string Title)[] Areas =
    [
        ("tasks", "NHIỆM VỤ (tasks)"),
        ("staffing", "ĐỘI NGŨ CÁN BỘ (staffing)"),
        ("indices", "CHỈ SỐ CÔNG BỐ: PAR INDEX, SIPAS, PCI (published indices)"),
        ("revenue", "THU NGÂN SÁCH, TĂNG TRƯỞNG (revenue, growth)"),
    ];

    /// <summary>
    /// For people: per area, the totals first, then (with --all or --id) each breakdown grouped under
    /// its heading. A province has thousands of breakdown values (per commune, category, component),
    /// so by default the table is the headline totals and says how to see the rest.
    /// </summary>
    private static void WriteTable(IReadOnlyList<MetricValue> values, UnitInfo unit, DateOnly asOf, MetricsService metrics, bool breakdowns, TextWriter stdout)
    {
        var names = metrics.Units().ToDictionary(u => u.Code, u => u.Name);
        string? UnitName(string code) => names.GetValueOrDefault(code);
        stdout.WriteLine($"Chỉ tiêu của {unit.Name} ({unit.Code}) tại {VietnameseFormat.LongDate(asOf)}");
        stdout.WriteLine($"(indicators of unit {unit.Code} as of {asOf:yyyy-MM-dd}; – : không có cơ sở tính / no basis)");
        const int nameWidth = 44;
        foreach (var (area, title) in Areas)
        {
            var inArea = values.Where(v => IndicatorCatalogue.Get(v.Id)?.Area == area).ToList();
            if (inArea.Count == 0) continue;
            stdout.WriteLine();
            stdout.WriteLine(title);
            foreach (var v in inArea.Where(v => v.Dims.Count == 0))
                stdout.WriteLine(Line("  ", v, nameWidth));
            if (!breakdowns) continue;
            var groups = inArea.Where(v => v.Dims.Count > 0)
                .GroupBy(v => string.Join("|", v.Dims.Keys))
                .SelectMany(byKind => byKind.GroupBy(v => MetricDisplay.Dims(v.Dims, UnitName)));
            foreach (var group in groups)
            {
                stdout.WriteLine($"  {group.Key}");
                foreach (var v in group) stdout.WriteLine(Line("    ", v, nameWidth - 2));
            }
        }
        var hidden = values.Count(v => v.Dims.Count > 0);
        if (!breakdowns && hidden > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Chỉ hiện các chỉ tiêu tổng hợp; {VietnameseFormat.Number(hidden)} giá trị theo chiều phân tích (đơn vị, nhóm, thành phần) xem bằng --all hoặc --id MÃ.");
            stdout.WriteLine($"(headline totals only; {hidden} breakdown values: add --all, or --id PREFIX for one area)");
        }
    }

    private static string Line(string indent, MetricValue v, int nameWidth)
    {
        var definition = IndicatorCatalogue.Get(v.Id)!;
        var status = MetricDisplay.Status(v.Status);
        return $"{indent}{definition.NameVi.PadRight(nameWidth)} {MetricDisplay.Value(definition, v.Value),16}{(status.Length > 0 ? "   " + status : "")}".TrimEnd();
    }
}
