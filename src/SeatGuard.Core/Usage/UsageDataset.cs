namespace SeatGuard.Core.Usage;

/// <summary>
/// Counted usage and what loading it found. A cold load has the deduplicated <see cref="Entries"/> and sums them into
/// <see cref="Cells"/> when a report asks; the incremental store has the cells and decodes the entries only when asked
/// (a session's entry list, tests).
/// </summary>
public sealed class UsageDataset
{
    private IReadOnlyList<UsageEntry>? _entries;
    private UsageCells? _cells;

    /// <summary>Counted entries (duplicate rules applied), sorted by time.</summary>
    public IReadOnlyList<UsageEntry> Entries
    {
        get => _entries ??= EntryLoader?.Invoke() ?? [];
        init => _entries = value;
    }

    /// <summary>The cells, when the loader kept them (the incremental store).</summary>
    public UsageCells? Cells { get => _cells; init => _cells = value; }

    /// <summary>Where <see cref="Entries"/> come from when they were not loaded.</summary>
    public Func<IReadOnlyList<UsageEntry>>? EntryLoader { get; init; }

    /// <summary>Only this project's cells count (<c>--project</c>; the store's cells hold every project).</summary>
    public string? Project { get; init; }

    /// <summary>Lines that could not be read (not counted).</summary>
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

    /// <summary>Cells that can price by <paramref name="book"/>'s bands (built from the entries when the kept ones cannot).</summary>
    public UsageCells CellsFor(PriceBook book)
    {
        if (_cells is { } kept && kept.Supports(book)) return kept;
        var built = UsageCells.FromEntries(Entries, UsageCells.ThresholdsFor(book));
        if (_cells is null) _cells = built;
        return built;
    }
}
