namespace Analytics.Tests;

/// <summary>The read-only shared folder (/work/shared): a sibling `shared` of the repository root or of its parents.</summary>
public static class SharedFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Analytics.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Analytics.sln not found above " + AppContext.BaseDirectory);
        for (var up = dir.Parent; up is not null; up = up.Parent)
        {
            var candidate = System.IO.Path.Combine(up.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "acceptance"))) return candidate;
        }
        throw new InvalidOperationException("the shared folder (../shared) was not found next to " + dir.FullName);
    }
}
