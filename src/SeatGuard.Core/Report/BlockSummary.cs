using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Report;

/// <summary>One 5-hour block (gap blocks are left out). Cost is null when a model's price is unknown.</summary>
public sealed record BlockSummary(DateTimeOffset Start, DateTimeOffset End, long Tokens, decimal? Cost, bool IsActive);
