using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>A model's rates in effect at a moment (<c>pricing show</c>): standard, prompt bands and fast mode.</summary>
public sealed record CurrentPrice(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("aliases")] List<string> Aliases,
    [property: JsonPropertyName("rates")] Rates Rates,
    [property: JsonPropertyName("bands")] List<PromptBand> Bands,
    [property: JsonPropertyName("fast"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Rates? Fast,
    [property: JsonPropertyName("since"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Since,
    [property: JsonPropertyName("nextChange"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextChange);
