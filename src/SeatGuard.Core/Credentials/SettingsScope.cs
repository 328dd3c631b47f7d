namespace SeatGuard.Core.Credentials;

/// <summary>Settings scopes, in the order Claude Code applies them (later wins). <see cref="Flag"/> is <c>--settings</c>.</summary>
public enum SettingsScope { User, Project, Local, Flag, Managed }
