using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Integration;

/// <summary>The status line and its parts, for <c>seatguard statusline --json</c>. Never holds a secret.</summary>
public sealed record StatusLineReport(string Line, Billing Verdict, string Billing, Billing ExpectedMode, bool Warning, string Directory, StatusLineUsage? Usage)
{
    /// <summary>The plan's windows from the input's <c>rate_limits</c>, or null.</summary>
    public StatusLineRateLimits? RateLimits { get; init; }

    /// <summary>The input carried <c>rate_limits</c>, which Claude Code sends only for a session billed to a subscription.</summary>
    public bool ConfirmedByClaudeCode { get; init; }
}
