using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

/// <summary>The SessionStart-specific part of a hook's output.</summary>
/// <param name="HookEventName">Always <c>SessionStart</c>.</param>
/// <param name="AdditionalContext">Text Claude Code adds to the session's context.</param>
public sealed record SessionStartSpecific(
    [property: JsonPropertyName("hookEventName")] string HookEventName,
    [property: JsonPropertyName("additionalContext")] string AdditionalContext);
