using System.Text.Json;
using Analytics.Cli;

namespace Analytics.Cli.Tests;

public sealed class CliScratch : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("cli-test-").FullName;
    public string Db => Path.Combine(Dir, "kho.duckdb");
    public string Path_(string name) => Path.Combine(Dir, name);

    public string Write(string name, string content)
    {
        var p = Path_(name);
        File.WriteAllText(p, content);
        return p;
    }

    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static string Acceptance(string relative) => RepoPaths.Acceptance(relative);

    public void Dispose()
    {
        try { Directory.Delete(Dir, true); } catch (IOException) { }
    }
}

public class LoadCommandTests
{
    [Fact]
    public void Loads_the_examples_prints_the_summary_and_writes_the_report()
    {
        using var s = new CliScratch();
        var (exit, stdout, _) = s.Run("load", "--db", s.Db, CliScratch.Acceptance("examples"), "--report", s.Path_("r/load.json"));
        Assert.Equal(0, exit);
        Assert.Contains("Tệp / file", stdout);
        var revenueLine = stdout.Split('\n').Single(l => l.StartsWith("revenue.csv"));
        Assert.Matches(@"revenue\s+30\s+30\s+0\s+0\s+0\s+đã nạp / loaded", revenueLine);
        var json = JsonDocument.Parse(File.ReadAllText(s.Path_("r/load.json"))).RootElement;
        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal(9, json.GetProperty("files").GetArrayLength());
        Assert.Equal("units.csv", json.GetProperty("files")[0].GetProperty("file").GetString());

        var again = s.Run("load", "--db", s.Db, CliScratch.Acceptance("examples"));
        Assert.Equal(0, again.Exit);
        Assert.Matches(@"revenue\s+30\s+0\s+0\s+30\s+0\s+không đổi / unchanged", again.Out.Split('\n').Single(l => l.StartsWith("revenue.csv")));
    }

    [Theory]
    [InlineData("revenue_us_number.csv", "revenue_us_number.csv:2 amount_bn_vnd \"1,234.5\"")]
    [InlineData("staffing_negative_quota.csv", "staffing_negative_quota.csv:2 quota \"-1\"")]
    [InlineData("tasks_unknown_lead.csv", "tasks_unknown_lead.csv:2 lead_unit \"09899\"")]
    public void Broken_files_are_refused_with_exit_1_and_the_error_located(string file, string where)
    {
        using var s = new CliScratch();
        Assert.Equal(0, s.Run("load", "--db", s.Db, CliScratch.Acceptance("examples")).Exit);
        var (exit, stdout, _) = s.Run("load", "--db", s.Db, CliScratch.Acceptance("broken/" + file), "--report", s.Path_("bad.json"));
        Assert.Equal(1, exit);
        Assert.Contains(where, stdout);
        Assert.Contains("từ chối / refused", stdout);
        Assert.False(JsonDocument.Parse(File.ReadAllText(s.Path_("bad.json"))).RootElement.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public void Partial_exits_1_and_writes_the_rejects_beside_the_report()
    {
        using var s = new CliScratch();
        s.Run("load", "--db", s.Db, CliScratch.Acceptance("examples"));
        var file = s.Write("staffing_p.csv", "snapshot_date,unit_code,position_group,specialty,quota,actual\n2026-02-15,09801,cong_chuc,dat_dai,2,3\n2026-02-15,09801,cong_chuc,cntt,-2,1\n");
        Directory.CreateDirectory(s.Path_("reports"));
        var (exit, stdout, _) = s.Run("load", "--db", s.Db, file, "--partial", "--report", s.Path_("reports/p.json"));
        Assert.Equal(1, exit);
        Assert.Contains("nạp một phần / partial", stdout);
        Assert.True(File.Exists(s.Path_("reports/staffing_p.rejects.csv")));
        Assert.Contains(s.Path_("reports/staffing_p.rejects.csv"), stdout);
    }

    [Fact]
    public void Vietnamese_locale_reads_vietnamese_numbers()
    {
        using var s = new CliScratch();
        s.Run("load", "--db", s.Db, CliScratch.Acceptance("examples"));
        var file = s.Write("revenue_vi.csv", "period;unit_code;category;amount_bn_vnd\n2026-04;98;thu_noi_dia;1.234,5\n");
        Assert.Equal(1, s.Run("load", "--db", s.Db, file).Exit);
        Assert.Equal(0, s.Run("load", "--db", s.Db, file, "--locale", "vi").Exit);
    }

    [Theory]
    [InlineData("load", "x.csv")]
    [InlineData("load", "--db", "DB", "--bogus", "x.csv")]
    [InlineData("load", "--db", "DB", "--locale", "fr", "EXAMPLES")]
    [InlineData("load", "--db", "DB", "--dataset", "budget", "EXAMPLES")]
    [InlineData("load", "--db", "DB")]
    [InlineData("load", "--db", "DB", "no/such/file.csv")]
    [InlineData("validate")]
    [InlineData("validate", "--partial", "EXAMPLES")]
    public void Usage_errors_exit_2(params string[] args)
    {
        using var s = new CliScratch();
        var resolved = args.Select(a => a == "DB" ? s.Db : a == "EXAMPLES" ? CliScratch.Acceptance("examples") : a).ToArray();
        Assert.Equal(2, s.Run(resolved).Exit);
    }
}

public class ValidateCommandTests
{
    [Fact]
    public void Validates_the_examples_without_creating_a_warehouse()
    {
        using var s = new CliScratch();
        var (exit, stdout, _) = s.Run("validate", CliScratch.Acceptance("examples"), "--report", s.Path_("v.json"));
        Assert.Equal(0, exit);
        Assert.Contains("hợp lệ / valid", stdout);
        Assert.Empty(Directory.EnumerateFiles(s.Dir, "*.duckdb*"));
        Assert.True(JsonDocument.Parse(File.ReadAllText(s.Path_("v.json"))).RootElement.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public void Refuses_a_broken_file_with_exit_1_and_checks_references_against_db()
    {
        using var s = new CliScratch();
        Assert.Equal(1, s.Run("validate", CliScratch.Acceptance("broken/revenue_us_number.csv")).Exit);
        // without a warehouse the unknown lead unit cannot be checked; with one it is refused
        Assert.Equal(0, s.Run("validate", CliScratch.Acceptance("broken/tasks_unknown_lead.csv")).Exit);
        s.Run("load", "--db", s.Db, CliScratch.Acceptance("examples"));
        var (exit, stdout, _) = s.Run("validate", "--db", s.Db, CliScratch.Acceptance("broken/tasks_unknown_lead.csv"));
        Assert.Equal(1, exit);
        Assert.Contains("lead_unit \"09899\"", stdout);
    }
}
