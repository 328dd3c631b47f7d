using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>Where and how to load transcripts.</summary>
public sealed record UsageLoadOptions
{
    /// <summary>Claude's config dir (<c>--config-dir</c>); default: every transcript root Claude Code uses.</summary>
    public string? ConfigDir { get; init; }
    /// <summary>Explicit transcript roots (each holding <c>projects/</c>); overrides <see cref="ConfigDir"/>.</summary>
    public IReadOnlyList<string>? Roots { get; init; }
    /// <summary>Use the incremental store (default). False: a cold run that neither reads nor writes it.</summary>
    public bool UseCache { get; init; } = true;
    /// <summary>Where the incremental store lives: its files go in <c>usage/&lt;roots hash&gt;/</c> beside this path (default <c>usage-cache.db</c> in SeatGuard's data dir).</summary>
    public string? CachePath { get; init; }
    /// <summary>Skip files last written before this instant: they cannot hold entries at or after it.</summary>
    public DateTimeOffset? ModifiedSince { get; init; }
    /// <summary>
    /// A store of its own, for loads that only ever ask for recently written files (the status line): named
    /// <c>&lt;kind&gt;-&lt;tag&gt;</c> (e.g. <c>recent-20261124</c>), it holds only the files written since
    /// <see cref="ModifiedSince"/>, so reading and updating it costs what those files cost, not the whole history. A new
    /// tag starts a new store and removes the kind's older ones.
    /// </summary>
    public string? StoreScope { get; init; }
    /// <summary>Only this project (directory name, or its last segment).</summary>
    public string? Project { get; init; }
    /// <summary>Files parsed in parallel (default: processor count).</summary>
    public int? Parallelism { get; init; }
    /// <summary>The price book the reports will use: the cells are split at its prompt bands (default: the embedded book's).</summary>
    public PriceBook? Pricing { get; init; }

    /// <summary>
    /// A listing of the transcripts taken a moment ago (by <see cref="UsageLoader.WithListing"/>), used instead of listing
    /// them again; null lists them.
    /// </summary>
    internal IReadOnlyList<TranscriptFile>? Listing { get; init; }
}
