using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Report;

/// <summary>What the usage source gives the report. Any list may be empty.</summary>
public sealed record UsageSummary(IReadOnlyList<DailyModelUsage> Daily, IReadOnlyList<BlockSummary> Blocks, MonthCost? Month);
