using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed class SessionRow : UsageRow
{
    [JsonPropertyName("sessionId")] public required string SessionId { get; init; }
    [JsonPropertyName("projectPath")] public required string ProjectPath { get; init; }
    [JsonPropertyName("firstActivity")] public string FirstActivity { get; set; } = "";
    [JsonPropertyName("lastActivity")] public string LastActivity { get; set; } = "";
}
