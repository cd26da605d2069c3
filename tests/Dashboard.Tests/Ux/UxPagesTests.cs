using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Analytics.Dashboard.Tests.Ux;

/// <summary>
/// Issue 16 A.1–A.5 in Chromium at desktop (1280) and phone (390) width over the ux fixture
/// (hand-computed in Fixtures/ux/README.md), plus the footer, CSV and upload items over HTTP.
/// Screenshots of every page at both widths go to TestResults/screenshots/ux.
/// </summary>
public sealed partial class UxPagesTests(UxFixture f) : IClassFixture<UxFixture>
{
    private const string May = "as_of=2026-05-31";
    private const string YtdTarget = "so với kế hoạch kỳ (Kế hoạch lũy kế 5 tháng: 82.050 tỷ đồng), đạt 118,8%; mục tiêu ≥ 100%, ngưỡng 95%";

    private async Task<IPage> Open(int width, string path)
    {
        var page = await f.NewPage(width);
        var response = await page.GotoAsync(f.BaseUrl + path);
        Assert.Equal(200, response!.Status);
        return page;
    }

    private static async Task Shot(IPage page, string name, int width) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(UxFixture.Screenshots, $"{name}-{width}.png"), FullPage = true });

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A1_no_basis_is_grey_chua_co_so_lieu_never_a_status_and_the_picker_marks_it(int width)
    {
        var page = await Open(width, $"/?unit=01&{May}");
        var tile = page.Locator("article.tile[data-indicator='tasks.overdue']");
        Assert.Contains("nodata", await tile.GetAttributeAsync("class") ?? "");
        Assert.Equal("Chưa có số liệu", (await tile.Locator(".value").InnerTextAsync()).Trim());
        var text = await tile.InnerTextAsync();
        Assert.DoesNotContain("Đạt", text);
        Assert.DoesNotContain("0", text);
        // grey, not the green of a status
        Assert.Equal("rgb(154, 165, 180)", await tile.EvaluateAsync<string>("e => getComputedStyle(e).borderLeftColor"));
        Assert.Contains("chưa có số liệu", await page.Locator("#f-unit option[value='01']").InnerTextAsync());
        await Shot(page, "tong-quan-ha-noi", width);

        await page.GotoAsync($"{f.BaseUrl}/tasks?unit=01&{May}");
        var judgements = await page.Locator("table#chi-tieu tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(judgements);
        Assert.All(judgements, j => Assert.Equal("Chưa có số liệu", j.Trim()));
        // Hải Phòng has data: not marked
        await page.GotoAsync($"{f.BaseUrl}/tasks?unit=31&{May}");
        Assert.Equal("Thành phố Hải Phòng", (await page.Locator("#f-unit option[value='31']").InnerTextAsync()).Trim());
        Assert.Contains("chưa có số liệu", await page.Locator("#f-unit option[value='01']").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A2_every_status_shows_its_target_and_ytd_revenue_is_judged_by_the_period_plan_on_both_pages(int width)
    {
        var page = await Open(width, $"/?unit=31&{May}");
        var ytd = page.Locator("article.tile[data-indicator='revenue.ytd']");
        Assert.Equal("Đạt", (await ytd.Locator(".status").InnerTextAsync()).Trim());
        Assert.Equal(YtdTarget, await ytd.Locator(".status").GetAttributeAsync("title"));   // on hover
        Assert.Equal("S" + YtdTarget[1..], (await ytd.Locator(".target").InnerTextAsync()).Trim()); // under the value
        var onTime = page.Locator("article.tile[data-indicator='tasks.on_time_rate']");
        Assert.Equal("66,7%", (await onTime.Locator(".value").InnerTextAsync()).Trim());
        Assert.Equal("Chưa đạt", (await onTime.Locator(".status").InnerTextAsync()).Trim());
        Assert.Equal("Mục tiêu ≥ 95%, ngưỡng 90%", (await onTime.Locator(".target").InnerTextAsync()).Trim());
        // the annual estimate after five months is shown, not judged
        var annual = page.Locator("article.tile[data-indicator='revenue.pct_of_annual_target']");
        Assert.Equal("45,3%", (await annual.Locator(".value").InnerTextAsync()).Trim());
        Assert.DoesNotContain("Chưa đạt", await annual.InnerTextAsync());
        await Shot(page, "tong-quan", width);

        await page.GotoAsync($"{f.BaseUrl}/revenue?unit=31&{May}");
        var row = page.Locator("table#chi-tieu tbody tr", new() { Has = page.Locator("th:text-is('Lũy kế thu (Tổng thu NSNN trên địa bàn)')") });
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal("97.500", cells[0].Trim());
        Assert.Equal("Đạt", cells[1].Trim());                    // the same status as the overview tile
        Assert.Equal(YtdTarget, cells[^1].Trim());               // and the same words
        await Shot(page, "thu-ngan-sach", width);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A3_chart_text_is_at_least_12px_as_shown_and_sparklines_name_their_first_and_last_values(int width)
    {
        foreach (var area in new[] { "revenue", "tasks" })
        {
            var page = await Open(width, $"/{area}?unit=31&{May}");
            var charts = page.Locator("figure.chart img");
            Assert.True(await charts.CountAsync() >= 1, $"/{area} has no chart");
            for (var i = 0; i < await charts.CountAsync(); i++)
            {
                var img = charts.Nth(i);
                await img.ScrollIntoViewIfNeededAsync();
                await page.WaitForFunctionAsync("e => e.complete && e.naturalWidth > 0", await img.ElementHandleAsync());
                var src = await img.EvaluateAsync<string>("e => e.currentSrc");
                var shown = await img.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
                var svg = await (await page.APIRequest.GetAsync(src)).TextAsync();
                var svgWidth = double.Parse(SvgWidth().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
                // each text's size as drawn: its font-size times the scale of its transform (the chart's type is enlarged that way)
                var sizes = TextTag().Matches(svg).Select(m =>
                    double.Parse(m.Groups["size"].Value, CultureInfo.InvariantCulture)
                    * (m.Groups["a"].Success ? Math.Sqrt(Square(m.Groups["a"].Value) + Square(m.Groups["b"].Value)) : 1)).ToList();
                Assert.NotEmpty(sizes);
                var smallest = sizes.Min() * shown / svgWidth;
                Assert.True(smallest >= 12, $"/{area} chart {i} at {width}px: smallest text {smallest:F1}px ({sizes.Min()} in an SVG {svgWidth} wide shown {shown:F0} wide, {src})");
            }
            await Shot(page, area, width);
            await page.Context.CloseAsync();
        }

        var overview = await Open(width, $"/?unit=31&{May}");
        var labels = await overview.Locator("article.tile[data-indicator='revenue.ytd'] .spark-labels span").AllInnerTextsAsync();
        Assert.Equal(["01/2026: 19.500", "05/2026: 97.500"], labels.Select(l => l.Trim()));
        Assert.True(await overview.Locator(".spark-labels span").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)") >= 11);
        await overview.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A4_the_name_column_stays_in_view_and_the_unit_table_sorts_by_any_column(int width)
    {
        var page = await Open(width, $"/?unit=31&{May}");
        var table = page.Locator("table#don-vi-truc-thuoc");
        var wrap = page.Locator(".table-wrap", new() { Has = table });
        await wrap.EvaluateAsync("e => e.scrollLeft = e.scrollWidth");
        var wrapBox = (await wrap.BoundingBoxAsync())!;
        var nameBox = (await table.Locator("tbody th").First.BoundingBoxAsync())!;
        Assert.True(nameBox.X >= wrapBox.X - 1 && nameBox.X + nameBox.Width <= wrapBox.X + wrapBox.Width,
            $"the unit name scrolled out of view at {width}px: name at {nameBox.X}, region from {wrapBox.X}");
        if (width <= 390)
        {
            // on a phone the headline table shows name, value and status side by side
            var row = page.Locator("table#chi-tieu-chinh tbody tr").First;
            var status = (await row.Locator("td").Nth(1).BoundingBoxAsync())!;
            Assert.True(status.X + status.Width <= width, $"the status column starts off screen at {status.X}");
        }

        async Task<string[]> Names() => (await table.Locator("tbody th").AllInnerTextsAsync()).Select(s => s.Trim()).ToArray();
        await table.Locator("thead th button", new() { HasText = "Quá hạn" }).ClickAsync();
        Assert.Equal(["Xã An Lão", "Phường Hồng Bàng"], await Names());          // 0 then 1 overdue
        Assert.Equal("ascending", await table.Locator("thead th", new() { HasText = "Quá hạn" }).GetAttributeAsync("aria-sort"));
        await table.Locator("thead th button", new() { HasText = "Quá hạn" }).ClickAsync();
        Assert.Equal(["Phường Hồng Bàng", "Xã An Lão"], await Names());
        await table.Locator("thead th button", new() { HasText = "Đơn vị" }).ClickAsync();
        Assert.Equal(["Phường Hồng Bàng", "Xã An Lão"], await Names());          // Vietnamese alphabetical order
        await Shot(page, "bang-don-vi", width);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A5_a_catalog_error_is_explained_in_vietnamese_with_the_views(int width)
    {
        var page = await f.NewPage(width);
        // GET /sql?q= only fills the form (console queries run on POST); the user presses Chạy
        await page.GotoAsync($"{f.BaseUrl}/sql?q={Uri.EscapeDataString("select * from metrics")}");
        await page.Locator("button", new() { HasText = "Chạy" }).ClickAsync();
        var advice = await page.Locator(".error[role=alert] .advice").InnerTextAsync();
        Assert.StartsWith("`metrics` là một schema (lược đồ), không phải một bảng; thử `SELECT * FROM metrics.indicator_values`", advice);
        Assert.Contains("`metrics.indicator_catalogue`", advice);     // the views are listed
        Assert.Contains("Chi tiết kỹ thuật", await page.Locator(".error[role=alert] summary").InnerTextAsync());

        await page.GotoAsync($"{f.BaseUrl}/sql?q={Uri.EscapeDataString("select * from indicator_values")}");
        await page.Locator("button", new() { HasText = "Chạy" }).ClickAsync();
        Assert.Contains("thử `SELECT * FROM metrics.indicator_values`", await page.Locator(".error[role=alert] .advice").InnerTextAsync());
        await Shot(page, "sql-loi", width);
        await page.Context.CloseAsync();
        // the refused query answers 422 (which Chromium logs); anything else logged (a CSP violation, a script error) fails
        var errors = f.ConsoleErrors.Where(e => !e.Contains("status of 422", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_footer_says_when_the_data_was_loaded_and_which_load_without_developer_text()
    {
        var body = await f.Http.GetStringAsync($"/?unit=31&{May}");
        var footer = Footer().Match(body);
        Assert.True(footer.Success, "no data line in the footer");
        var load = footer.Groups[2].Value;
        Assert.Matches($@"^Số liệu nạp lúc \d\d:\d\d ngày \d\d/\d\d/\d{{4}} · lần nạp {load}$", footer.Groups[3].Value);
        Assert.Equal("6", load); // six files in the fixture, loaded once each
        Assert.DoesNotContain("bản chụp", body);
        Assert.DoesNotContain("197.810", body);
    }

    [Fact]
    public async Task Csv_downloads_open_in_vietnamese_excel_with_labels_beside_codes_and_raw_values_beside_rounded_ones()
    {
        var bytes = await f.Http.GetByteArrayAsync($"/table/overview/chi-tieu-chinh.csv?unit=31&{May}");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);    // UTF-8 BOM
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Chỉ tiêu;Chỉ tiêu (mã);Giá trị;Giá trị (giá trị gốc);Đánh giá;Đánh giá (mã);Kỳ trước;Kỳ trước (giá trị gốc);Cùng kỳ năm trước;Cùng kỳ năm trước (giá trị gốc);Căn cứ đánh giá", lines[0]);
        Assert.Contains($"Lũy kế thu (Tổng thu NSNN trên địa bàn);revenue.ytd;97.500;97500;Đạt;dat;78.000;78000;75.000;75000;\"{YtdTarget}\"", lines);
        Assert.Contains(lines, l => l.StartsWith("Tỷ lệ hoàn thành đúng hạn;tasks.on_time_rate;66,7%;66,66666667;Chưa đạt;chua_dat;", StringComparison.Ordinal));

        var units = Encoding.UTF8.GetString(await f.Http.GetByteArrayAsync($"/table/overview/don-vi-truc-thuoc.csv?unit=31&{May}"));
        Assert.Contains("Phường Hồng Bàng;31001;Phường;phuong;2;1;", units);   // the unit's code beside its name
    }

    [Fact]
    public async Task Upload_reads_vietnamese_file_names_and_takes_the_dataset_picked_for_other_names()
    {
        const string staffing = "snapshot_date,phase,unit_code,position_group,specialty,quota,actual\n2026-05-31,sau_sap_xep,31001,cong_chuc,dat_dai,3,2\n";
        async Task<string> Validate(string fileName, string? dataset)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(staffing)), "files", fileName);
            if (dataset is not null) form.Add(new StringContent(dataset), "dataset");
            var r = await f.Http.PostAsync("/upload", form);
            return await r.Content.ReadAsStringAsync();
        }

        var byPrefix = await Validate("bien-che_31001_2026-05-31.csv", null);
        Assert.Contains("data-file=\"bien-che_31001_2026-05-31.csv\"", byPrefix);
        Assert.Contains("file-report valid", byPrefix);
        Assert.Contains("<span class=\"tag\">staffing</span>", byPrefix);

        var withDiacritics = await Validate("Biên chế 31001.csv", null);
        Assert.Contains("<span class=\"tag\">staffing</span>", withDiacritics);

        var picked = await Validate("Phụ lục 02 biên chế xã.csv", "staffing");
        Assert.Contains("staffing_Phụ lục 02 biên chế xã.csv", picked);   // the Vietnamese name kept, the picked dataset in front
        Assert.Contains("file-report valid", picked);
    }

    [GeneratedRegex(@"<svg[^>]*\bwidth=""([0-9.]+)")]
    private static partial Regex SvgWidth();

    private static double Square(string n) => Math.Pow(double.Parse(n, CultureInfo.InvariantCulture), 2);

    /// <summary>A text of the SVG: its font-size and the scale of its transform (a rotated axis label has matrix(0 -s s 0 …)).</summary>
    [GeneratedRegex(@"<text(?:[^>]*?\btransform=""matrix\((?<a>-?[0-9.]+) (?<b>-?[0-9.]+) [^""]*"")?[^>]*?\bfont-size=""(?<size>[0-9.]+)")]
    private static partial Regex TextTag();

    [GeneratedRegex(@"<p class=""data-note"" data-snapshot=""(\d+)"" data-load=""(\d+)"">([^<]*)</p>")]
    private static partial Regex Footer();
}
