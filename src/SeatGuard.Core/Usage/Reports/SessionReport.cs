using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed class SessionReport : UsageReportBase
{
    [JsonPropertyName("sessions")] public required List<SessionRow> Sessions { get; init; }
}
