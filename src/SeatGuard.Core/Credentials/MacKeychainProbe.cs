using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// Presence check for Claude Code's macOS keychain item. Runs <c>security find-generic-password -s
/// "Claude Code-credentials"</c> without <c>-w</c>/<c>-g</c>, so the secret itself is never requested.
/// </summary>
public sealed class MacKeychainProbe(ICommandRunner runner, HostContext host) : IKeychainProbe
{
    private readonly Dictionary<string, bool> _answers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool HasClaudeCodeItem(string serviceName)
    {
        if (host.Os != HostOs.MacOS) return false;
        lock (_answers)
        {
            if (!_answers.TryGetValue(serviceName, out var present)) _answers[serviceName] = present = Ask(serviceName);
            return present;
        }
    }

    private bool Ask(string serviceName)
    {
        try
        {
            var spec = new CommandSpec("/usr/bin/security", ["find-generic-password", "-s", serviceName], host.Environment, host.Home, TimeSpan.FromSeconds(5));
            var result = runner.RunAsync(spec).GetAwaiter().GetResult();
            return result.ExitCode == 0;
        }
        catch (ExecutableNotFoundException)
        {
            return false;
        }
    }
}
