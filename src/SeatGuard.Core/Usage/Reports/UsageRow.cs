using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>A row with per-model detail (daily, weekly, monthly, session).</summary>
public class UsageRow : UsageTotals
{
    /// <summary>Models used.</summary>
    [JsonPropertyName("modelsUsed")] public List<string> ModelsUsed { get; init; } = [];
    /// <summary>Per-model numbers.</summary>
    [JsonPropertyName("modelBreakdowns")] public List<ModelBreakdown> ModelBreakdowns { get; init; } = [];

    internal void AddWithModel(in UsageCell c, string model, double cost, bool unpriced)
    {
        Add(c, model, cost, unpriced);
        ModelBreakdown? b = null;
        foreach (var m in ModelBreakdowns)
        {
            if (ReferenceEquals(m.ModelName, model) || m.ModelName == model) { b = m; break; }
        }
        if (b is null)
        {
            b = new ModelBreakdown { ModelName = model, Cost = 0 };
            ModelBreakdowns.Add(b);
            ModelsUsed.Add(model);
        }
        b.InputTokens += c.Input;
        b.OutputTokens += c.Output;
        b.CacheCreationTokens += c.CacheCreation;
        b.CacheReadTokens += c.CacheRead;
        b.Cost = double.IsNaN(cost) || b.Cost is null ? null : b.Cost + cost;
        if (unpriced) b.MissingPricing = true;
    }

    internal void Finish() => ModelBreakdowns.Sort((a, b) => (b.Cost ?? -1).CompareTo(a.Cost ?? -1));
}
