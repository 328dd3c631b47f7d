using SeatGuard.TestKit;

namespace SeatGuard.Tests.Scan;

/// <summary>A temporary git repository driven by the real git with a clean environment.</summary>
internal sealed class GitRepo : IDisposable
{
    private readonly ScanSandbox _box = new();
    private readonly string _home;

    public string Root => _box.Root;

    public GitRepo()
    {
        _home = Path.Combine(Root, ".home");
        Directory.CreateDirectory(_home);
        File.WriteAllText(Path.Combine(Root, ".gitignore"), ".home/\n");
        Git("init", "-q", "-b", "main");
    }

    public string Write(string path, string text) => _box.Write(path, text);

    public void Delete(string path) => File.Delete(Path.Combine(Root, path));

    /// <summary>Commits everything as the given author; returns the commit id.</summary>
    public string Commit(string message, string author = "Ada", string email = "ada@example.test")
    {
        Git("add", "-A");
        Git(["commit", "-q", "-m", message], new() { ["GIT_AUTHOR_NAME"] = author, ["GIT_AUTHOR_EMAIL"] = email, ["GIT_COMMITTER_NAME"] = author, ["GIT_COMMITTER_EMAIL"] = email });
        return Git("rev-parse", "HEAD").Trim();
    }

    public string Git(params string[] args) => Git(args, []);

    private string Git(string[] args, Dictionary<string, string> extra)
    {
        var env = ProcessRunner.CleanEnvironment(_home);
        foreach (var (k, v) in extra) env[k] = v;
        var result = ProcessRunner.RunAsync("git", args, env, Root).GetAwaiter().GetResult();
        if (result.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {result}");
        return result.StdOut;
    }

    public SeatGuard.Core.Scan.ScanReport Scan(bool history = false, string? baseline = null) => _box.Scan(history: history, baseline: baseline);

    public void Dispose() => _box.Dispose();
}
