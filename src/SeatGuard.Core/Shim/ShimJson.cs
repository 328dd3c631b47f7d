using System.Text.Json.Serialization;

namespace SeatGuard.Core.Shim;

/// <summary>Source-generated JSON for the shim's results.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ShimResult))]
public sealed partial class ShimJson : JsonSerializerContext;
