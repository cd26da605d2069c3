using System.Text;
using Analytics.Warehouse;
using Analytics.Metrics;
using Analytics.Reports.Briefing;
using Analytics.Reports.Documents;
using Analytics.Reports.Rendering;
using Dapper;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests;

/// <summary>
/// The unit-standard section of the briefing and the commune brief, from a warehouse of province 98:
///   Xã Bắc (mien_nui) 5.000 people, 120 km²   → 125 % of the mien_nui 4.000 and 400 % of 30 km²: meets both
///   Xã Nam            20.000, 25 km²           → 83,3 % of 30 km²: short
///   Phường Đông       30.000, 4 km²            → 72,7 % of 5,5 km²: short
///   Xã Tây (dong_bang) 15.000, no area         → 93,8 % of 16.000: short; area not assessed
/// </summary>
public sealed class UnitStandardBriefingTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 3, 31);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "reports-standards-" + Guid.NewGuid().ToString("N"));
    private string DbPath => Path.Combine(_dir, "w.duckdb");

    public UnitStandardBriefingTests()
    {
        Directory.CreateDirectory(_dir);
        using var c = WarehouseFile.OpenMigrated(DbPath);
        c.Execute("""
            insert into raw.units (unit_code, unit_name, unit_type, parent_code, region, population, area_km2, row_hash, load_id) values
                ('98', 'Tỉnh Mẫu', 'tinh', null, null, 1000000, 3000, 'h', 1),
                ('09801', 'Xã Bắc', 'xa', '98', 'mien_nui', 5000, 120, 'h', 1),
                ('09802', 'Xã Nam', 'xa', '98', null, 20000, 25, 'h', 1),
                ('09803', 'Phường Đông', 'phuong', '98', null, 30000, 4, 'h', 1),
                ('09804', 'Xã Tây', 'xa', '98', 'dong_bang', 15000, null, 'h', 1);
            insert into raw.unit_standards (unit_type, region, criterion, minimum, source, row_hash, load_id) values
                ('xa', '*', 'population', 16000, 'NQ chung (ví dụ)', 'h', 1),
                ('xa', '*', 'area_km2', 30, 'NQ chung (ví dụ)', 'h', 1),
                ('xa', 'mien_nui', 'population', 4000, 'NQ miền núi (ví dụ)', 'h', 1),
                ('phuong', '*', 'area_km2', 5.5, 'NQ phường (ví dụ)', 'h', 1);
            """);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Normalize(NormalizationForm.FormC);
    }

    private BriefingData Gather(string unit)
    {
        using var connection = WarehouseFile.Open(DbPath, readOnly: true);
        return BriefingBuilder.Gather(new MetricsService(connection), unit, AsOf);
    }

    [Fact]
    public void The_briefing_table_and_its_paragraph_agree_and_name_each_source()
    {
        var data = Gather("98");
        var doc = BriefingContent.Build(data, new BriefingOptions());
        var bytes = new PdfRenderer().RenderToBytes(doc);
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("standards"), "briefing-98.pdf"), bytes);
        var text = PdfText(bytes);

        Assert.Contains("ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CHƯA ĐẠT TIÊU CHUẨN", text);
        Assert.Contains("trong 4 đơn vị hành chính cấp xã được đối chiếu có 3 đơn vị chưa đạt ít nhất một tiêu chuẩn (dân số: 1 đơn vị; diện tích tự nhiên: 2 đơn vị)", text);
        Assert.Contains("Có 1 đơn vị chưa có đủ số liệu diện tích tự nhiên để đối chiếu", text);
        Assert.Contains("Đơn vị hành chính cấp xã chưa đạt tiêu chuẩn (3 đơn vị)", text);
        // rows in order, furthest below first, each with figure, minimum, % and its source's number
        Assert.Contains("1 Phường Đông Diện tích tự nhiên (km²) 4,00 5,50 72,7% (1)", text);
        Assert.Contains("2 Xã Nam Diện tích tự nhiên (km²) 25,00 30,00 83,3% (2)", text);
        Assert.Contains("3 Xã Tây Dân số 15.000 16.000 93,8% (2)", text);
        Assert.Contains("Căn cứ: (1) NQ phường (ví dụ); (2) NQ chung (ví dụ).", text);
        Assert.DoesNotContain("Xã Bắc", text);   // meets its mien_nui standard

        // the table's numbered units are as many as the paragraph says
        var table = Assert.Single(doc.Blocks.OfType<TableBlock>(), t => t.Caption!.StartsWith(UnitStandardContent.TableCaption, StringComparison.Ordinal));
        Assert.Equal(3, table.Rows.Count(r => r[0] != ""));
        Assert.Equal(data.Standards.BelowStandard, table.Rows.Count(r => r[0] != ""));
    }

    [Fact]
    public void The_commune_brief_gives_the_communes_own_percentages()
    {
        var tay = PdfText(new PdfRenderer().RenderToBytes(CommuneBriefContent.Build(Gather("09804"), new BriefingOptions())));
        Assert.Contains("Tiêu chuẩn đơn vị hành chính: dân số 15.000 người, bằng 93,8% tiêu chuẩn 16.000 người (chưa đạt); diện tích tự nhiên: chưa có số liệu (tiêu chuẩn 30,00 km²). Căn cứ: NQ chung (ví dụ).", tay);

        var bac = PdfText(new PdfRenderer().RenderToBytes(CommuneBriefContent.Build(Gather("09801"), new BriefingOptions())));
        Assert.Contains("dân số 5.000 người, bằng 125,0% tiêu chuẩn 4.000 người (đạt); diện tích tự nhiên 120,00 km², bằng 400,0% tiêu chuẩn 30,00 km² (đạt)", bac);
        Assert.Contains("NQ miền núi (ví dụ); NQ chung (ví dụ)", bac);
    }

    [Fact]
    public void Without_standards_the_briefing_has_no_such_section()
    {
        using (var c = WarehouseFile.Open(DbPath)) c.Execute("delete from raw.unit_standards");
        var text = PdfText(new PdfRenderer().RenderToBytes(BriefingContent.Build(Gather("98"), new BriefingOptions())));
        Assert.DoesNotContain("TIÊU CHUẨN", text);
        Assert.DoesNotContain("Tiêu chuẩn đơn vị hành chính", PdfText(new PdfRenderer().RenderToBytes(CommuneBriefContent.Build(Gather("09802"), new BriefingOptions()))));
    }
}
