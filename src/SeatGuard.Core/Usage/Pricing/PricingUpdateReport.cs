using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary><c>seatguard pricing update --json</c>: what was imported, from where, into which file.</summary>
public sealed record PricingUpdateReport(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("asOf")] string AsOf,
    [property: JsonPropertyName("importedAt")] string ImportedAt,
    [property: JsonPropertyName("modelsAdded")] List<string> ModelsAdded,
    [property: JsonPropertyName("modelsChanged")] List<string> ModelsChanged,
    [property: JsonPropertyName("notes")] List<string> Notes);
