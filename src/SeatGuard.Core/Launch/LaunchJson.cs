using System.Text.Json.Serialization;

namespace SeatGuard.Core.Launch;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(LaunchPlan))]
[JsonSerializable(typeof(VerifyReport))]
public sealed partial class LaunchJson : JsonSerializerContext;
