using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Integration;

/// <summary>The status line and its parts, for <c>seatguard statusline --json</c>. Never holds a secret.</summary>
public sealed record StatusLineReport(string Line, Billing Verdict, string Billing, Billing ExpectedMode, bool Warning, string Directory, StatusLineUsage? Usage);
