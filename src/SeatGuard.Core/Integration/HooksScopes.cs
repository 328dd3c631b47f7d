using SeatGuard.Core.Common;

namespace SeatGuard.Core.Integration;

/// <summary>The settings files <c>seatguard hooks</c> can write, named as Claude Code names its settings scopes.</summary>
public static class HooksScopes
{
    /// <summary><c>&lt;config dir&gt;/settings.json</c>: every session of this user.</summary>
    public const string User = "user";

    /// <summary><c>&lt;dir&gt;/.claude/settings.json</c>: usually committed, so it reaches everyone who clones the repository.</summary>
    public const string Project = "project";

    /// <summary><c>&lt;dir&gt;/.claude/settings.local.json</c>: this repository on this machine only (not committed).</summary>
    public const string Local = "local";

    /// <summary>Every scope, in the order --help lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [User, Project, Local];
}
