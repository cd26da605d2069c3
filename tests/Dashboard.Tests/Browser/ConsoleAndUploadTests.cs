using Analytics.Warehouse;
using Dapper;
using Microsoft.Playwright;

namespace Analytics.Dashboard.Tests.Browser;

/// <summary>The SQL console in Chromium: results, refusals with a clear message, downloads.</summary>
[Trait("speed", "slow")]
public sealed class SqlConsoleBrowserTests(DashboardFixture f) : IClassFixture<DashboardFixture>
{
    private static async Task Run(IPage page, string sql)
    {
        await page.Locator("#q").FillAsync(sql);
        await page.Locator("button", new() { HasText = "Chạy" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    [Fact]
    public async Task A_query_shows_its_rows()
    {
        var page = await f.NewPage();
        await page.GotoAsync(f.BaseUrl + "/sql");
        Assert.Equal("SQL (chỉ đọc: SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE)", await page.Locator("label[for=q]").InnerTextAsync());
        await Run(page, "select unit_code, unit_name from metrics.units order by unit_code");
        var table = await page.Locator("table.data").InnerTextAsync();
        Assert.Contains("Tỉnh Mẫu", table);
        Assert.Contains("Xã Nam", table);
        // a metrics view is one click away
        await page.Locator("button", new() { HasText = "metrics.indicator_catalogue" }).ClickAsync();
        Assert.Contains("tasks.on_time_rate", await page.Locator("table.data").InnerTextAsync());
        // and the data dictionary too, with grain and the catalogue
        await page.Locator("a", new() { HasText = "Từ điển dữ liệu" }).ClickAsync();
        var dict = await page.Locator("main").InnerTextAsync();
        Assert.Contains("raw.staffing", dict);
        Assert.Contains("một dòng cho mỗi (snapshot_date, unit_code, position_group, specialty)", dict);
        Assert.Contains("Tỷ lệ hoàn thành đúng hạn", dict);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("select * from read_csv('/etc/passwd')", "Không được phép truy cập tệp")]
    [InlineData("copy (select 1) to '/tmp/leak.csv'", "Không được phép ghi ra tệp")]
    [InlineData("attach '/tmp/x.duckdb' as x", "Không được phép gắn")]
    [InlineData("install httpfs", "Không được phép cài hay nạp phần mở rộng")]
    [InlineData("set enable_external_access = true", "Không được phép thay đổi cấu hình")]
    [InlineData("create table t (a int)", "Kho dữ liệu chỉ đọc")]
    [InlineData("delete from raw.units", "Kho dữ liệu chỉ đọc")]
    [InlineData("update raw.tasks set title = 'x'", "Kho dữ liệu chỉ đọc")]
    public async Task The_console_refuses_escapes_and_writes_with_a_clear_message(string sql, string message)
    {
        var page = await f.NewPage();
        await page.GotoAsync(f.BaseUrl + "/sql");
        await Run(page, sql);
        var alert = await page.Locator(".error[role=alert]").InnerTextAsync();
        Assert.Contains(message, alert);
        Assert.Equal(0, await page.Locator("table.data").CountAsync());
        Assert.False(File.Exists("/tmp/leak.csv"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Results_download_as_safe_csv_json_and_parquet()
    {
        var page = await f.NewPage();
        await page.GotoAsync(f.BaseUrl + "/sql");
        await page.Locator("#q").FillAsync("select '=1+1' as formula, unit_name from metrics.units where unit_code = '98'");
        async Task<byte[]> Download(string button)
        {
            var d = await page.RunAndWaitForDownloadAsync(() => page.Locator("button", new() { HasText = button }).ClickAsync());
            var path = Path.Combine(f.Warehouse.Directory, d.SuggestedFilename);
            await d.SaveAsAsync(path);
            return await File.ReadAllBytesAsync(path);
        }
        var csv = System.Text.Encoding.UTF8.GetString(await Download("Tải CSV"));
        Assert.Contains("formula,unit_name", csv);
        Assert.Contains("'=1+1,Tỉnh Mẫu", csv);
        var json = System.Text.Encoding.UTF8.GetString(await Download("Tải JSON"));
        Assert.Equal("""[{"formula":"=1+1","unit_name":"Tỉnh Mẫu"}]""", System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json), new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var parquet = await Download("Tải Parquet");
        Assert.Equal("PAR1", System.Text.Encoding.ASCII.GetString(parquet, 0, 4));
        await page.Context.CloseAsync();
    }
}

/// <summary>Uploads in Chromium: a broken file shows its errors and changes nothing; a valid one loads and the pages move.</summary>
[Trait("speed", "slow")]
public sealed class UploadBrowserTests(DashboardFixture f) : IClassFixture<DashboardFixture>
{
    private long Count(string table)
    {
        using var c = WarehouseFile.Open(f.Warehouse.DbPath, readOnly: true);
        return c.ExecuteScalar<long>($"select count(*) from {table}");
    }

    private string Checksum(string table)
    {
        using var c = WarehouseFile.Open(f.Warehouse.DbPath, readOnly: true);
        return c.ExecuteScalar<string>($"select coalesce(string_agg(row_hash, ',' order by row_hash), '') from {table}")!;
    }

    [Fact]
    public async Task A_broken_file_shows_its_errors_and_changes_nothing_then_a_valid_one_loads()
    {
        var staffing = Checksum("raw.staffing");
        var loads = Count("meta.loads");
        var page = await f.NewPage();
        await page.GotoAsync(f.BaseUrl + "/upload");
        await page.Locator("#files").SetInputFilesAsync([RepoPaths.Acceptance("broken/staffing_negative_quota.csv")]);
        await page.Locator("button", new() { HasText = "Kiểm tra tệp" }).ClickAsync();
        var report = page.Locator("section.file-report[data-file='staffing_negative_quota.csv']");
        Assert.Contains("invalid", await report.GetAttributeAsync("class") ?? "");
        var errors = await report.Locator("table.issues").First.InnerTextAsync();
        Assert.Contains("staffing_negative_quota.csv:2", errors);
        Assert.Contains("quota", errors);
        Assert.Contains("-1", errors);
        Assert.Contains("không được nhỏ hơn 0", errors);
        Assert.Contains("must not be less than 0", errors);
        Assert.Contains("Không có tệp hợp lệ", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.Locator("button", new() { HasText = "Nạp" }).CountAsync());
        Assert.Equal(staffing, Checksum("raw.staffing"));
        Assert.Equal(loads, Count("meta.loads"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.Screenshots, "tai-len-loi-desktop.png"), FullPage = true });

        // A correction: task E3 (due 15/03/2026) reported done on 20/03 — at 31/03 nothing is overdue any more.
        await page.GotoAsync(f.BaseUrl + "/?as_of=2026-03-31");
        Assert.Equal("1", await page.Locator("article.tile[data-indicator='tasks.overdue'] .value").InnerTextAsync());
        var fix = Path.Combine(f.Warehouse.Directory, "task_updates_e3.csv");
        await File.WriteAllTextAsync(fix, "task_id,report_date,status,completed_date,progress_pct\nE3,2026-03-25,hoan_thanh,2026-03-20,100\n");
        await page.GotoAsync(f.BaseUrl + "/upload");
        await page.Locator("#files").SetInputFilesAsync([fix, RepoPaths.Acceptance("broken/staffing_negative_quota.csv")]);
        await page.Locator("button", new() { HasText = "Kiểm tra tệp" }).ClickAsync();
        Assert.Contains("valid", await page.Locator("section.file-report[data-file='task_updates_e3.csv']").GetAttributeAsync("class") ?? "");
        await page.Locator("button", new() { HasText = "Nạp 1 tệp hợp lệ" }).ClickAsync();
        Assert.Contains("Đã nạp xong", await page.Locator("main").InnerTextAsync());
        Assert.Equal(staffing, Checksum("raw.staffing")); // the broken file still changed nothing
        Assert.Equal(loads + 1, Count("meta.loads"));

        await page.GotoAsync(f.BaseUrl + "/?as_of=2026-03-31");
        Assert.Equal("0", await page.Locator("article.tile[data-indicator='tasks.overdue'] .value").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Upload_limits_refuse_other_file_types()
    {
        var page = await f.NewPage();
        await page.GotoAsync(f.BaseUrl + "/upload");
        var exe = Path.Combine(f.Warehouse.Directory, "units.exe");
        await File.WriteAllTextAsync(exe, "MZ");
        await page.Locator("#files").SetInputFilesAsync([exe]);
        await page.Locator("button", new() { HasText = "Kiểm tra tệp" }).ClickAsync();
        Assert.Contains("chỉ nhận .csv hoặc .xlsx", await page.Locator(".error[role=alert]").InnerTextAsync());
        await page.Context.CloseAsync();
    }
}
