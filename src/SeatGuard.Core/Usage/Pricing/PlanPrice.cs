using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>A subscription plan's monthly price (for <c>--plan</c>).</summary>
public sealed record PlanPrice([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("monthlyUsd")] double MonthlyUsd);
