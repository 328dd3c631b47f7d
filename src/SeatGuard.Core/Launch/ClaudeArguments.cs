using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>
/// What a claude command line says about credentials: <c>--bare</c> (the bare start mode), and which settings files
/// count — measured on 2.1.330 and 2.1.332, <c>--setting-sources</c> drops the env blocks and helpers of the files
/// it leaves out, and <c>--restricted</c> drops user, project and local settings alike (managed and <c>--settings</c>
/// still apply).
/// </summary>
public static class ClaudeArguments
{
    public static bool Bare(IReadOnlyList<string> args) => args.Contains("--bare");

    public static StartMode Mode(IReadOnlyList<string> args) => Bare(args) ? StartMode.Bare : StartMode.Print;

    /// <summary>The settings file scopes claude reads with these arguments, or null for all of them.</summary>
    public static IReadOnlySet<SettingsScope>? FileScopes(IReadOnlyList<string> args)
    {
        if (args.Contains("--restricted")) return new HashSet<SettingsScope>();
        for (int i = 0; i < args.Count; i++)
        {
            string? value = args[i] == "--setting-sources" && i + 1 < args.Count ? args[i + 1]
                : args[i].StartsWith("--setting-sources=", StringComparison.Ordinal) ? args[i]["--setting-sources=".Length..] : null;
            if (value is null) continue;
            var scopes = new HashSet<SettingsScope>();
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Enum.TryParse<SettingsScope>(part, ignoreCase: true, out var scope) && scope is SettingsScope.User or SettingsScope.Project or SettingsScope.Local)
                    scopes.Add(scope);
            }
            return scopes;
        }
        return null;
    }
}
