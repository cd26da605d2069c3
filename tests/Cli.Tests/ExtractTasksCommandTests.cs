using System.Globalization;

namespace Analytics.Cli.Tests;

public sealed class ExtractTasksCommandTests
{
    private static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests", "TaskExtraction.Tests", "Fixtures");

    private static (int Code, string Out, string Err) Run(params string[] argv)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = CommandLine.Run(argv, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Extracts_the_seed_documents_into_a_register_and_prints_the_score()
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"tasks_{Guid.NewGuid():N}.csv");
        try
        {
            var (code, stdout, _) = Run("extract-tasks", Path.Combine(Fixtures, "000_520314f27568d31d.txt"),
                Path.Combine(Fixtures, "004_6f075bdf8dff8ead.txt"), "--units", Path.Combine(Fixtures, "units_haiphong.csv"),
                "--out", outFile, "--score", Path.Combine(Fixtures, "labels.csv"));
            Assert.Equal(0, code);
            var lines = File.ReadAllLines(outFile);
            Assert.Equal("task_id,source_doc,source_date,clause,title,lead_unit,support_units,assigned_date,due_kind,due_date,confidence,review_note", lines[0]);
            Assert.Contains(lines, l => l.StartsWith("TBKL-2026-06-02:7.2.(4),Thông báo kết luận 02/6/2026,2026-06-02,7.2.(4),", StringComparison.Ordinal)
                                        && l.Contains(",31S05,,,ngay,2026-07-15,", StringComparison.Ordinal));
            Assert.Contains("000_520314f27568d31d.txt: 15 nhiệm vụ", stdout);
            Assert.Contains("004_6f075bdf8dff8ead.txt: 19 nhiệm vụ", stdout);
            Assert.Matches(@"task detection / nhận diện nhiệm vụ\s+1\.000\s+1\.000\s+34/34/34", stdout);
        }
        finally { File.Delete(outFile); }
    }

    [Fact]
    public void Missing_document_or_output_is_a_usage_error_and_writes_nothing()
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"tasks_{Guid.NewGuid():N}.csv");
        var (code, _, stderr) = Run("extract-tasks", "khong_co.txt", "--out", outFile);
        Assert.Equal(2, code);
        Assert.Contains("khong_co.txt", stderr);
        Assert.False(File.Exists(outFile));
        Assert.Equal(2, Run("extract-tasks", Path.Combine(Fixtures, "000_520314f27568d31d.txt")).Code);
    }
}
