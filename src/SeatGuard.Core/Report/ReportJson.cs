using System.Text.Json.Serialization;

namespace SeatGuard.Core.Report;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ReportSummary))]
public sealed partial class ReportJson : JsonSerializerContext;
