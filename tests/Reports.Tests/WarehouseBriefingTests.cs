using System.Text;
using Analytics.Warehouse;
using Analytics.Metrics;
using Analytics.Reports.Briefing;
using Analytics.Reports.Rendering;
using Dapper;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests;

/// <summary>
/// The briefing from a real warehouse: the shared acceptance examples (province 98, hand-computed
/// values in acceptance/expected.tsv) filled into raw.*, reopened read-only as the CLI does.
/// </summary>
public sealed class WarehouseBriefingTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "reports-tests-" + Guid.NewGuid().ToString("N"));
    private static readonly DateOnly AsOf = new(2026, 3, 31);

    public WarehouseBriefingTests()
    {
        Directory.CreateDirectory(_dir);
        using var c = WarehouseFile.OpenMigrated(DbPath);
        var sql = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "acceptance_examples.sql"))
            .Replace("{examples}", RepoPaths.AcceptanceExamples.Replace("'", "''"), StringComparison.Ordinal);
        c.Execute(sql);
    }

    private string DbPath => Path.Combine(_dir, "w.duckdb");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Briefing_from_the_acceptance_warehouse_says_the_hand_computed_numbers()
    {
        using var connection = WarehouseFile.Open(DbPath, readOnly: true);
        var metrics = new MetricsService(connection);
        var data = BriefingBuilder.Gather(metrics, "98", AsOf);
        Assert.Equal("Tỉnh Mẫu", data.UnitName);
        Assert.Equal(48, data.Revenue.TotalYtd);      // expected.tsv: revenue.ytd tong_thu = 48
        Assert.Equal(7, data.Tasks.Total);            // tasks.total = 7
        Assert.Equal(3, data.Staffing.Shortage);      // staffing.shortage = 3
        Assert.Single(data.Tasks.OverdueTasks);       // tasks.overdue = 1

        var doc = BriefingContent.Build(data, new BriefingOptions { Number = "Số 5-BC/TU", Issued = AsOf });
        var bytes = new PdfRenderer().RenderToBytes(doc);
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("warehouse"), "briefing-98.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Normalize(NormalizationForm.FormC);
        Assert.Contains("TỈNH ỦY MẪU", text);
        Assert.DoesNotContain("ĐẢNG BỘ", text);
        Assert.Contains("Mẫu, ngày 31 tháng 3 năm 2026", text);
        Assert.Contains("đạt 48 tỷ đồng", text);
        Assert.Contains("Tổng số nhiệm vụ được giao là 7", text);
        Assert.Contains("còn thiếu 3 người", text);
        Assert.Contains(data.Tasks.OverdueTasks[0].TaskId, text);
        Assert.Contains("units.csv", text); // the data line names the files behind the numbers
        Assert.All(pdf.GetPages(), p => Assert.NotEmpty(p.GetWords()));
    }

    [Fact]
    public void Index_components_read_with_their_Vietnamese_names_and_unknown_codes_as_given()
    {
        using (var c = WarehouseFile.Open(DbPath))
            c.Execute("""
                insert into raw.admin_indices (year, index_code, unit_code, component, score, max_score, row_hash, load_id) values
                    (2025, 'PAR_INDEX', '98', 'thu_tuc_hanh_chinh', 6, 12.5, 'a', 0),
                    (2025, 'PAR_INDEX', '98', 'C9', 9, 10, 'b', 0)
                """);
        using var connection = WarehouseFile.Open(DbPath, readOnly: true);
        var data = BriefingBuilder.Gather(new MetricsService(connection), "98", AsOf);
        var par = Assert.Single(data.Indices.Latest, i => i.Index == "PAR INDEX");
        Assert.Equal("Thủ tục hành chính", par.WeakestComponent); // 6 / 12,5 = 48% < 9 / 10 = 90%
        Assert.Equal(48, par.WeakestPct!.Value, 8);
        Assert.Equal(["C9", "Thủ tục hành chính"], data.Indices.Components.Select(x => x.Component).Order(StringComparer.Ordinal));

        var bytes = new PdfRenderer().RenderToBytes(BriefingContent.Build(data, new BriefingOptions()));
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Normalize(NormalizationForm.FormC);
        Assert.Contains("Thành phần thấp nhất là \"Thủ tục hành chính\", đạt 48,0%", text);
        Assert.DoesNotContain("thu_tuc_hanh_chinh", text);
    }
}

public sealed class ReportCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "reports-cli-" + Guid.NewGuid().ToString("N"));

    public ReportCommandTests()
    {
        Directory.CreateDirectory(_dir);
        using var c = WarehouseFile.OpenMigrated(Path.Combine(_dir, "w.duckdb"));
        c.Execute(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "acceptance_examples.sql"))
            .Replace("{examples}", RepoPaths.AcceptanceExamples.Replace("'", "''"), StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Analytics.Cli.CommandLine.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Report_writes_the_briefing_the_commune_briefs_and_the_figure_pack()
    {
        var db = Path.Combine(_dir, "w.duckdb");
        var outDir = Path.Combine(_dir, "out");
        var briefing = Run("report", "--db", db, "--unit", "98", "--as-of", "2026-03-31", "--out", outDir, "--number", "Số 9-BC/TU");
        Assert.True(briefing.Code == 0, briefing.Err);
        var pdfPath = Path.Combine(outDir, "bao-cao-98-2026-03-31.pdf");
        Assert.Contains(pdfPath, briefing.Out);
        using (var pdf = PdfDocument.Open(pdfPath))
            Assert.Contains("Số 9-BC/TU", string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormC));

        var communes = Run("report", "--db", db, "--unit", "98", "--as-of", "2026-03-31", "--out", outDir, "--kind", "commune");
        Assert.True(communes.Code == 0, communes.Err);
        var briefs = Directory.GetFiles(outDir, "tom-tat-*.pdf").Where(f => !f.EndsWith("-tap-hop.pdf", StringComparison.Ordinal)).ToList();
        Assert.True(briefs.Count >= 2);
        Assert.All(briefs, b => { using var p = PdfDocument.Open(b); Assert.Equal(1, p.NumberOfPages); });
        using (var booklet = PdfDocument.Open(Path.Combine(outDir, "tom-tat-98-2026-03-31-tap-hop.pdf")))
        {
            Assert.Equal(briefs.Count + 2, booklet.NumberOfPages); // a cover and the contents, then a page per commune
            Assert.True(booklet.TryGetBookmarks(out var marks));
            Assert.Equal(briefs.Count, marks.GetNodes().Count(n => n.Title.Contains("(mã ", StringComparison.Ordinal)));
        }

        var figures = Run("report", "--db", db, "--unit", "98", "--as-of", "2026-03-31", "--out", outDir, "--kind", "figures");
        Assert.True(figures.Code == 0, figures.Err);
        var packDir = Path.Combine(outDir, "bieu-do-98-2026-03-31");
        Assert.True(File.Exists(Path.Combine(packDir, "contact-sheet.png")));
        Assert.NotEmpty(Directory.GetFiles(packDir, "*.svg"));
    }

    [Fact]
    public void Usage_errors_exit_2_with_the_reason()
    {
        var r = Run("report", "--db", Path.Combine(_dir, "w.duckdb"), "--unit", "98", "--as-of", "31-03-2026", "--out", _dir);
        Assert.Equal(2, r.Code);
        Assert.Contains("31-03-2026", r.Err);
        var k = Run("report", "--db", Path.Combine(_dir, "w.duckdb"), "--unit", "98", "--as-of", "2026-03-31", "--out", _dir, "--kind", "slides");
        Assert.Equal(2, k.Code);
        Assert.Contains("--kind", k.Err);
        var u = Run("report", "--db", Path.Combine(_dir, "w.duckdb"), "--unit", "12345", "--as-of", "2026-03-31", "--out", _dir);
        Assert.Equal(2, u.Code);
        Assert.Contains("12345", u.Err);
    }
}
