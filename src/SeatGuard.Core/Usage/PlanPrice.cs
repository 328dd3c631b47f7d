using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed record PlanPrice([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("monthlyUsd")] double MonthlyUsd);
