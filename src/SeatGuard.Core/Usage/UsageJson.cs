using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>Source-generated JSON for the usage reports and the price book.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(DailyReport))]
[JsonSerializable(typeof(WeeklyReport))]
[JsonSerializable(typeof(MonthlyReport))]
[JsonSerializable(typeof(SessionReport))]
[JsonSerializable(typeof(BlocksReport))]
[JsonSerializable(typeof(SessionDetailReport))]
[JsonSerializable(typeof(DailyInstancesReport))]
[JsonSerializable(typeof(PriceBookData))]
[JsonSerializable(typeof(PricingShowReport))]
[JsonSerializable(typeof(PricingUpdateReport))]
public sealed partial class UsageJson : JsonSerializerContext;
