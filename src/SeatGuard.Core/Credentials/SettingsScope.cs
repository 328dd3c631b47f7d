namespace SeatGuard.Core.Credentials;

/// <summary>Settings scopes, in the order Claude Code applies them (later wins). <see cref="Flag"/> is <c>--settings</c>.</summary>
public enum SettingsScope
{
    /// <summary><c>~/.claude/settings.json</c> (or the config directory's).</summary>
    User,

    /// <summary><c>.claude/settings.json</c> in the repository.</summary>
    Project,

    /// <summary><c>.claude/settings.local.json</c> in the repository.</summary>
    Local,

    /// <summary>The command line's <c>--settings</c>.</summary>
    Flag,

    /// <summary>Managed (enterprise) settings, which nothing overrides.</summary>
    Managed,
}
