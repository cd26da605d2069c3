using System.Net;
using Analytics.Dashboard.Web;

namespace Analytics.Dashboard.Tests.Web;

/// <summary>Web hardening of the server: headers, traversal, cross-site posts, host check, binding, tokens and roles.</summary>
public sealed class HardeningTests : IAsyncLifetime
{
    private readonly LoadedWarehouse _w = new();
    private RunningServer _s = null!;

    public async Task InitializeAsync() => _s = await RunningServer.Start(new DashboardOptions(_w.DbPath));

    public async Task DisposeAsync()
    {
        await _s.DisposeAsync();
        _w.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tasks")]
    [InlineData("/sql")]
    [InlineData("/upload")]
    [InlineData("/static/site.css")]
    [InlineData("/chart/tasks-by-unit.svg?as_of=2026-03-31")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var r = await _s.Http.GetAsync(path);
        var csp = r.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script()
    {
        foreach (var path in new[] { "/", "/tasks", "/staffing", "/indices", "/revenue", "/sql", "/upload", "/sql/dictionary" })
        {
            var html = await _s.Http.GetStringAsync(path);
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain(" style=\"", html);
            Assert.DoesNotContain(" onclick", html);
            Assert.Contains("<script src=\"/static/site.js\" defer></script>", html);
        }
    }

    [Theory]
    [InlineData("/static/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/static/..%2FDashboard.csproj")]
    [InlineData("/static/%2Fetc%2Fpasswd")]
    [InlineData("/static/....//....//etc/passwd")]
    [InlineData("/static/site.css%00.png")]
    [InlineData("/table/tasks/..%2F..%2Fetc%2Fpasswd.csv")]
    [InlineData("/chart/..%2F..%2Fetc%2Fpasswd.svg")]
    public async Task Static_and_download_routes_do_not_traverse(string path)
    {
        var r = await _s.Http.GetAsync(path);
        Assert.Contains(r.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest }); // Kestrel itself refuses %00
        Assert.DoesNotContain("root:", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_post_from_another_site_is_refused()
    {
        var req = new HttpRequestMessage(HttpMethod.Post, "/sql") { Content = new FormUrlEncodedContent([new("q", "select 1")]) };
        req.Headers.Add("Origin", "http://evil.example");
        var r = await _s.Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        var same = new HttpRequestMessage(HttpMethod.Post, "/sql") { Content = new FormUrlEncodedContent([new("q", "select 42 as answer")]) };
        same.Headers.Add("Origin", _s.BaseUrl.TrimEnd('/'));
        var ok = await _s.Http.SendAsync(same);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("answer", await ok.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_foreign_host_header_is_refused_on_loopback_without_tokens()
    {
        // a DNS-rebinding page reaches 127.0.0.1 with its own host name
        var req = new HttpRequestMessage(HttpMethod.Get, "/");
        req.Headers.Host = "evil.example";
        var r = await _s.Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task Bad_filters_are_clear_errors_not_crashes()
    {
        var r = await _s.Http.GetAsync("/tasks?unit=nope");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Contains("Không có đơn vị mã", await r.Content.ReadAsStringAsync());
        r = await _s.Http.GetAsync("/tasks?as_of=31-03-2026");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("YYYY-MM-DD", await r.Content.ReadAsStringAsync());
        r = await _s.Http.GetAsync("/tasks?unit=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Assert.DoesNotContain("<script>alert(1)", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Upload_count_and_size_limits_are_enforced()
    {
        await using var s = await RunningServer.Start(new DashboardOptions(_w.DbPath) { MaxUploadFiles = 2, MaxUploadBytesPerFile = 100 });
        var many = new MultipartFormDataContent();
        for (var i = 0; i < 3; i++) many.Add(new ByteArrayContent("a,b\n1,2\n"u8.ToArray()), "files", $"units_{i}.csv");
        var r = await s.Http.PostAsync("/upload", many);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Contains("Quá nhiều tệp", await r.Content.ReadAsStringAsync());
        var big = new MultipartFormDataContent { { new ByteArrayContent(new byte[1000]), "files", "units.csv" } };
        r = await s.Http.PostAsync("/upload", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Contains("quá lớn", await r.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://192.168.1.10:5080")]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.1:5080")]
    public void Binding_beyond_loopback_is_refused_without_tokens(string urls)
    {
        var e = Assert.Throws<InvalidOperationException>(() => DashboardApp.Build(new DashboardOptions(_w.DbPath) { Urls = urls }));
        Assert.Contains("--tokens", e.Message);
        Binding.EnsureAllowed(urls, tokensConfigured: true);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void Loopback_binding_needs_no_tokens(string url) => Binding.EnsureAllowed(url, tokensConfigured: false);
}

/// <summary>Access tokens: roles and unit scope, refusals without data in the body.</summary>
public sealed class AccessTokenTests : IAsyncLifetime
{
    private readonly LoadedWarehouse _w = new();
    private RunningServer _s = null!;
    private const string Viewer = "viewer-token-0123456789";
    private const string Analyst = "analyst-token-0123456789";
    private const string Loader = "loader-token-0123456789";
    private const string Commune = "commune-token-0123456789";

    public async Task InitializeAsync()
    {
        var file = Path.Combine(_w.Directory, "tokens.txt");
        await File.WriteAllTextAsync(file, $"# role token [unit]\nviewer {Viewer}\nanalyst {Analyst}\nloader {Loader}\nanalyst {Commune} 09802\n");
        _s = await RunningServer.Start(new DashboardOptions(_w.DbPath) { TokensFile = file });
    }

    public async Task DisposeAsync()
    {
        await _s.DisposeAsync();
        _w.Dispose();
    }

    private async Task<HttpResponseMessage> Get(string path, string? token)
    {
        var req = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) req.Headers.Authorization = new("Bearer", token);
        return await _s.Http.SendAsync(req);
    }

    [Fact]
    public async Task Without_a_valid_token_nothing_is_served()
    {
        foreach (var path in new[] { "/", "/tasks?as_of=2026-03-31", "/sql?q=select+1", "/table/tasks/chi-tieu.csv", "/briefing.pdf", "/chart/tasks-by-unit.svg" })
        {
            foreach (var token in new[] { null, "wrong-token-0123456789" })
            {
                var r = await Get(path, token);
                Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
                var body = await r.Content.ReadAsStringAsync();
                Assert.DoesNotContain("Tỉnh Mẫu", body);
                Assert.DoesNotContain("50,0%", body);
            }
        }
    }

    [Fact]
    public async Task Roles_decide_what_a_token_reaches()
    {
        Assert.Equal(HttpStatusCode.OK, (await Get("/tasks", Viewer)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/sql?q=select+1", Viewer)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/table/tasks/chi-tieu.csv", Viewer)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/upload", Viewer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get("/sql?q=select+1", Analyst)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get("/table/tasks/chi-tieu.csv", Analyst)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/upload", Analyst)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get("/upload", Loader)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/sql?q=select+1", Loader)).StatusCode);
    }

    [Fact]
    public async Task A_commune_token_sees_only_its_commune_and_never_the_console()
    {
        var own = await Get("/tasks?as_of=2026-03-31", Commune);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Xã Nam", await own.Content.ReadAsStringAsync());
        var province = await Get("/tasks?unit=98", Commune);
        Assert.Equal(HttpStatusCode.Forbidden, province.StatusCode);
        Assert.DoesNotContain("Tỉnh Mẫu", await province.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/table/tasks/chi-tieu.csv?unit=09801", Commune)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/briefing.pdf?unit=98", Commune)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/sql?q=select+1", Commune)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/sql/dictionary", Commune)).StatusCode);
    }

    [Fact]
    public async Task A_browser_logs_in_once_and_carries_an_httponly_strict_cookie()
    {
        var req = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap") { Content = new FormUrlEncodedContent([new("token", Viewer)]) };
        var r = await _s.Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var cookie = r.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var page = new HttpRequestMessage(HttpMethod.Get, "/tasks");
        page.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await _s.Http.SendAsync(page)).StatusCode);
        var bad = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap") { Content = new FormUrlEncodedContent([new("token", "nope")]) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _s.Http.SendAsync(bad)).StatusCode);
    }
}
