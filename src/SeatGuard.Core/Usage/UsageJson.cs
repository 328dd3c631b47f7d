using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>Source-generated JSON for the usage reports and the pricing table.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(DailyReport))]
[JsonSerializable(typeof(WeeklyReport))]
[JsonSerializable(typeof(MonthlyReport))]
[JsonSerializable(typeof(SessionReport))]
[JsonSerializable(typeof(BlocksReport))]
[JsonSerializable(typeof(PricingData))]
public sealed partial class UsageJson : JsonSerializerContext;
