namespace SeatGuard.TestKit;

/// <summary>
/// Runs a program in a private mount namespace with overlays over system directories (<c>/etc</c>, <c>/home</c>), so
/// a test can give the real claude managed settings or the cloud sessions' fixed files without touching the host:
/// the overlay exists only for that one process tree. Needs root and overlayfs (unshare -m); elsewhere
/// <see cref="Unavailable"/> says why and the tests that need it skip themselves.
/// </summary>
public static class MountNamespace
{
    /// <summary>Why overlays cannot be used here, or null when they can.</summary>
    public static string? Unavailable { get; } = Check();

    /// <param name="overlays">Directory (e.g. <c>/etc</c>) → files to add under it (relative path → content).</param>
    public static Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, string workingDirectory,
        string scratch, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> overlays, TimeSpan timeout)
    {
        var script = new System.Text.StringBuilder();
        int n = 0;
        foreach (var (dir, files) in overlays)
        {
            var upper = Path.Combine(scratch, $"ovl{n}", "up");
            var work = Path.Combine(scratch, $"ovl{n++}", "work");
            Directory.CreateDirectory(upper);
            Directory.CreateDirectory(work);
            foreach (var (relative, content) in files)
            {
                var path = Path.Combine(upper, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
            }
            script.Append($"mount -t overlay overlay -o lowerdir={dir},upperdir={upper},workdir={work} {dir} || exit 97; ");
        }
        script.Append("exec \"$@\"");
        return ProcessRunner.RunAsync("unshare", ["-m", "--", "/bin/sh", "-c", script.ToString(), "sh", file, .. args], environment, workingDirectory, timeout: timeout);
    }

    private static string? Check()
    {
        if (!OperatingSystem.IsLinux()) return "private mount namespaces need Linux";
        var scratch = Path.Combine(Path.GetTempPath(), "seatguard-ns-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var lower = Path.Combine(scratch, "lower");
            Directory.CreateDirectory(lower);
            var result = RunAsync("/bin/sh", ["-c", "test -f " + Path.Combine(lower, "probe") + " && echo overlay-ok"],
                ProcessRunner.CleanEnvironment(scratch), scratch, scratch,
                new Dictionary<string, IReadOnlyDictionary<string, string>> { [lower] = new Dictionary<string, string> { ["probe"] = "1" } },
                TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
            return result.StdOut.Contains("overlay-ok", StringComparison.Ordinal) ? null
                : "a private mount namespace with an overlay is not available here (needs root and overlayfs): " + result.StdErr.Trim();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException or InvalidOperationException)
        {
            return "unshare is not available: " + e.Message;
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
