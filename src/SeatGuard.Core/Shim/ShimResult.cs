namespace SeatGuard.Core.Shim;

/// <summary>What <c>shim install|uninstall</c> did: the shim's path, and written, replaced, removed or absent.</summary>
public sealed record ShimResult(string Action, string Path, string Outcome, string? Command);
