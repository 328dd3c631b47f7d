using System.Text.Json.Serialization;

namespace SeatGuard.Core.Shim;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ShimResult))]
public sealed partial class ShimJson : JsonSerializerContext;
