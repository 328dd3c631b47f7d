namespace SeatGuard.Core.Usage;

/// <summary>
/// A usage question, validated: which report, over which entries (<see cref="Query"/>), from which transcripts
/// (<see cref="Load"/>), and the extras SeatGuard adds to ccusage's shape.
/// </summary>
public sealed record UsageRequest(
    UsageReportKind Kind,
    UsageQuery Query,
    UsageLoadOptions Load,
    bool ByProject = false,
    string? Plan = null,
    string? TokenLimit = null)
{
    /// <summary><c>session --id</c>: one session's entries.</summary>
    public string? SessionId { get; init; }
    /// <summary><c>daily --instances</c>: daily rows per project.</summary>
    public bool Instances { get; init; }
    /// <summary><c>blocks --active</c>: only the active block.</summary>
    public bool ActiveOnly { get; init; }
    /// <summary><c>blocks --recent</c>: blocks that started in the last 3 days (the active one included).</summary>
    public bool Recent { get; init; }
}
