namespace SeatGuard.Cli.Output;

/// <summary>How a usage report is shown: JSON, CSV or a table; per-model rows; the narrow table; project display names.</summary>
internal sealed record UsageView(bool Json, bool Csv, bool Breakdown, bool Compact, IReadOnlyDictionary<string, string> ProjectAliases);
