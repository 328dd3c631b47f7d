using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>A row with per-model detail (daily, weekly, monthly, session).</summary>
public class UsageRow : UsageTotals
{
    /// <summary>Models used.</summary>
    [JsonPropertyName("modelsUsed")] public List<string> ModelsUsed { get; init; } = [];
    /// <summary>Per-model numbers.</summary>
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
