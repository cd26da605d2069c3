using Analytics.Etl.Loading;
using Analytics.Synthetic;

namespace Analytics.Etl.Tests;

/// <summary>
/// data-samples/templates/: one workbook per dataset as offices fill the templates in Excel, written
/// by OfficeTemplates from the sample CSVs. They must be what the generator writes today (set
/// ANALYTICS_WRITE_TEMPLATES=1 to rewrite them) and every one must load, with its skipped rows noted.
/// </summary>
public class OfficeTemplateTests
{
    private static string Samples => RepoPaths.DataSamples;

    [Fact]
    public void The_templates_in_data_samples_are_what_the_generator_writes()
    {
        using var s = new Scratch();
        var written = OfficeTemplates.Write(Samples, Path.Combine(s.Dir, "templates"));
        var shipped = Path.Combine(Samples, "templates");
        if (Environment.GetEnvironmentVariable("ANALYTICS_WRITE_TEMPLATES") == "1")
        {
            Directory.CreateDirectory(shipped);
            foreach (var f in written) File.Copy(f, Path.Combine(shipped, Path.GetFileName(f)), overwrite: true);
        }
        Assert.Equal(9, written.Count);
        foreach (var f in written)
            Assert.True(File.ReadAllBytes(f).SequenceEqual(File.ReadAllBytes(Path.Combine(shipped, Path.GetFileName(f)))),
                $"{Path.GetFileName(f)} differs from data-samples/templates; rewrite with ANALYTICS_WRITE_TEMPLATES=1");
    }

    [Fact]
    public void Every_template_loads_whole_and_notes_its_title_block_totals_and_signatures()
    {
        using var s = new Scratch();
        var templates = OfficeTemplates.Write(Samples, Path.Combine(s.Dir, "templates"));
        var report = s.Load(Path.Combine(Samples, "units_31.csv"), Path.Combine(s.Dir, "templates"));
        foreach (var f in report.Files)
            Assert.True(!f.Refused && f.ErrorCount == 0, $"{f.File}: " + string.Join("; ", f.Errors.Select(e => $"{e.Where(f.File)} {e.Column} [{e.Value}] {e.ReasonEn}")));
        Assert.True(report.Ok);
        foreach (var f in report.Files.Where(f => f.File.EndsWith(".xlsx", StringComparison.Ordinal)))
        {
            Assert.True(f.RowsRead > 0, f.File);
            Assert.Contains(f.Notes, n => n.ReasonEn.Contains("title block"));
            Assert.Contains(f.Notes, n => n.ReasonEn.Contains("column-number row"));
            Assert.Contains(f.Notes, n => n.ReasonEn.Contains("signature"));
        }
        var staffing = report.Files.Single(f => f.Dataset == "staffing");
        Assert.Contains(staffing.Notes, n => n.ReasonEn.Contains("equals the sum"));
        Assert.Contains(staffing.Notes, n => n.ReasonEn.Contains("two rows"));
        // the template holds the sample's rows of ward 10507: the same numbers as the CSV
        Assert.Equal(
            File.ReadLines(Path.Combine(Samples, "staffing_31_2026-03-31.csv")).Where(l => l.Contains(",10507,")).Take(12).Sum(l => long.Parse(l.Split(',')[5])),
            s.Query<long>("select cast(sum(quota) as bigint) from raw.staffing").Single());
        Assert.Equal(
            File.ReadLines(Path.Combine(Samples, "task_updates_31.csv")).Where(l => l.StartsWith("31-T00100,") || l.StartsWith("31-T00245,")).Take(6)
                .Select(l => l.Split(',')[4]).Where(v => v.Length > 0).Select(double.Parse).Order(),
            s.Query<double>("select progress_pct from raw.task_updates where progress_pct is not null order by progress_pct"));
    }
}
