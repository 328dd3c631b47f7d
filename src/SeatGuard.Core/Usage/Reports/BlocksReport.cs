using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary><c>usage blocks --json</c>.</summary>
public sealed class BlocksReport
{
    /// <summary>The blocks, oldest first.</summary>
    [JsonPropertyName("blocks")] public required List<BlockRow> Blocks { get; init; }
    /// <summary>The plan's own utilisation per rate-limit window, as Claude Code last reported it to a recorded launch.</summary>
    [JsonPropertyName("planUtilization"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<PlanUtilization>? PlanUtilization { get; set; }
}
