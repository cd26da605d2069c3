namespace Analytics.Reports.Tests;

/// <summary>Where tests leave what they render, so a person can look at it.</summary>
public static class TestOutput
{
    public static string Dir(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "out", name);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
