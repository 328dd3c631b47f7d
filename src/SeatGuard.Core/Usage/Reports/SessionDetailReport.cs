using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary><c>usage session --id ID</c>: one session's totals and requests, in ccusage's shape.</summary>
public sealed class SessionDetailReport
{
    /// <summary>The session's id.</summary>
    [JsonPropertyName("sessionId")] public required string SessionId { get; init; }
    /// <summary>The session's known cost; null when none of its models has a price (unknown, never 0).</summary>
    [JsonPropertyName("totalCost")] public double? TotalCost { get; init; }
    /// <summary>All tokens of the session.</summary>
    [JsonPropertyName("totalTokens")] public long TotalTokens { get; init; }
    /// <summary>The session's models without a price; absent when none.</summary>
    [JsonPropertyName("unpricedModels"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? UnpricedModels { get; init; }
    /// <summary>The session's requests, one row each.</summary>
    [JsonPropertyName("entries")] public required List<SessionEntryRow> Entries { get; init; }
}
