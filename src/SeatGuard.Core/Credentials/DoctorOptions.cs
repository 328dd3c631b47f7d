using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials.Probe;

namespace SeatGuard.Core.Credentials;

/// <summary>What <c>seatguard doctor</c> is asked: Claude's config dir, whether to probe the real CLI, and how.</summary>
/// <param name="TrustProject">Let the probe run the inspected repository's apiKeyHelper (otherwise a stand-in replaces it).</param>
/// <param name="ConfigDir">Claude Code's config directory to inspect, or null for the one Claude Code would use.</param>
/// <param name="Probe">Also run the installed Claude Code against a local listener and compare what reaches the wire with the prediction.</param>
/// <param name="ClaudeExecutable">The claude executable the probe runs.</param>
/// <param name="ProbeTimeout">How long the probe may take; null for 45 seconds.</param>
public sealed record DoctorOptions(string? ConfigDir = null, bool Probe = false, string ClaudeExecutable = "claude", TimeSpan? ProbeTimeout = null, bool TrustProject = false);
