using Analytics.Etl.Loading;

namespace Analytics.Etl.Tests;

/// <summary>
/// Corpus/broken: one small file per refusal rule, named after the rule, with the line and column
/// each must be refused at in Corpus/broken/expected.tsv. Add a file and a line there to grow it.
/// Each file is loaded into a warehouse holding the base units and tasks (Scratch.LoadBase).
/// </summary>
public class CorpusTests
{
    private static string CorpusDir => Path.Combine(AppContext.BaseDirectory, "Corpus", "broken");

    public static TheoryData<string, string, string> Expected()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(CorpusDir, "expected.tsv")).Where(l => !l.StartsWith('#') && l.Length > 0))
        {
            var parts = line.Split('\t');
            data.Add(parts[0], parts[1], parts[2]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_broken_file_is_refused_at_its_line_and_column(string file, string line, string column)
    {
        using var s = new Scratch();
        s.LoadBase();
        var before = s.RawCounts();
        var report = s.Load(Path.Combine(CorpusDir, file));
        var f = Assert.Single(report.Files);
        Assert.Equal(LoadOutcome.Refused, f.Outcome);
        Assert.False(report.Ok);
        int? expectedLine = line == "-" ? null : int.Parse(line);
        string? expectedColumn = column == "-" ? null : column;
        Assert.True(f.Errors.Any(e => e.Line == expectedLine && e.Column == expectedColumn),
            $"{file}: expected an error at line {line} column {column}; got: " + string.Join("; ", f.Errors.Select(e => $"{e.Line} {e.Column} {e.ReasonEn}")));
        Assert.All(f.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ReasonVi) || string.IsNullOrWhiteSpace(e.ReasonEn)));
        Assert.Equal(before, s.RawCounts());
        Assert.Equal("refused", s.Query<string>($"select outcome from meta.loads where file_name = '{file}'").Single());
    }

    [Fact]
    public void Every_corpus_file_is_listed()
    {
        var listed = Expected().Select(row => (string)row[0]).ToHashSet();
        var present = Directory.EnumerateFiles(CorpusDir).Select(p => Path.GetFileName(p)).Where(n => n is not ("expected.tsv" or "README.md"));
        Assert.All(present, n => Assert.Contains(n, listed));
    }
}
