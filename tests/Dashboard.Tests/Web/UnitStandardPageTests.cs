using System.Text.RegularExpressions;
using Dapper;
using Analytics.Warehouse;

namespace Analytics.Dashboard.Tests.Web;

/// <summary>
/// The staffing page's unit-standard table and filter over province 98: Phường Một (30.000 people,
/// 4 km²) is below the phường area minimum 5,5 (72,7%); Xã Hai (20.000, 40 km²) meets 16.000 and 30.
/// </summary>
public sealed class UnitStandardPageTests : IAsyncLifetime
{
    private readonly TestWarehouse _w = new();
    private RunningServer _s = null!;

    public async Task InitializeAsync()
    {
        using (var c = WarehouseFile.Open(_w.DbPath))
            c.Execute("""
                update raw.units set unit_name = 'Xã Hai', population = 20000, area_km2 = 40 where unit_code = '98002';
                update raw.units set population = 30000, area_km2 = 4 where unit_code = '98001';
                insert into raw.unit_standards (unit_type, region, criterion, minimum, source, row_hash, load_id) values
                    ('xa', '*', 'population', 16000, 'NQ ví dụ', 'h', 1), ('xa', '*', 'area_km2', 30, 'NQ ví dụ', 'h', 1),
                    ('phuong', '*', 'area_km2', 5.5, 'NQ ví dụ', 'h', 1);
                """);
        _s = await RunningServer.Start(new DashboardOptions(_w.DbPath));
    }

    public async Task DisposeAsync()
    {
        await _s.DisposeAsync();
        _w.Dispose();
    }

    private static string Table(string html) =>
        Regex.Match(html, "<table class=\"data\" id=\"tieu-chuan\">.*?</table>", RegexOptions.Singleline).Value;

    [Fact]
    public async Task The_staffing_page_shows_each_commune_against_its_standard_and_filters_to_those_below()
    {
        var all = Table(await _s.Http.GetStringAsync("/staffing?unit=98"));
        Assert.Contains("Phường Một", all);
        Assert.Contains("Xã Hai", all);
        Assert.Contains("72,7%", all);          // 4 ÷ 5,5
        Assert.Contains("125,0%", all);         // 20.000 ÷ 16.000
        Assert.Contains(">Chưa đạt<", all);
        Assert.Contains(">Đạt<", all);

        var below = Table(await _s.Http.GetStringAsync("/staffing?unit=98&tieu_chuan=chua_dat"));
        Assert.Contains("Phường Một", below);
        Assert.DoesNotContain("Xã Hai", below);

        var csv = await _s.Http.GetStringAsync("/table/staffing/tieu-chuan.csv?unit=98&tieu_chuan=chua_dat");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);          // the header and Phường Một: the filter on screen is the filter in the file
        // the vi-VN Excel CSV: ';' between fields, values as shown, the verdict's code in its twin column
        Assert.StartsWith("Phường Một;", lines[1]);
        Assert.Contains(";chua_dat", lines[1]);
    }
}
