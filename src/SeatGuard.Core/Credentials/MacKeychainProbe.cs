using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// Presence check for Claude Code's macOS keychain item. Runs <c>security find-generic-password -s
/// "Claude Code-credentials"</c> without <c>-w</c>/<c>-g</c>, so the secret itself is never requested.
/// </summary>
public sealed class MacKeychainProbe(ICommandRunner runner, HostContext host) : IKeychainProbe
{
    /// <summary>The keychain service name Claude Code stores its credentials under.</summary>
    public const string ServiceName = "Claude Code-credentials";

    private bool? _answer;

    /// <inheritdoc />
    public bool HasClaudeCodeItem()
    {
        if (host.Os != HostOs.MacOS) return false;
        return _answer ??= Ask();
    }

    private bool Ask()
    {
        try
        {
            var spec = new CommandSpec("/usr/bin/security", ["find-generic-password", "-s", ServiceName], host.Environment, host.Home, TimeSpan.FromSeconds(5));
            var result = runner.RunAsync(spec).GetAwaiter().GetResult();
            return result.ExitCode == 0;
        }
        catch (ExecutableNotFoundException)
        {
            return false;
        }
    }
}
