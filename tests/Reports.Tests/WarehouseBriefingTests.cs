using System.Text;
using Analytics.Etl.Warehouse;
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
        using var c = Warehouse.OpenMigrated(DbPath);
        var sql = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "acceptance_examples.sql"))
            .Replace("{examples}", Path.Combine(SharedFolder.Path, "acceptance", "examples").Replace("'", "''"), StringComparison.Ordinal);
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
        using var connection = Warehouse.Open(DbPath, readOnly: true);
        var metrics = new MetricsService(connection);
        var data = BriefingBuilder.Gather(metrics, "98", AsOf);
        Assert.Equal("Tỉnh Mẫu", data.UnitName);
        Assert.Equal(48, data.Revenue.TotalYtd);      // expected.tsv: revenue.ytd tong_thu = 48
        Assert.Equal(7, data.Tasks.Total);            // tasks.total = 7
        Assert.Equal(3, data.Staffing.Shortage);      // staffing.shortage = 3
        Assert.Single(data.Tasks.OverdueTasks);       // tasks.overdue = 1

        var doc = BriefingContent.Build(data, new BriefingOptions { Number = "Số 5-BC/TU" });
        var bytes = new PdfRenderer().RenderToBytes(doc);
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("warehouse"), "briefing-98.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Normalize(NormalizationForm.FormC);
        Assert.Contains("ĐẢNG BỘ TỈNH MẪU", text);
        Assert.Contains("TỈNH ỦY", text);
        Assert.Contains("Mẫu, ngày 31 tháng 03 năm 2026", text);
        Assert.Contains("đạt 48 tỷ đồng", text);
        Assert.Contains("Tổng số nhiệm vụ được giao là 7", text);
        Assert.Contains("còn thiếu 3 người", text);
        Assert.Contains(data.Tasks.OverdueTasks[0].TaskId, text);
        Assert.Contains("units.csv", text); // the data line names the files behind the numbers
        Assert.All(pdf.GetPages(), p => Assert.NotEmpty(p.GetWords()));
    }
}

public static class SharedFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Analytics.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Analytics.sln not found above " + AppContext.BaseDirectory);
        for (var up = dir.Parent; up is not null; up = up.Parent)
        {
            var candidate = System.IO.Path.Combine(up.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "acceptance"))) return candidate;
        }
        throw new InvalidOperationException("the shared folder (../shared) was not found next to " + dir.FullName);
    }
}
