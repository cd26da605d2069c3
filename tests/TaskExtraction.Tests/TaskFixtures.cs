using Analytics.TaskExtraction;

namespace Analytics.TaskExtraction.Tests;

/// <summary>The fixture files of tests/TaskExtraction.Tests/Fixtures, found from the repository root.</summary>
public static class TaskFixtures
{
    public static string Folder { get; } = FindFolder();

    public static string Path(string name) => System.IO.Path.Combine(Folder, name);

    public const string Directive = "000_520314f27568d31d.txt";
    public const string Conclusion = "004_6f075bdf8dff8ead.txt";

    public static UnitDirectory HaiPhong => UnitDirectory.Load(Path("units_haiphong.csv"));
    public static UnitDirectory CanTho => UnitDirectory.Load(Path("unseen/units_cantho.csv"));

    public static IReadOnlyList<ExtractedTask> ExtractSeeds() =>
        [.. new[] { Directive, Conclusion }.SelectMany(f => new TaskExtractor(HaiPhong).Extract(SourceDocument.Read(Path(f))))];

    private static string FindFolder() => System.IO.Path.Combine(RepoPaths.Root, "tests", "TaskExtraction.Tests", "Fixtures");
}
