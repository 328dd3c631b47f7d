using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Scan;

/// <summary>
/// Evidence from the other files of a file's package, for rules with <c>scope: package</c>: a Slack adapter
/// in one file and the <c>claude -p</c> runner in another are one bot; a README that invites "any GitHub
/// user" makes a service public. The package is the nearest directory at or above the file holding a
/// manifest (package.json, pyproject.toml, go.mod, Cargo.toml, a .csproj …) or <c>.git</c>, but never
/// above the scanned root. Its source, configuration and README files are read once, on first need
/// (bounded), and every expression's answer is cached per package.
/// </summary>
internal sealed class PackageEvidence(string scanRoot)
{
    private const int MaxFiles = 4000;
    private const long MaxBytes = 32L * 1024 * 1024;
    private const int MaxFileBytes = 1024 * 1024;

    private static readonly string[] Manifests =
    [
        "package.json", "pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", "go.mod", "Cargo.toml", "Gemfile",
        "composer.json", "pom.xml", "build.gradle", "build.gradle.kts", "deno.json", "Package.swift", "Chart.yaml",
    ];
    private static readonly HashSet<string> EvidenceExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".py", ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".tsx", ".jsx", ".go", ".rb", ".cs", ".java", ".kt", ".php", ".rs", ".swift",
        ".sh", ".json", ".yml", ".yaml", ".toml", ".env", ".md", ".txt", ".tf",
    };

    private readonly string _scanRoot = Path.GetFullPath(scanRoot);
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<(string Path, string Text)>>> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Root, string Pattern), bool> _answers = new();

    /// <summary>The package directory of <paramref name="fullPath"/>.</summary>
    public string RootOf(string fullPath)
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(fullPath))!);
        DirectoryInfo? below = null; // the top-level directory under the scanned root on the way up
        for (var d = dir; d is not null; below = d, d = d.Parent)
        {
            if (Manifests.Any(m => File.Exists(Path.Combine(d.FullName, m))) || Path.Exists(Path.Combine(d.FullName, ".git"))
                || d.EnumerateFiles("*.csproj").Any())
                return d.FullName;
            // No manifest up to the scanned root: the top-level directory the file is in (or the root itself).
            if (string.Equals(d.FullName.TrimEnd(Path.DirectorySeparatorChar), _scanRoot.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)) return (below ?? d).FullName;
        }
        return dir.FullName;
    }

    /// <summary>True when some file of the package of <paramref name="fullPath"/> other than itself matches.</summary>
    public bool Has(string fullPath, Regex regex)
    {
        var root = RootOf(fullPath);
        if (!_answers.TryGetValue((root, regex.ToString()), out bool any))
        {
            var files = _files.GetOrAdd(root, r => new Lazy<IReadOnlyList<(string, string)>>(() => Read(r))).Value;
            any = false;
            foreach (var (path, text) in files)
            {
                if (path == fullPath) continue;
                try
                {
                    if (regex.IsMatch(text)) { any = true; break; }
                }
                catch (RegexMatchTimeoutException)
                {
                }
            }
            _answers[(root, regex.ToString())] = any;
        }
        return any;
    }

    private static IReadOnlyList<(string, string)> Read(string root)
    {
        var list = new ConcurrentBag<(string, string)>();
        long total = 0;
        int count = 0;
        TreeWalker.Walk(root, full =>
        {
            var name = Path.GetFileName(full);
            if (!EvidenceExtensions.Contains(Path.GetExtension(name)) && !name.StartsWith("README", StringComparison.OrdinalIgnoreCase)) return;
            if (full.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) return;
            if (Interlocked.Increment(ref count) > MaxFiles || Interlocked.Read(ref total) > MaxBytes) return;
            try
            {
                using var handle = SafeFile.OpenNonBlocking(full);
                if (handle is null) return;
                long length = RandomAccess.GetLength(handle);
                if (length <= 0 || length > MaxFileBytes) return;
                var buffer = new byte[length];
                int n = RandomAccess.Read(handle, buffer, 0);
                if (n <= 0 || buffer.AsSpan(0, Math.Min(n, 8192)).Contains((byte)0)) return;
                Interlocked.Add(ref total, n);
                list.Add((full, Encoding.UTF8.GetString(buffer, 0, n)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }, 1);
        return [.. list];
    }
}
