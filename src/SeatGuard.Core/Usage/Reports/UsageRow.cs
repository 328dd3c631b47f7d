using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>A row with per-model detail (daily, weekly, monthly, session).</summary>
public class UsageRow : UsageTotals
{
    /// <summary>Models used.</summary>
    [JsonPropertyName("modelsUsed")] public List<string> ModelsUsed { get; init; } = [];
    /// <summary>Per-model numbers.</summary>
    [JsonPropertyName("modelBreakdowns")] public List<ModelBreakdown> ModelBreakdowns { get; init; } = [];

    /// <summary>The breakdown added to last: consecutive cells are mostly of one model (names are shared strings).</summary>
    private ModelBreakdown? _last;

    internal void AddWithModel(in UsageCell c, string model, double cost, bool unpriced)
    {
        Add(c, model, cost, unpriced);
        var b = _last;
        if (b is null || !ReferenceEquals(b.ModelName, model))
        {
            b = Breakdown(model);
            if (b is null)
            {
                b = new ModelBreakdown { ModelName = model, Cost = 0 };
                ModelBreakdowns.Add(b);
                ModelsUsed.Add(model);
            }
            _last = b;
        }
        b.InputTokens += c.Input;
        b.OutputTokens += c.Output;
        b.CacheCreationTokens += c.CacheCreation;
        b.CacheReadTokens += c.CacheRead;
        b.Cost = double.IsNaN(cost) || b.Cost is null ? null : b.Cost + cost;
        if (unpriced) b.MissingPricing = true;
    }

    private ModelBreakdown? Breakdown(string model)
    {
        var list = ModelBreakdowns;
        for (int i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i].ModelName, model)) return list[i];
        }
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].ModelName == model) return list[i];
        }
        return null;
    }

    internal void Finish() => ModelBreakdowns.Sort((a, b) => (b.Cost ?? -1).CompareTo(a.Cost ?? -1));
}
