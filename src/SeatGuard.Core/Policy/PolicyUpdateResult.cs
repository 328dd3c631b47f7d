namespace SeatGuard.Core.Policy;

/// <summary>The answer of <c>policy update</c>: what is in force now, what was before, and what changed.</summary>
public sealed record PolicyUpdateResult(bool Installed, string File, string From, string Version, string Date, string PreviousVersion, bool Forced, PolicyChanges Changes);
