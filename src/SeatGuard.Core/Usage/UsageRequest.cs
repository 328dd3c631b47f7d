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
    string? TokenLimit = null);
