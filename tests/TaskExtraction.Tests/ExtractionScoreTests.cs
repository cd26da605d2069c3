using Analytics.TaskExtraction;
using Xunit.Abstractions;

namespace Analytics.TaskExtraction.Tests;

public sealed class ExtractionScoreTests(ITestOutputHelper output)
{
    [Fact]
    public void Seed_documents_meet_the_precision_and_recall_targets_against_the_hand_labels()
    {
        var labels = ExtractionScore.ReadLabels(TaskFixtures.Path("labels.csv"));
        Assert.Equal(34, labels.Count);
        var score = ExtractionScore.Compute(TaskFixtures.ExtractSeeds(), labels);
        output.WriteLine(score.ToString());

        Assert.True(score.Detection.Precision >= 0.9 && score.Detection.Recall >= 0.9, score.ToString());
        Assert.True(score.Deadline.Precision >= 0.95 && score.Deadline.Recall >= 0.95, score.ToString());
        Assert.True(score.Lead.Precision >= 0.85 && score.Lead.Recall >= 0.85, score.ToString());
    }

    [Fact]
    public void Scorer_counts_wrong_missing_and_extra_answers()
    {
        var labels = new List<TaskLabel>
        {
            new("a.txt", "1.", "U1", "ngay", new DateOnly(2026, 6, 30), ""),
            new("a.txt", "2.", null, "khong", null, ""),
            new("a.txt", "3.", "U2", "thang", new DateOnly(2026, 7, 31), ""),
        };
        ExtractedTask Task(string clause, string? lead, string kind, DateOnly? due) =>
            new("a.txt", "x:" + clause, "x", null, clause, "t", lead, null, [], [], kind, due, null, 1, []);
        var output = new List<ExtractedTask>
        {
            Task("1.", "U1", "ngay", new DateOnly(2026, 6, 29)), // right task and lead, wrong date
            Task("2.", "U9", "thuong_xuyen", null),                // lead and deadline where the label has none
            Task("9.", null, "khong", null),                       // not a task
        };                                                          // 3. missed

        var score = ExtractionScore.Compute(output, labels);

        Assert.Equal((2, 3, 3), (score.Detection.TruePositives, score.Detection.Output, score.Detection.Labelled));
        Assert.Equal((0, 2, 2), (score.Deadline.TruePositives, score.Deadline.Output, score.Deadline.Labelled));
        Assert.Equal((1, 2, 2), (score.Lead.TruePositives, score.Lead.Output, score.Lead.Labelled));
        Assert.Equal(2.0 / 3, score.Detection.Precision, 9);
        Assert.Equal(0.5, score.Lead.Recall, 9);
        Assert.Contains(score.Mismatches, m => m.Contains("missed task a.txt 3."));
    }
}
