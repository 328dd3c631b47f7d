using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>One session's usage.</summary>
public sealed class SessionRow : UsageRow
{
    /// <summary>The session id.</summary>
    [JsonPropertyName("sessionId")] public required string SessionId { get; init; }
    /// <summary>The project the session ran in.</summary>
    [JsonPropertyName("projectPath")] public required string ProjectPath { get; init; }
    /// <summary>The first entry's time.</summary>
    [JsonPropertyName("firstActivity")] public string FirstActivity { get; set; } = "";
    /// <summary>The last entry's time.</summary>
    [JsonPropertyName("lastActivity")] public string LastActivity { get; set; } = "";
}
