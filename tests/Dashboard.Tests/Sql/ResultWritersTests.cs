using Analytics.Dashboard.Sql;
using DuckDB.NET.Data;

namespace Analytics.Dashboard.Tests.Sql;

public sealed class ResultWritersTests : IDisposable
{
    private readonly TestWarehouse _w = new();
    public void Dispose() => _w.Dispose();

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("Phường Một", "Phường Một")]
    [InlineData("a,b", "\"a,b\"")]
    public void Csv_text_cells_cannot_run_as_formulas(string value, string expected) =>
        Assert.Equal(expected, ResultWriters.CsvCell(value));

    [Fact]
    public void Csv_numbers_stay_numbers() =>
        Assert.Equal(["-3", "-1.5", "134.1995"], new object[] { -3L, -1.5, 134.1995m }.Select(ResultWriters.CsvCell));

    [Fact]
    public void A_query_result_writes_as_safe_csv()
    {
        using var s = AnalystSqlSession.Open(_w.DbPath);
        var r = s.Run("select unit_code, unit_name from raw.units order by unit_code");
        var w = new StringWriter();
        ResultWriters.WriteCsv(r, w);
        Assert.Equal("unit_code,unit_name\r\n98,Tỉnh Mẫu\r\n98001,Phường Một\r\n98002,\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n", w.ToString());
    }

    [Fact]
    public void Json_keeps_types()
    {
        using var s = AnalystSqlSession.Open(_w.DbPath);
        var r = s.Run("select 1 as n, 134.1995::decimal(10,4) as d, null as z, date '2025-12-31' as as_of, 'x' as t");
        using var ms = new MemoryStream();
        ResultWriters.WriteJson(r, ms);
        Assert.Equal("""[{"n":1,"d":134.1995,"z":null,"as_of":"2025-12-31","t":"x"}]""", System.Text.Encoding.UTF8.GetString(ms.ToArray()));
    }

    [Fact]
    public void Parquet_is_written_outside_the_sandbox_and_reads_back_exactly()
    {
        using var s = AnalystSqlSession.Open(_w.DbPath);
        var r = s.Run("select unit_code, 134.1995::decimal(10,4) as pct, 2 as n, date '2025-12-31' as d, 1 as n from raw.units order by unit_code");
        var path = Path.Combine(_w.Directory, "out.parquet");
        ResultWriters.WriteParquet(r, path);
        using var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"select count(*), sum(pct), min(unit_code), max(d), sum(n_2) from read_parquet('{path}')";
        using var rd = cmd.ExecuteReader();
        Assert.True(rd.Read());
        Assert.Equal(3L, rd.GetInt64(0));
        Assert.Equal(402.5985m, rd.GetDecimal(1));
        Assert.Equal("98", rd.GetString(2));
        Assert.Equal(new DateOnly(2025, 12, 31), rd.GetFieldValue<DateOnly>(3));
        Assert.Equal("3", rd.GetValue(4).ToString());
        // and the analysts' instance is still sandboxed afterwards
        Assert.Throws<SqlRefusedException>(() => s.Run("select * from read_parquet('" + path + "')"));
    }

    [Theory]
    [InlineData(50.0, "50")]
    [InlineData(0.0, "0")]
    [InlineData(100.0, "100")]
    [InlineData(197810.0, "197.810")]
    [InlineData(42.857142857, "42,8571")]
    [InlineData(134.2, "134,2")]
    public void Display_keeps_every_significant_digit(double value, string expected) =>
        Assert.Equal(expected, ResultWriters.Display(value));

    [Fact]
    public void The_table_shows_vietnamese_numbers()
    {
        using var s = AnalystSqlSession.Open(_w.DbPath);
        var r = s.Run("select 197810 as thu, 134.1995 as pct");
        var w = new StringWriter();
        ResultWriters.WriteTable(r, w);
        Assert.Contains("197.810", w.ToString());
        Assert.Contains("134,1995", w.ToString());
    }
}
