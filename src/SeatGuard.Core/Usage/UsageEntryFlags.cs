namespace SeatGuard.Core.Usage;

/// <summary>Flags of a <see cref="UsageEntry"/>.</summary>
[Flags]
public enum UsageEntryFlags : byte
{
    None = 0,
    Sidechain = 1,
    /// <summary><c>usage.speed</c> is present (any value): the duplicate rule's tie-break.</summary>
    HasSpeed = 2,
    HasMessageId = 4,
    HasCostUsd = 8,
    HasRequestId = 16,
    /// <summary><c>usage.speed</c> is <c>"fast"</c> (fast mode).</summary>
    Fast = 32,
}
