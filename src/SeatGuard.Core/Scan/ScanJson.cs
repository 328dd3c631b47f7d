using System.Text.Json;
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
public sealed partial class ScanJson : JsonSerializerContext
{
    /// <summary>Like <see cref="JsonSerializerContext"/>'s default but keeps '…' and quotes readable (output is never embedded in HTML).</summary>
    public static ScanJson Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(ScanReport report) => JsonSerializer.Serialize(report, Readable.ScanReport);

    public static string Serialize(SarifLog log) => JsonSerializer.Serialize(log, Readable.SarifLog);
}
