using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>
/// A multiplier on every token rate of a request whose usage record carries <see cref="Field"/> = <see cref="Value"/>
/// (<c>inference_geo</c> = <c>us</c>: 1.1×), optionally limited to a period.
/// </summary>
public sealed record RegionalMultiplier
{
    [JsonPropertyName("field")] public string Field { get; init; } = "inference_geo";
    [JsonPropertyName("value")] public string Value { get; init; } = "";
    [JsonPropertyName("multiplier")] public double Multiplier { get; init; } = 1;
    [JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? From { get; init; }
    [JsonPropertyName("until"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Until { get; init; }
    [JsonPropertyName("sources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Sources { get; init; }
    [JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; init; }

    [JsonIgnore] public long FromMs { get; init; } = long.MinValue;
    [JsonIgnore] public long UntilMs { get; init; } = long.MaxValue;
}
