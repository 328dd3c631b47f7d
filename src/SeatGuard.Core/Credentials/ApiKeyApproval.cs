namespace SeatGuard.Core.Credentials;

/// <summary>How Claude Code's interactive mode treats the effective API key.</summary>
public enum ApiKeyApproval
{
    /// <summary>No API key is in play, or the session is not interactive.</summary>
    NotApplicable,

    /// <summary>The user approved this key for interactive sessions: Claude Code uses it.</summary>
    Approved,

    /// <summary>The user rejected this key: interactive sessions ignore it.</summary>
    Rejected,

    /// <summary>Not asked yet: an interactive session asks before using it.</summary>
    NotYetAsked,
}
