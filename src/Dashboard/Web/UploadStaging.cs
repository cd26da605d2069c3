namespace Analytics.Dashboard.Web;

/// <summary>
/// Where uploaded files wait between check and load: one folder per server, readable by its owner
/// only (mode 0700), removed when the server stops. A shared, world-readable folder let another
/// account on the machine read every commune's files.
/// </summary>
public sealed class UploadStaging : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"analytics-uploads-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public UploadStaging() => CreatePrivate(Root);

    /// <summary>Creates a folder only its owner can open (the umask can only narrow 0700).</summary>
    public static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
