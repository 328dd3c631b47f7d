using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>Deduplicated usage entries and what loading them found.</summary>
public sealed class UsageDataset
{
    /// <summary>Counted entries (duplicate rules applied), sorted by time.</summary>
    public required IReadOnlyList<UsageEntry> Entries { get; init; }
    /// <summary>Lines that could not be read.</summary>
    public int MalformedLines { get; init; }
    /// <summary>Transcript files found.</summary>
    public int FilesFound { get; init; }
    /// <summary>Files read.</summary>
    public int FilesRead { get; init; }
    /// <summary>Files answered from the cache.</summary>
    public int FilesFromCache { get; init; }
    /// <summary>Files skipped (older than the period, unreadable).</summary>
    public int FilesSkipped { get; init; }
    /// <summary>What loading warned about.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
