namespace Analytics.Cli.Tests;

public class GenerateCommandTests
{
    [Fact]
    public void Generate_small_writes_the_files_and_says_how_many_rows()
    {
        using var scratch = new CliScratch();
        var outDir = scratch.Path_("small");
        var (exit, stdout, _) = scratch.Run("generate", "--scale", "small", "--out", outDir, "--seed", "5");
        Assert.Equal(ExitCode.Ok, exit);
        Assert.True(File.Exists(Path.Combine(outDir, "tasks_12.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "staffing_12.csv")));
        var staffingRows = File.ReadLines(Path.Combine(outDir, "staffing_12.csv")).Count() - 1;
        Assert.Contains($"staffing         {staffingRows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", "."),12}", stdout);
    }

    [Theory]
    [InlineData("--scale", "huge", "--out", "x")]
    [InlineData("--scale", "small", "--out", "x", "--seed", "abc")]
    [InlineData("--scale", "small")]
    public void Generate_refuses_bad_usage_with_exit_2(params string[] args)
    {
        using var scratch = new CliScratch();
        var (exit, _, _) = scratch.Run(["generate", .. args]);
        Assert.Equal(ExitCode.Usage, exit);
    }
}
