using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Report;

/// <summary>A month's API-equivalent cost set against the subscription's price (both null when the plan is unknown).</summary>
public sealed record MonthCost(string Month, decimal ApiEquivalentCost, string? PlanName, decimal? PlanPrice);
