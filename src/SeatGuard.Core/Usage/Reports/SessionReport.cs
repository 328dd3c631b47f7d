using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary><c>usage session --json</c>.</summary>
public sealed class SessionReport : UsageReportBase
{
    /// <summary>One row per session.</summary>
    [JsonPropertyName("sessions")] public required List<SessionRow> Sessions { get; init; }
}
