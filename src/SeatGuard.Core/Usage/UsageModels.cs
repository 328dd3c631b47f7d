using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

// Report rows. Property names are ccusage 20.0.24's (`ccusage claude <report> --json`), so scripts work unchanged.

public sealed class ModelBreakdown
{
    [JsonPropertyName("modelName")] public required string ModelName { get; init; }
    [JsonPropertyName("inputTokens")] public long InputTokens { get; set; }
    [JsonPropertyName("outputTokens")] public long OutputTokens { get; set; }
    [JsonPropertyName("cacheCreationTokens")] public long CacheCreationTokens { get; set; }
    [JsonPropertyName("cacheReadTokens")] public long CacheReadTokens { get; set; }
    /// <summary>Null when the model is not in the pricing table (unknown, never shown as 0).</summary>
    [JsonPropertyName("cost")] public double? Cost { get; set; }
}

/// <summary>Token and cost sums shared by every row type.</summary>
public class UsageTotals
{
    [JsonPropertyName("inputTokens")] public long InputTokens { get; set; }
    [JsonPropertyName("outputTokens")] public long OutputTokens { get; set; }
    [JsonPropertyName("cacheCreationTokens")] public long CacheCreationTokens { get; set; }
    [JsonPropertyName("cacheReadTokens")] public long CacheReadTokens { get; set; }
    [JsonPropertyName("totalTokens")] public long TotalTokens { get; set; }
    /// <summary>Sum of the known costs (unknown models are listed in warnings).</summary>
    [JsonPropertyName("totalCost")] public double TotalCost { get; set; }

    internal void Add(in UsageEntry e, double cost)
    {
        InputTokens += e.InputTokens;
        OutputTokens += e.OutputTokens;
        CacheCreationTokens += e.CacheCreationTokens;
        CacheReadTokens += e.CacheReadTokens;
        TotalTokens += e.TotalTokens;
        if (!double.IsNaN(cost)) TotalCost += cost;
    }
}

/// <summary>A row with per-model detail (daily, weekly, monthly, session).</summary>
public class UsageRow : UsageTotals
{
    [JsonPropertyName("modelsUsed")] public List<string> ModelsUsed { get; init; } = [];
    [JsonPropertyName("modelBreakdowns")] public List<ModelBreakdown> ModelBreakdowns { get; init; } = [];

    internal void AddWithModel(in UsageEntry e, double cost)
    {
        Add(e, cost);
        ModelBreakdown? b = null;
        foreach (var m in ModelBreakdowns)
        {
            if (ReferenceEquals(m.ModelName, e.Model) || m.ModelName == e.Model) { b = m; break; }
        }
        if (b is null)
        {
            b = new ModelBreakdown { ModelName = e.Model, Cost = 0 };
            ModelBreakdowns.Add(b);
            ModelsUsed.Add(e.Model);
        }
        b.InputTokens += e.InputTokens;
        b.OutputTokens += e.OutputTokens;
        b.CacheCreationTokens += e.CacheCreationTokens;
        b.CacheReadTokens += e.CacheReadTokens;
        b.Cost = double.IsNaN(cost) ? null : b.Cost + cost;
    }

    internal void Finish() => ModelBreakdowns.Sort((a, b) => (b.Cost ?? -1).CompareTo(a.Cost ?? -1));
}

public sealed class DailyRow : UsageRow
{
    [JsonPropertyName("date")] public required string Date { get; init; }
}

public sealed class WeeklyRow : UsageRow
{
    [JsonPropertyName("week")] public required string Week { get; init; }
}

public sealed class MonthlyRow : UsageRow
{
    [JsonPropertyName("month")] public required string Month { get; init; }
}

public sealed class SessionRow : UsageRow
{
    [JsonPropertyName("sessionId")] public required string SessionId { get; init; }
    [JsonPropertyName("projectPath")] public required string ProjectPath { get; init; }
    [JsonPropertyName("firstActivity")] public string FirstActivity { get; set; } = "";
    [JsonPropertyName("lastActivity")] public string LastActivity { get; set; } = "";
}

/// <summary>Per-project totals (not in ccusage).</summary>
public sealed class ProjectRow : UsageTotals
{
    [JsonPropertyName("project")] public required string Project { get; init; }
}

/// <summary>API-equivalent cost against a plan's monthly price (not in ccusage).</summary>
public sealed record PlanComparison(
    [property: JsonPropertyName("plan")] string Plan,
    [property: JsonPropertyName("monthlyUsd")] double MonthlyUsd,
    [property: JsonPropertyName("months")] int Months,
    [property: JsonPropertyName("planCost")] double PlanCost,
    [property: JsonPropertyName("apiEquivalentCost")] double ApiEquivalentCost,
    [property: JsonPropertyName("ratio")] double Ratio);

/// <summary>What every period report carries besides its rows: ccusage's totals, plus SeatGuard's optional extras.</summary>
public abstract class UsageReportBase
{
    [JsonPropertyName("totals")] public required UsageTotals Totals { get; init; }
    /// <summary>Per-project totals (<c>--by-project</c>; not in ccusage).</summary>
    [JsonPropertyName("projects"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<ProjectRow>? Projects { get; set; }
    /// <summary>API-equivalent cost against a plan (<c>--plan</c>; not in ccusage).</summary>
    [JsonPropertyName("plan"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public PlanComparison? Plan { get; set; }
    /// <summary>Session totals by the billing source the ledger recorded (session report, when launches were recorded).</summary>
    [JsonPropertyName("billingSources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<BillingSourceTotals>? BillingSources { get; set; }
}

public sealed class DailyReport : UsageReportBase
{
    [JsonPropertyName("daily")] public required List<DailyRow> Daily { get; init; }
}

public sealed class WeeklyReport : UsageReportBase
{
    [JsonPropertyName("weekly")] public required List<WeeklyRow> Weekly { get; init; }
}

public sealed class MonthlyReport : UsageReportBase
{
    [JsonPropertyName("monthly")] public required List<MonthlyRow> Monthly { get; init; }
}

public sealed class SessionReport : UsageReportBase
{
    [JsonPropertyName("sessions")] public required List<SessionRow> Sessions { get; init; }
}

public sealed class BlockTokenCounts
{
    [JsonPropertyName("inputTokens")] public long InputTokens { get; set; }
    [JsonPropertyName("outputTokens")] public long OutputTokens { get; set; }
    [JsonPropertyName("cacheCreationInputTokens")] public long CacheCreationInputTokens { get; set; }
    [JsonPropertyName("cacheReadInputTokens")] public long CacheReadInputTokens { get; set; }
}

public sealed record BurnRate(
    [property: JsonPropertyName("tokensPerMinute")] double TokensPerMinute,
    [property: JsonPropertyName("tokensPerMinuteForIndicator")] double TokensPerMinuteForIndicator,
    [property: JsonPropertyName("costPerHour")] double CostPerHour);

public sealed record BlockProjection(
    [property: JsonPropertyName("totalTokens")] long TotalTokens,
    [property: JsonPropertyName("totalCost")] double TotalCost,
    [property: JsonPropertyName("remainingMinutes")] long RemainingMinutes);

public sealed record TokenLimitStatus(
    [property: JsonPropertyName("limit")] long Limit,
    [property: JsonPropertyName("projectedUsage")] long ProjectedUsage,
    [property: JsonPropertyName("percentUsed")] double PercentUsed,
    [property: JsonPropertyName("status")] string Status);

public sealed class BlockRow
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("startTime")] public required string StartTime { get; init; }
    [JsonPropertyName("endTime")] public required string EndTime { get; init; }
    [JsonPropertyName("actualEndTime")] public string? ActualEndTime { get; set; }
    [JsonPropertyName("isActive")] public bool IsActive { get; set; }
    [JsonPropertyName("isGap")] public bool IsGap { get; init; }
    [JsonPropertyName("entries")] public int Entries { get; set; }
    [JsonPropertyName("tokenCounts")] public BlockTokenCounts TokenCounts { get; init; } = new();
    [JsonPropertyName("totalTokens")] public long TotalTokens { get; set; }
    [JsonPropertyName("costUSD")] public double CostUsd { get; set; }
    [JsonPropertyName("models")] public List<string> Models { get; init; } = [];
    [JsonPropertyName("burnRate")] public BurnRate? BurnRate { get; set; }
    [JsonPropertyName("projection")] public BlockProjection? Projection { get; set; }
    [JsonPropertyName("tokenLimitStatus"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TokenLimitStatus? TokenLimitStatus { get; set; }

    [JsonIgnore] public DateTimeOffset Start { get; init; }
    [JsonIgnore] public DateTimeOffset End { get; init; }
    [JsonIgnore] public DateTimeOffset? FirstEntry { get; set; }
    [JsonIgnore] public DateTimeOffset? LastEntry { get; set; }
}

public sealed class BlocksReport
{
    [JsonPropertyName("blocks")] public required List<BlockRow> Blocks { get; init; }
    /// <summary>The plan's own utilisation per rate-limit window, as Claude Code last reported it to a recorded launch.</summary>
    [JsonPropertyName("planUtilisation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<PlanUtilisation>? PlanUtilisation { get; set; }
}
