using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>A subscription plan's monthly price.</summary>
/// <param name="Id">pro, max5 or max20.</param>
/// <param name="MonthlyUsd">Dollars per month.</param>
public sealed record PlanPrice([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("monthlyUsd")] double MonthlyUsd);
