using Analytics.Dashboard.Sql;

namespace Analytics.Dashboard.Tests.Sql;

public sealed class AnalystSqlSessionTests : IDisposable
{
    private readonly TestWarehouse _w = new();
    public void Dispose() => _w.Dispose();

    private AnalystSqlSession Open(SqlLimits? limits = null) => AnalystSqlSession.Open(_w.DbPath, limits);

    [Fact]
    public void A_select_returns_the_rows()
    {
        using var s = Open();
        var r = s.Run("select unit_code, unit_name from raw.units order by unit_code");
        Assert.Equal(["unit_code", "unit_name"], r.Columns);
        Assert.Equal(["98", "98001", "98002"], r.Rows.Select(x => (string)x[0]!));
        Assert.Equal("Phường Một", r.Rows[1][1]);
        Assert.False(r.Truncated);
    }

    // Each escape, through the full path (statement check + sandbox): refused with a bilingual message.
    [Theory]
    [InlineData("select * from read_csv('/etc/passwd')", "truy cập tệp")]
    [InlineData("select * from read_text('/etc/hostname')", "truy cập tệp")]
    [InlineData("select * from glob('/etc/*')", "truy cập tệp")]
    [InlineData("select * from read_parquet('/tmp/x.parquet')", "truy cập tệp")]
    [InlineData("copy raw.units to '/tmp/leak.csv'", "COPY")]
    [InlineData("copy (select 1) to '/tmp/leak.csv'", "COPY")]
    [InlineData("export database '/tmp/leakdb'", "COPY")]
    [InlineData("attach '/tmp/other.duckdb' as o", "ATTACH")]
    [InlineData("install httpfs", "INSTALL")]
    [InlineData("load parquet", "INSTALL")]
    [InlineData("set enable_external_access = true", "SET")]
    [InlineData("set memory_limit = '100GB'", "SET")]
    [InlineData("pragma threads=64", "SET")]
    [InlineData("create table x (a int)", "DDL/DML")]
    [InlineData("create temp table x as select 1", "DDL/DML")]
    [InlineData("insert into raw.units select * from raw.units", "DDL/DML")]
    [InlineData("update raw.units set unit_name = 'x'", "DDL/DML")]
    [InlineData("delete from raw.units", "DDL/DML")]
    [InlineData("drop table raw.units", "DDL/DML")]
    [InlineData("select 1; delete from raw.units", "SELECT")]
    public void Escapes_and_writes_are_refused_with_a_clear_message(string sql, string expected)
    {
        using var s = Open();
        var e = Assert.Throws<SqlRefusedException>(() => s.Run(sql));
        Assert.Contains(expected, e.Message);
        Assert.Contains(" / ", e.Message); // Vietnamese / English
        Assert.Equal(3, _w.Count("raw.units"));
        Assert.False(File.Exists("/tmp/leak.csv"));
    }

    // The sandbox alone, without the statement check: these fail if read-only mode, disabled
    // external access or the configuration lock is removed from AnalystSqlSession.Harden/Open.
    [Theory]
    [InlineData("select count(*) from read_csv('/etc/passwd')")]
    [InlineData("copy (select 1 as a) to '{dir}/leak.csv'")]
    [InlineData("attach '{dir}/other.duckdb' as o")]
    [InlineData("install httpfs")]
    [InlineData("set enable_external_access = true")]
    [InlineData("set lock_configuration = false")]
    [InlineData("reset memory_limit")]
    [InlineData("delete from raw.units")]
    [InlineData("create table raw.x (a int)")]
    public void The_sandbox_holds_without_the_statement_check(string sql)
    {
        using var s = Open();
        sql = sql.Replace("{dir}", _w.Directory);
        Assert.Throws<SqlRefusedException>(() => s.RunUnguarded(sql, 10));
        Assert.False(File.Exists(Path.Combine(_w.Directory, "leak.csv")));
        Assert.False(File.Exists(Path.Combine(_w.Directory, "other.duckdb")));
        Assert.Equal(3, _w.Count("raw.units"));
    }

    [Fact]
    public void Queries_allowed_besides_select_work()
    {
        using var s = Open();
        Assert.Equal(3L, s.Run("with u as (select * from raw.units) select count(*) from u").Rows[0][0]);
        Assert.Equal(3, s.Run("from raw.units").Rows.Count);
        Assert.NotEmpty(s.Run("describe raw.units").Rows);
        Assert.NotEmpty(s.Run("show all tables").Rows);
    }

    [Fact]
    public async Task A_query_over_its_time_limit_is_cancelled_and_says_so()
    {
        using var s = Open(new SqlLimits(Timeout: TimeSpan.FromMilliseconds(500)));
        var task = Task.Run(() => s.Run("select count(*) from range(100000000000000) a"));
        var first = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(first == task, "the query was not cancelled within 60 s");
        var e = await Assert.ThrowsAsync<SqlTimeoutException>(() => task);
        Assert.Contains("giới hạn thời gian", e.Message);
        Assert.Contains("cancelled", e.Message);
        // the session is usable afterwards
        Assert.Equal(42, s.Run("select 42").Rows[0][0]);
    }

    [Fact]
    public void The_row_cap_cuts_the_result_and_says_so()
    {
        using var s = Open(new SqlLimits(MaxRows: 10));
        var r = s.Run("select * from range(1000)");
        Assert.Equal(10, r.Rows.Count);
        Assert.True(r.Truncated);
        Assert.Contains("10 dòng đầu", ResultWriters.TruncationNote(r));
        var exact = s.Run("select * from range(10)");
        Assert.False(exact.Truncated);
        Assert.Null(ResultWriters.TruncationNote(exact));
    }

    [Fact]
    public void The_memory_limit_is_set_and_locked()
    {
        using var s = Open(new SqlLimits(MemoryLimit: "64MB", Threads: 1));
        var r = s.Run("select current_setting('memory_limit'), current_setting('threads'), current_setting('enable_external_access'), current_setting('lock_configuration')");
        Assert.Contains("MiB", (string)r.Rows[0][0]!);
        Assert.StartsWith("61", (string)r.Rows[0][0]!); // 64 MB = 61.0 MiB
        Assert.Equal(1L, Convert.ToInt64(r.Rows[0][1]));
        Assert.Equal(false, r.Rows[0][2]);
        Assert.Equal(true, r.Rows[0][3]);
    }

    [Fact]
    public void A_query_needing_more_memory_than_the_limit_fails_cleanly()
    {
        using var s = Open(new SqlLimits(MemoryLimit: "32MB", Threads: 1));
        var e = Assert.ThrowsAny<Exception>(() => s.Run("select list(x) from range(20000000) t(x)"));
        Assert.IsType<SqlQueryException>(e);
        Assert.Contains("memory", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Syntax_errors_are_reported_not_refused()
    {
        using var s = Open();
        var e = Assert.Throws<SqlQueryException>(() => s.Run("selec 1"));
        Assert.Contains("cú pháp", e.Message);
    }
}
