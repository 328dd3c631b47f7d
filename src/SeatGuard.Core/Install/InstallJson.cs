using System.Text.Json.Serialization;

namespace SeatGuard.Core.Install;

/// <summary>Source-generated JSON for the install results (camelCase, as the CLI contract spells them).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InstallResult))]
public sealed partial class InstallJson : JsonSerializerContext;
