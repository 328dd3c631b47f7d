using System.Text.RegularExpressions;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Credentials;

/// <summary>Finds billing variables exported in shell startup files (every new shell inherits them).</summary>
public static partial class ShellStartupFiles
{
    /// <summary>The startup files looked at, relative to HOME.</summary>
    public static readonly string[] Candidates =
    [
        ".bashrc", ".bash_profile", ".bash_login", ".profile", ".zshrc", ".zshenv", ".zprofile", ".zlogin",
        ".config/fish/config.fish",
    ];

    // export NAME=…, NAME=… (sh family); set -gx NAME … / set -Ux NAME … (fish).
    [GeneratedRegex(@"^\s*(?:export\s+|declare\s+-x\s+|typeset\s+-x\s+)?(ANTHROPIC_API_KEY|ANTHROPIC_AUTH_TOKEN|CLAUDE_CODE_OAUTH_TOKEN)=\S|^\s*set\s+(?:-[a-zA-Z]+\s+)*(ANTHROPIC_API_KEY|ANTHROPIC_AUTH_TOKEN|CLAUDE_CODE_OAUTH_TOKEN)\s+\S")]
    private static partial Regex Assignment();

    /// <summary>Exports of billing variables in the host's shell startup files (names and fingerprints only).</summary>
    public static IReadOnlyList<ShellExport> FindExports(HostContext host)
    {
        var found = new List<ShellExport>();
        var files = Candidates.Select(c => Path.Combine(host.Home, c)).ToList();
        var fishConfD = Path.Combine(host.Home, ".config", "fish", "conf.d");
        if (Directory.Exists(fishConfD)) files.AddRange(Directory.EnumerateFiles(fishConfD, "*.fish").Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            try
            {
                if (SafeFile.ReadAllText(file, SafeFile.ConfigLimit) is not { } text) continue;
                int n = 0;
                foreach (var line in text.Split('\n'))
                {
                    n++;
                    var m = Assignment().Match(line);
                    if (m.Success) found.Add(new ShellExport(file, n, m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable startup file is not ours to complain about.
            }
        }
        return found;
    }
}
