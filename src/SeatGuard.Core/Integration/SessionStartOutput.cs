using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

/// <summary>What the hook prints on stdout for Claude Code (the hook protocol's JSON output).</summary>
public sealed record SessionStartOutput(
    [property: JsonPropertyName("systemMessage")] string SystemMessage,
    [property: JsonPropertyName("hookSpecificOutput")] SessionStartSpecific HookSpecificOutput);
