using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary><c>usage session --id ID</c>: one session's totals and requests, in ccusage's shape.</summary>
public sealed class SessionDetailReport
{
    [JsonPropertyName("sessionId")] public required string SessionId { get; init; }
    [JsonPropertyName("totalCost")] public double? TotalCost { get; init; }
    [JsonPropertyName("totalTokens")] public long TotalTokens { get; init; }
    [JsonPropertyName("unpricedModels"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? UnpricedModels { get; init; }
    [JsonPropertyName("entries")] public required List<SessionEntryRow> Entries { get; init; }
}
