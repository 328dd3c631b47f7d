using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

public sealed record SessionStartSpecific(
    [property: JsonPropertyName("hookEventName")] string HookEventName,
    [property: JsonPropertyName("additionalContext")] string AdditionalContext);
