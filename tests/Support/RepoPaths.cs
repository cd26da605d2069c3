namespace Analytics.Tests;

/// <summary>
/// Paths inside the repository the tests run from. Tests read nothing outside the clone: the
/// acceptance examples live in tests/fixtures/acceptance and the specification in docs/spec.
/// </summary>
public static class RepoPaths
{
    /// <summary>The repository root (the folder holding Analytics.sln) above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>tests/fixtures: files several test projects share.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>The acceptance examples (province 98, Tỉnh Mẫu, hand-computed values in expected.tsv).</summary>
    public static string Acceptance(string relative = "") => Path.Combine(Fixtures, "acceptance", relative);

    /// <summary>tests/fixtures/acceptance/examples.</summary>
    public static string AcceptanceExamples => Acceptance("examples");

    /// <summary>docs/spec: the indicator catalogue, input contracts and command line the product implements.</summary>
    public static string Spec(string file) => Path.Combine(Root, "docs", "spec", file);

    /// <summary>data-samples: Hải Phòng and Cần Thơ in the contract formats.</summary>
    public static string DataSamples => Path.Combine(Root, "data-samples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Analytics.sln not found above " + AppContext.BaseDirectory);
    }
}
