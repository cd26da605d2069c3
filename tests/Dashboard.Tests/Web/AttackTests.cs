using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Analytics.Dashboard.Web;
using Analytics.Etl.Loading;
using Analytics.Warehouse;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Analytics.Dashboard.Tests.Web;

/// <summary>
/// Issue 14: the holes an attack on `serve` found, each with the test that fails when its protection
/// is removed (named in each test's comment).
/// </summary>
public sealed class AttackTests : IAsyncLifetime
{
    private readonly LoadedWarehouse _w = new();
    private RunningServer _s = null!;

    public async Task InitializeAsync() => _s = await RunningServer.Start(new DashboardOptions(_w.DbPath));

    public async Task DisposeAsync()
    {
        await _s.DisposeAsync();
        _w.Dispose();
    }

    internal static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    // ---- 3. binding ----

    [Theory]
    [InlineData("http://user@127.0.0.1:5199")]
    [InlineData("http://0.0.0.0@127.0.0.1:5199")]
    [InlineData("http://127.0.0.1:5080;http://a@localhost:5081")]
    public void A_url_with_user_info_is_refused_since_Kestrel_would_listen_on_every_interface(string urls)
    {
        // fails without the '@' refusal in Binding (System.Uri reads the host as 127.0.0.1, Kestrel as "user@127.0.0.1")
        var e = Assert.Throws<InvalidOperationException>(() => DashboardApp.Build(new DashboardOptions(_w.DbPath) { Urls = urls }));
        Assert.Contains("'@'", e.Message);
        Assert.Contains("Từ chối", e.Message);
    }

    [Fact]
    public async Task The_addresses_actually_bound_are_checked_after_start()
    {
        var app = DashboardApp.Build(new DashboardOptions(_w.DbPath) { Urls = "http://127.0.0.1:0;http://[::1]:0" });
        await DashboardApp.StartChecked(app);
        try
        {
            var bound = DashboardApp.ListeningAddresses(app);
            Assert.NotEmpty(bound);
            Assert.All(bound, a => Assert.True(Binding.IsLoopback(a), a));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        // what Kestrel reports for a wildcard bind is refused without tokens
        Assert.Throws<InvalidOperationException>(() => Binding.EnsureBound(["http://[::]:5199"], tokensConfigured: false));
        Assert.Throws<InvalidOperationException>(() => Binding.EnsureBound(["http://0.0.0.0:5199"], tokensConfigured: false));
        Binding.EnsureBound(["http://[::]:5199"], tokensConfigured: true);
    }

    [Fact]
    public async Task A_server_that_bound_every_interface_past_the_url_check_is_stopped_after_start()
    {
        // The pre-start check lives in Build; the URLs a WebApplication listens on can still be set after
        // Build (app.Urls, which then replace the configured ones), so the after-start check is what
        // holds for a URL the pre-start check never saw. The attack URL of the issue: Kestrel reads the
        // host as "user@127.0.0.1", no address, and listens on every interface.
        // Fails without Binding.EnsureBound in DashboardApp.StartChecked: the server starts and keeps
        // listening on [::] without tokens.
        var app = DashboardApp.Build(new DashboardOptions(_w.DbPath));
        app.Urls.Clear();
        app.Urls.Add("http://user@127.0.0.1:0");
        try
        {
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => DashboardApp.StartChecked(app));
            Assert.StartsWith("Từ chối phục vụ: máy chủ đang lắng nghe tại http://", e.Message);
            Assert.Contains("ngoài loopback, mà không có mã truy cập (--tokens FILE)", e.Message);
            Assert.Contains("beyond loopback, without access tokens", e.Message);
            // what it had bound (every interface) is named, and it listens there no more
            var bound = e.Message[(e.Message.IndexOf("http://", StringComparison.Ordinal))..].Split(',')[0];
            Assert.False(Binding.IsLoopback(bound), bound);
            var port = new Uri(bound.Replace("[::]", "[::1]", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;
            Assert.NotEqual(0, port);
            using var probe = new System.Net.Sockets.TcpClient();
            await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    // ---- 4. console queue ----

    // ---- 5. concurrent dates ----

    [Fact]
    public async Task Views_at_ten_dates_at_once_on_a_fresh_server_all_answer()
    {
        // the attack of the issue (4 of 10 were HTTP 500); the race does not reproduce reliably here, so it
        // passes without the fix too: Snapshots/CatalogueDatesInFlightTests forces the interleaving and fails without it
        var dates = Enumerable.Range(0, 10).Select(i => new DateOnly(2025, 7, 31).AddMonths(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var answers = await Task.WhenAll(dates.Select(d => _s.Http.GetAsync($"/?as_of={d}")));
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var tasks = await Task.WhenAll(dates.Select(d => _s.Http.GetAsync($"/tasks?as_of={d}")));
        Assert.All(tasks, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    // ---- 6. downloads ----

    [Fact]
    public async Task A_download_past_the_byte_cap_is_stopped_with_the_reason()
    {
        await using var s = await RunningServer.Start(new DashboardOptions(_w.DbPath) { MaxDownloadBytes = 1024 * 1024 });
        foreach (var format in new[] { "csv", "json", "parquet" })
        {
            // fails without the cap (CappedStream, WriteParquet's byte count): 30 MB would be sent
            var r = await s.Http.PostAsync("/sql/download", Form(("q", "select repeat('x', 300) as v from range(100000)"), ("format", format)));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
            Assert.Contains("vượt quá giới hạn 1 MB", await r.Content.ReadAsStringAsync());
        }
        var ok = await s.Http.PostAsync("/sql/download", Form(("q", "select 42 as answer, 'Xã Nam' as ten"), ("format", "csv")));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("\uFEFFanswer,ten\r\n42,Xã Nam\r\n", Encoding.UTF8.GetString(await ok.Content.ReadAsByteArrayAsync()));
        var json = await s.Http.PostAsync("/sql/download", Form(("q", "select 42 as answer"), ("format", "json")));
        Assert.Equal("[{\"answer\":42}]", await json.Content.ReadAsStringAsync());
        var cut = await s.Http.PostAsync("/sql/download", Form(("q", "select * from range(10)"), ("format", "csv")));
        Assert.False(cut.Headers.Contains("X-Analytics-Truncated"));
    }

    [Fact]
    public async Task A_download_keeps_the_row_cap_and_says_so()
    {
        await using var s = await RunningServer.Start(new DashboardOptions(_w.DbPath) { MaxDownloadRows = 5 });
        var r = await s.Http.PostAsync("/sql/download", Form(("q", "select * from range(100)"), ("format", "csv")));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("5", r.Headers.GetValues("X-Analytics-Truncated").Single());
        Assert.Equal(6, (await r.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    // ---- 8. unexpected types, long bodies, error headers ----

    [Theory]
    [InlineData("select interval 3 month as v", "3 months")]
    [InlineData("select union_value(k := 1) as v", "<td>1</td>")]
    [InlineData("select 'infinity'::date as v", "infinity")]
    [InlineData("select '-infinity'::timestamp as v", "-infinity")]
    [InlineData("select 'abc'::blob as v", "abc")]
    public async Task Any_value_is_shown_as_text(string sql, string shown)
    {
        // fails without the text fallback in AnalystSqlSession (DuckDB.NET throws; the page was a bare 500)
        var r = await _s.Http.PostAsync("/sql", Form(("q", sql)));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(shown, await r.Content.ReadAsStringAsync());
        var csv = await _s.Http.PostAsync("/sql/download", Form(("q", sql), ("format", "csv")));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task A_query_past_the_form_limit_is_refused_with_the_reason_and_every_header()
    {
        var r = await _s.Http.PostAsync("/sql", Form(("q", "select 1 -- " + new string('x', 300 * 1024))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Contains("quá dài", await r.Content.ReadAsStringAsync());
        Assert.Contains("frame-ancestors 'none'", r.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_server_error_keeps_every_security_header_and_says_what_failed()
    {
        var app = DashboardApp.Build(new DashboardOptions(_w.DbPath) { Urls = "http://127.0.0.1:0" });
        app.MapGet("/test/throws", () => { throw new InvalidOperationException("boom"); });
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(DashboardApp.ListeningAddress(app)) };
            var r = await http.GetAsync("/test/throws");
            Assert.Equal(HttpStatusCode.InternalServerError, r.StatusCode);
            // fails without SecurityHeaders.Set in the error handler (Response.Clear() drops the headers)
            Assert.Contains("default-src 'none'", r.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("InvalidOperationException", await r.Content.ReadAsStringAsync());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    // ---- 9. many files ----

    [Fact]
    public async Task Sixty_five_files_are_checked_and_more_than_the_form_takes_get_the_true_reason()
    {
        // fails with the old 64-field form limit: "upload too large (200 MB)" for 65 small files
        var many = new MultipartFormDataContent();
        for (var i = 0; i < 65; i++)
            many.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("snapshot_date,phase,unit_code,position_group,specialty,quota,actual\n2026-02-15,sau_sap_xep,09802,cong_chuc,cntt,2,1\n")), "files", $"staffing_{i:D2}.csv");
        var r = await _s.Http.PostAsync("/upload", many);
        var body = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.DoesNotContain("quá lớn", body);
        Assert.Equal(65, body.Split("class=\"card file-report").Length - 1);

        await using var small = await RunningServer.Start(new DashboardOptions(_w.DbPath) { MaxUploadFiles = 3 });
        var tooMany = new MultipartFormDataContent();
        for (var i = 0; i < 30; i++) tooMany.Add(new ByteArrayContent("a\n"u8.ToArray()), "files", $"units_{i}.csv");
        var refused = await small.Http.PostAsync("/upload", tooMany);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var reason = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Quá nhiều tệp", reason);
        Assert.DoesNotContain("quá lớn", reason);
    }

    // ---- 11. smaller ----

    [Fact]
    public async Task A_get_never_runs_a_console_query()
    {
        // fails if GET /sql runs q again (a cross-site <img src="…/sql?q=…"> would run it in no-token mode)
        var page = await _s.Http.GetStringAsync("/sql?q=" + Uri.EscapeDataString("select 40 + 2 as answer_from_get"));
        Assert.Contains("select 40 + 2 as answer_from_get", page); // the form is filled
        Assert.DoesNotContain("<th scope=\"col\">answer_from_get</th>", page);
        var download = await _s.Http.GetAsync("/sql/download?format=csv&q=" + Uri.EscapeDataString("select 42"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, download.StatusCode);
        var posted = await _s.Http.PostAsync("/sql", Form(("q", "select 40 + 2 as answer_from_post")));
        Assert.Contains("<th scope=\"col\" class=\"num\">answer_from_post</th>", await posted.Content.ReadAsStringAsync());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Each_server_stages_uploads_in_its_own_private_folder()
    {
        await using var other = await RunningServer.Start(new DashboardOptions(_w.DbPath));
        var mine = _s.App.Services.GetRequiredService<UploadStaging>().Root;
        var theirs = other.App.Services.GetRequiredService<UploadStaging>().Root;
        Assert.NotEqual(mine, theirs);
        // fails with the shared /tmp/analytics-uploads (0755, every account could read the files)
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(mine));
        var upload = new MultipartFormDataContent { { new ByteArrayContent("unit_code,unit_name,unit_type\nX1,A,tinh\n"u8.ToArray()), "files", "units_x.csv" } };
        Assert.Equal(HttpStatusCode.OK, (await _s.Http.PostAsync("/upload", upload)).StatusCode);
        var batch = Assert.Single(Directory.GetDirectories(mine));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(batch));
    }
}

/// <summary>Issue 14 with access tokens: a scoped loader, weak tokens, wrong-token throttling.</summary>
public sealed class ScopedTokenAttackTests : IAsyncLifetime
{
    private readonly LoadedWarehouse _w = new();
    private RunningServer _s = null!;
    private const string CommuneLoader = "commune-loader-9f2c41d87be0a35e";
    private const string Admin = "admin-token-51c07aa9e3d84f62b1";
    private const string StaffingHeader = "snapshot_date,phase,unit_code,position_group,specialty,quota,actual,from_old_district,from_old_commune";

    public async Task InitializeAsync()
    {
        var file = Path.Combine(_w.Directory, "tokens.txt");
        await File.WriteAllTextAsync(file, $"loader {CommuneLoader} 09802 # Xã Nam\nadmin {Admin}\n");
        _s = await RunningServer.Start(new DashboardOptions(_w.DbPath) { TokensFile = file });
    }

    public async Task DisposeAsync()
    {
        await _s.DisposeAsync();
        _w.Dispose();
    }

    private async Task<(HttpStatusCode Status, string Body)> Upload(string token, params (string Name, string Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files) form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "files", name);
        var req = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = form };
        req.Headers.Authorization = new("Bearer", token);
        var r = await _s.Http.SendAsync(req);
        return (r.StatusCode, await r.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, string Body)> LoadBatch(string token, string page)
    {
        var batch = System.Text.RegularExpressions.Regex.Match(page, "name=\"batch\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        var req = new HttpRequestMessage(HttpMethod.Post, "/upload/load") { Content = new FormUrlEncodedContent([new("batch", batch)]) };
        req.Headers.Authorization = new("Bearer", token);
        var r = await _s.Http.SendAsync(req);
        return (r.StatusCode, await r.Content.ReadAsStringAsync());
    }

    private T Scalar<T>(string sql)
    {
        using var c = WarehouseFile.Open(_w.DbPath, readOnly: true);
        return c.ExecuteScalar<T>(sql)!;
    }

    [Fact]
    public async Task A_commune_loader_cannot_write_another_units_rows_and_its_upload_is_refused_whole()
    {
        // fails without the scope check (LoadOptions.UnitScope, sql/load/check_scope_*.sql): the other commune's staffing was overwritten
        var before = Scalar<long>("select count(*) from raw.staffing where unit_code = '09801'");
        var (status, body) = await Upload(CommuneLoader,
            ("staffing_nam.csv", $"{StaffingHeader}\n2026-02-15,sau_sap_xep,09802,cong_chuc,cntt,2,1,0,1\n"),
            ("staffing_bac.csv", $"{StaffingHeader}\n2026-02-15,sau_sap_xep,09802,cong_chuc,dat_dai,2,2,0,1\n2026-02-15,sau_sap_xep,09801,cong_chuc,cntt,9,9,0,1\n"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("đơn vị 09801 nằm ngoài phạm vi của mã truy cập", body);
        Assert.Contains("unit 09801 is outside the access token&#39;s scope", body);
        Assert.Contains("staffing_bac.csv:3", body); // the row is named
        Assert.DoesNotContain("action=\"/upload/load\"", body); // the valid file of the upload is not offered either
        Assert.Contains("không tệp nào được nạp", body);
        Assert.Equal(before, Scalar<long>("select count(*) from raw.staffing where unit_code = '09801'"));
    }

    [Fact]
    public async Task A_commune_loader_never_changes_the_units_list()
    {
        // fails without check_scope_units.sql: the token renamed the province and re-parented a ward under its commune
        var (_, body) = await Upload(CommuneLoader, ("units_x.csv", "unit_code,unit_name,unit_type,parent_code\n98,Tỉnh Đổi Tên,tinh,\n09801,Phường Bắc,phuong,09802\n"));
        Assert.Contains("không được thay đổi danh mục đơn vị", body);
        Assert.Contains("may not change the units list", body);
        Assert.DoesNotContain("action=\"/upload/load\"", body);
        Assert.Equal("Tỉnh Mẫu", Scalar<string>("select unit_name from raw.units where unit_code = '98'"));
        Assert.Equal("98", Scalar<string>("select parent_code from raw.units where unit_code = '09801'"));
    }

    [Fact]
    public async Task A_commune_loader_loads_its_own_rows()
    {
        var (_, page) = await Upload(CommuneLoader, ("staffing_nam.csv", $"{StaffingHeader}\n2026-02-15,sau_sap_xep,09802,cong_chuc,cntt,2,1,0,1\n"));
        Assert.Contains("action=\"/upload/load\"", page);
        var (status, loaded) = await LoadBatch(CommuneLoader, page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đã nạp xong", loaded);
        Assert.Equal(1, Scalar<long>("select count(*) from raw.staffing where unit_code = '09802' and snapshot_date = date '2026-02-15'"));
    }

    [Fact]
    public void The_load_itself_checks_the_scope_against_the_warehouse()
    {
        // fails without the scope check in the loader: the dashboard's load step passes the token's scope again
        var path = Path.Combine(_w.Directory, "staffing_direct.csv");
        File.WriteAllText(path, $"{StaffingHeader}\n2026-02-15,sau_sap_xep,09801,cong_chuc,cntt,9,9,0,1\n");
        using var c = WarehouseFile.OpenMigrated(Path.Combine(_w.Directory, "copy.duckdb"));
        LoadPipeline.Load(c, [LoadedWarehouse.Examples], new LoadOptions());
        var f = LoadPipeline.Load(c, [path], new LoadOptions { UnitScope = "09802" }).Files.Single();
        Assert.Equal(LoadOutcome.Refused, f.Outcome);
        Assert.Equal(2, f.Errors.Single().Line);
        Assert.Equal(0L, c.ExecuteScalar<long>("select count(*) from raw.staffing where snapshot_date = date '2026-02-15'"));
        var whole = LoadPipeline.Load(c, [path], new LoadOptions { UnitScope = "98" }).Files.Single(); // the province's token reaches its communes
        Assert.Equal(LoadOutcome.Loaded, whole.Outcome);
    }

    [Theory]
    [InlineData("viewer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "quá yếu")]
    [InlineData("viewer abababababababababababababababababababab", "128")]
    [InlineData("viewer 0123456789", "128")]
    [InlineData("viewer 7f3a9c#e2b14d6085af39c71e0d4b2a6f8", "'#'")]
    public void Weak_tokens_and_tokens_with_a_hash_are_refused_with_the_reason(string line, string reason)
    {
        // fails without the entropy and '#' checks in AccessTokens.Load (the '#' cut the token short silently)
        var file = Path.Combine(_w.Directory, "weak.txt");
        File.WriteAllText(file, line + "\n");
        var e = Assert.Throws<FormatException>(() => AccessTokens.Load(file));
        Assert.Contains(reason, e.Message);
        Assert.Contains("dòng/line 1", e.Message);
        File.WriteAllText(file, "viewer 7f3a9c1e2b14d6085af39c71e0d4b2a6 # a comment after a space\n");
        Assert.True(AccessTokens.Load(file).Find("7f3a9c1e2b14d6085af39c71e0d4b2a6") is not null);
    }

    [Fact]
    public async Task Wrong_tokens_are_throttled_per_address()
    {
        async Task<HttpResponseMessage> Get(string token)
        {
            var req = new HttpRequestMessage(HttpMethod.Get, "/tasks");
            req.Headers.Authorization = new("Bearer", token);
            return await _s.Http.SendAsync(req);
        }
        for (var i = 0; i < AccessTokens.MaxWrongPerMinute; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Get($"wrong-guess-{i:D4}-0123456789abcdef")).StatusCode);
        // fails without the limiter: the eleventh guess would be checked like the others
        var throttled = await Get("wrong-guess-final-0123456789abcdef");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("thử lại sau một phút", await throttled.Content.ReadAsStringAsync());
        Assert.Equal("60", throttled.Headers.GetValues("Retry-After").Single());
        var login = await _s.Http.PostAsync("/dang-nhap", new FormUrlEncodedContent([new("token", Admin)]));
        Assert.Equal(HttpStatusCode.TooManyRequests, login.StatusCode);
    }
}
