using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Report;

/// <summary>How many findings of one rule a scan reported, and its tier.</summary>
public sealed record FindingCount(Tier Tier, string Rule, int Count);
