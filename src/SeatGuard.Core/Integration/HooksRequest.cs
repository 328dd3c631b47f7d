using SeatGuard.Core.Common;

namespace SeatGuard.Core.Integration;

/// <summary>What <c>seatguard hooks install|uninstall</c> is asked to do.</summary>
public sealed record HooksRequest(bool Install, string Scope, SeatGuardCommands Commands, bool Force = false, bool DryRun = false);
