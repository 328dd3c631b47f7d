using System.Text.Json.Serialization;
using SeatGuard.Core.Launch;

namespace SeatGuard.Core.Ledger;

/// <summary>The JSON of the ledger's list columns (compact; models, request ids, rate-limit events).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<string>), TypeInfoPropertyName = "ListString")]
[JsonSerializable(typeof(List<RateLimitEvent>), TypeInfoPropertyName = "ListRateLimitEvent")]
internal sealed partial class LedgerStorageJson : JsonSerializerContext;
