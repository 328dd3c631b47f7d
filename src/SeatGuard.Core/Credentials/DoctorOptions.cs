using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials.Probe;

namespace SeatGuard.Core.Credentials;

/// <summary>What <c>seatguard doctor</c> is asked: Claude's config dir, whether to probe the real CLI, and how.</summary>
/// <param name="TrustProject">Let the probe run the inspected repository's apiKeyHelper (otherwise a stand-in replaces it).</param>
public sealed record DoctorOptions(string? ConfigDir = null, bool Probe = false, string ClaudeExecutable = "claude", TimeSpan? ProbeTimeout = null, bool TrustProject = false);
