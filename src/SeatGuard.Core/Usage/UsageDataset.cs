using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>Deduplicated usage entries and what loading them found.</summary>
public sealed class UsageDataset
{
    /// <summary>Counted entries (duplicate rules applied), sorted by time.</summary>
    public required IReadOnlyList<UsageEntry> Entries { get; init; }
    public int MalformedLines { get; init; }
    public int FilesFound { get; init; }
    public int FilesRead { get; init; }
    public int FilesFromCache { get; init; }
    public int FilesSkipped { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
