using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials.Probe;

namespace SeatGuard.Core.Credentials;

/// <summary>What <c>seatguard doctor</c> is asked: Claude's config dir, whether to probe the real CLI, and how.</summary>
public sealed record DoctorOptions(string? ConfigDir = null, bool Probe = false, string ClaudeExecutable = "claude", TimeSpan? ProbeTimeout = null);
