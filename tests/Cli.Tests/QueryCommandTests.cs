namespace Analytics.Cli.Tests;

/// <summary>`analytics query` streams its output within a byte cap and answers at its time limit (issue 14 item 6).</summary>
public class QueryCommandTests
{
    private static CliScratch Warehouse()
    {
        var s = new CliScratch();
        Assert.Equal(0, s.Run("init", "--db", s.Db).Exit);
        return s;
    }

    [Fact]
    public void Output_past_the_byte_cap_stops_with_the_reason_and_leaves_no_file()
    {
        using var s = Warehouse();
        var out_ = s.Path_("big.csv");
        // fails without the cap: 30 MB would be written and the exit would be 0
        var (exit, _, err) = s.Run("query", "--db", s.Db, "select repeat('x', 300) as v from range(100000)", "--format", "csv", "--out", out_, "--max-mb", "1");
        Assert.Equal(3, exit);
        Assert.Contains("vượt quá giới hạn 1 MB", err);
        Assert.False(File.Exists(out_));
        var table = s.Run("query", "--db", s.Db, "select repeat('x', 300) as v from range(100000)", "--max-mb", "1");
        Assert.Equal(3, table.Exit);
        Assert.Contains("the result passed the 1 MB", table.Err);
    }

    [Fact]
    public void Small_results_stream_to_stdout_and_files()
    {
        using var s = Warehouse();
        var csv = s.Run("query", "--db", s.Db, "select 42 as answer, 'Xã Nam' as ten", "--format", "csv");
        Assert.Equal((0, "answer,ten\r\n42,Xã Nam\r\n"), (csv.Exit, csv.Out));
        var json = s.Run("query", "--db", s.Db, "select 42 as answer", "--format", "json");
        Assert.Equal("[{\"answer\":42}]", json.Out.Trim());
        var parquet = s.Path_("r.parquet");
        Assert.Equal(0, s.Run("query", "--db", s.Db, "select 1.25::decimal(10,2) as d, 'a' as t from range(3)", "--format", "parquet", "--out", parquet).Exit);
        var back = s.Run("query", "--db", s.Db, "select 1", "--format", "csv"); // the sandbox cannot read the file back; its size says it was written
        Assert.Equal(0, back.Exit);
        Assert.True(new FileInfo(parquet).Length > 0);
        var cut = s.Run("query", "--db", s.Db, "select * from range(10)", "--format", "csv", "--max-rows", "3");
        Assert.Equal(4, cut.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("only the first 3 rows", cut.Err);
    }

    [Fact]
    public void Values_of_any_type_print_as_text()
    {
        using var s = Warehouse();
        var r = s.Run("query", "--db", s.Db, "select interval 3 month as i, 'infinity'::date as d, union_value(k := 1) as u");
        Assert.Equal(0, r.Exit);
        Assert.Contains("3 months", r.Out);
        Assert.Contains("infinity", r.Out);
    }

    [Fact]
    public void The_time_limit_ends_the_command()
    {
        using var s = Warehouse();
        var (exit, _, err) = s.Run("query", "--db", s.Db, "select count(*) from range(100000000000) t(i) where i % 7 = 3", "--timeout", "1");
        Assert.Equal(3, exit);
        Assert.Contains("giới hạn thời gian 1 giây", err);
    }
}
