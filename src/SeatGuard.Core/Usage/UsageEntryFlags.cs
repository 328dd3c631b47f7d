namespace SeatGuard.Core.Usage;

/// <summary>Flags of a <see cref="UsageEntry"/>.</summary>
[Flags]
public enum UsageEntryFlags : byte
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>From a subagent (sidechain).</summary>
    Sidechain = 1,
    /// <summary>Has a speed field.</summary>
    HasSpeed = 2,
    /// <summary>Has a message id.</summary>
    HasMessageId = 4,
    /// <summary>Has its own costUSD.</summary>
    HasCostUsd = 8,
    /// <summary>Has a request id.</summary>
    HasRequestId = 16,
}
