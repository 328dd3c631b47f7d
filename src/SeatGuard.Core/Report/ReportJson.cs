using System.Text.Json.Serialization;

namespace SeatGuard.Core.Report;

/// <summary>Source-generated JSON for the report summary.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ReportSummary))]
public sealed partial class ReportJson : JsonSerializerContext;
