namespace SeatGuard.Core.Usage;

/// <summary>Flags of a <see cref="UsageEntry"/>.</summary>
[Flags]
public enum UsageEntryFlags : byte
{
    None = 0,
    Sidechain = 1,
    HasSpeed = 2,
    HasMessageId = 4,
    HasCostUsd = 8,
    HasRequestId = 16,
}
