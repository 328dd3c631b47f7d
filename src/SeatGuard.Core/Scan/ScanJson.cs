using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>Source-generated JSON for scan results (the CLI contract's shape), baselines and SARIF.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ScanReport))]
[JsonSerializable(typeof(BaselineFile))]
[JsonSerializable(typeof(SarifLog))]
public sealed partial class ScanJson : JsonSerializerContext;
