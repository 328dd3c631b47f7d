using System.Text.Json.Serialization;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Usage;

/// <summary>Tokens and API-equivalent cost of the sessions that one billing source paid for.</summary>
public sealed record BillingSourceTotals(
    [property: JsonPropertyName("billingSource")] string BillingSource,
    [property: JsonPropertyName("sessions")] int Sessions,
    [property: JsonPropertyName("totalTokens")] long TotalTokens,
    [property: JsonPropertyName("totalCost")] double? TotalCost);
