namespace SeatGuard.Core.Policy;

/// <summary>What <c>policy update</c> recorded about the book it installed (kept beside it as JSON).</summary>
public sealed record InstalledPolicyBook(string Version, string Date, string From, DateTimeOffset InstalledAt, bool Forced);
