using System.Text.Json.Serialization;

namespace SeatGuard.Core.Launch;

/// <summary>Source-generated JSON for launch plans, verify reports and run outcomes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(LaunchPlan))]
[JsonSerializable(typeof(VerifyReport))]
public sealed partial class LaunchJson : JsonSerializerContext;
