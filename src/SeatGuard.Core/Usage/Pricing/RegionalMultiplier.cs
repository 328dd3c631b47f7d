using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>
/// A multiplier on every token rate of a request whose usage record carries <see cref="Field"/> = <see cref="Value"/>
/// (<c>inference_geo</c> = <c>us</c>: 1.1×), optionally limited to a period.
/// </summary>
public sealed record RegionalMultiplier
{
    /// <summary>The usage-record field to match (default <c>inference_geo</c>).</summary>
    [JsonPropertyName("field")] public string Field { get; init; } = "inference_geo";
    /// <summary>The value of <see cref="Field"/> the multiplier applies to (for example <c>us</c>).</summary>
    [JsonPropertyName("value")] public string Value { get; init; } = "";
    /// <summary>The factor every token rate of a matching request is multiplied by (default 1).</summary>
    [JsonPropertyName("multiplier")] public double Multiplier { get; init; } = 1;
    /// <summary>The first UTC date or instant the multiplier applies (inclusive); null when open.</summary>
    [JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? From { get; init; }
    /// <summary>The UTC date or instant the multiplier stops applying (exclusive); null when open.</summary>
    [JsonPropertyName("until"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Until { get; init; }
    /// <summary>Ids of the book's sources the multiplier comes from.</summary>
    [JsonPropertyName("sources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Sources { get; init; }
    /// <summary>Free-text note about the multiplier.</summary>
    [JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; init; }

    /// <see cref="From"/> as Unix milliseconds (long.MinValue when open); set when a book is compiled.
    [JsonIgnore] public long FromMs { get; init; } = long.MinValue;
    /// <see cref="Until"/> as Unix milliseconds (long.MaxValue when open).
    [JsonIgnore] public long UntilMs { get; init; } = long.MaxValue;
}
