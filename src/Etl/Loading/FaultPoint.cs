using System.Diagnostics;

namespace Analytics.Etl.Loading;

/// <summary>
/// Crash points for the reliability tests (issue 6, tests/Cli.Tests/Reliability/CommitFaultTests.cs):
/// with the environment variable ANALYTICS_FAULT set to a point's name, the process kills itself with
/// SIGKILL when it reaches that point (no finally blocks, no flush, no checkpoint), so a test can crash
/// a load exactly before or after its commit. Unset, as everywhere outside those tests, it does nothing.
/// </summary>
public static class FaultPoint
{
    private static readonly string? Armed = Environment.GetEnvironmentVariable("ANALYTICS_FAULT");

    public static void Reach(string name)
    {
        if (Armed != name) return;
        Process.GetCurrentProcess().Kill();
        Environment.FailFast($"fault point {name}"); // not reached: SIGKILL does not return
    }
}
