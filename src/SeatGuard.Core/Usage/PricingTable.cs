using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>
/// The pricing table: embedded and dated (<c>Usage/pricing.data.json</c>), overridable by a user file with the same
/// shape (models in the user file replace or add to the embedded ones).
/// </summary>
public sealed class PricingTable
{
    private readonly Dictionary<string, ModelPrice> _byId;
    private readonly Dictionary<string, ModelPrice?> _resolved = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The price book.</summary>
    public PricingData Data { get; }

    /// <summary>A table over this price book.</summary>
    public PricingTable(PricingData data)
    {
        Data = data;
        _byId = data.Models.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The date the prices are from.</summary>
    public string AsOf => Data.AsOf;
    /// <summary>Input-side tokens above which long-context rates apply.</summary>
    public long LongContextThreshold => Data.LongContextThreshold;

    private static PricingTable? _embedded;

    /// <summary>The table compiled into SeatGuard.</summary>
    public static PricingTable Embedded => _embedded ??= new PricingTable(LoadEmbedded());

    private static PricingData LoadEmbedded()
    {
        return JsonSerializer.Deserialize(EmbeddedData.ReadText("pricing.data.json"), UsageJson.Default.PricingData)!;
    }

    /// <summary>The embedded table with a user file's models and plans laid over it.</summary>
    /// <exception cref="InputException">The file is not a valid pricing table.</exception>
    public static PricingTable WithOverride(string? userFile)
    {
        if (string.IsNullOrEmpty(userFile) || !File.Exists(userFile)) return Embedded;
        PricingData user;
        try
        {
            user = JsonSerializer.Deserialize(UserFiles.ReadBytes(userFile, "pricing file"), UsageJson.Default.PricingData) ?? new PricingData();
        }
        catch (JsonException ex)
        {
            throw new InputException($"pricing file {userFile} is not valid: {ex.Message}");
        }
        var baseData = Embedded.Data;
        user = user with { Models = user.Models ?? [], Plans = user.Plans ?? [] };
        var models = baseData.Models.Where(m => !user.Models.Any(u => string.Equals(u.Id, m.Id, StringComparison.OrdinalIgnoreCase))).Concat(user.Models).ToList();
        var plans = baseData.Plans.Where(p => !user.Plans.Any(u => u.Id == p.Id)).Concat(user.Plans).ToList();
        return new PricingTable(baseData with
        {
            AsOf = string.IsNullOrEmpty(user.AsOf) ? baseData.AsOf : user.AsOf,
            Models = models,
            Plans = plans,
            LongContextThreshold = user.LongContextThreshold > 0 ? user.LongContextThreshold : baseData.LongContextThreshold,
        });
    }

    /// <summary>The price of a model id as transcripts write it (date suffixes, provider prefixes and aliases resolved), or null.</summary>
    public ModelPrice? Find(string model)
    {
        lock (_lock)
        {
            if (_resolved.TryGetValue(model, out var hit)) return hit;
            var found = Resolve(model);
            _resolved[model] = found;
            return found;
        }
    }

    private ModelPrice? Resolve(string model)
    {
        var name = Normalize(model);
        if (_byId.TryGetValue(name, out var exact)) return exact;
        // Longest id that the name extends ("claude-opus-4-1-foo" → claude-opus-4-1).
        ModelPrice? best = null;
        foreach (var m in _byId.Values)
        {
            if (name.StartsWith(m.Id + "-", StringComparison.OrdinalIgnoreCase) && (best is null || m.Id.Length > best.Id.Length)) best = m;
        }
        return best;
    }

    internal static string Normalize(string model)
    {
        var s = model.Trim().ToLowerInvariant();
        int slash = s.LastIndexOf('/');
        if (slash >= 0) s = s[(slash + 1)..];
        int anthropic = s.IndexOf("anthropic.", StringComparison.Ordinal);
        if (anthropic >= 0) s = s[(anthropic + "anthropic.".Length)..];
        int at = s.IndexOf('@');
        if (at >= 0) s = s[..at];
        int colon = s.IndexOf(':');
        if (colon >= 0) s = s[..colon];
        if (s.EndsWith("-v1", StringComparison.Ordinal) || s.EndsWith("-v2", StringComparison.Ordinal)) s = s[..^3];
        // Date suffix: -YYYYMMDD.
        if (s.Length > 9 && s[^9] == '-' && s.AsSpan(s.Length - 8).IndexOfAnyExceptInRange('0', '9') < 0) s = s[..^9];
        if (!s.StartsWith("claude-", StringComparison.Ordinal)) s = "claude-" + s;
        return s;
    }

    /// <summary>Cost of one entry in USD, or null when the model is not in the table.</summary>
    public double? Cost(in UsageEntry e, CostMode mode)
    {
        if (mode == CostMode.Ccusage && (e.Flags & UsageEntryFlags.HasCostUsd) != 0) return e.CostUsd;
        var price = Find(e.Model);
        if (price is null) return null;
        return mode == CostMode.Anthropic ? AnthropicCost(e, price, LongContextThreshold) : CcusageCost(e, price, LongContextThreshold);
    }

    /// <summary>Anthropic's rule: over the threshold on the input side, every token of the request at long-context rates.</summary>
    public static double AnthropicCost(in UsageEntry e, ModelPrice price, long threshold)
    {
        var r = price.LongContext is not null && e.InputSideTokens > threshold ? price.LongContext : price.Base;
        return (e.InputTokens * r.Input + e.OutputTokens * r.Output + e.CacheWrite5mTokens * r.CacheWrite5m
              + e.CacheWrite1hTokens * r.CacheWrite1h + e.CacheReadTokens * r.CacheRead) / 1_000_000d;
    }

    /// <summary>ccusage 20.0.24's rule: each token type split at the threshold, only the excess at the premium rate.</summary>
    public static double CcusageCost(in UsageEntry e, ModelPrice price, long threshold)
    {
        var b = price.Base;
        var lc = price.LongContext;
        return Tiered(e.InputTokens, b.Input, lc?.Input, threshold)
             + Tiered(e.OutputTokens, b.Output, lc?.Output, threshold)
             + Tiered(e.CacheWrite5mTokens, b.CacheWrite5m, lc?.CacheWrite5m, threshold)
             + Tiered(e.CacheWrite1hTokens, b.CacheWrite1h, lc?.CacheWrite1h, threshold)
             + Tiered(e.CacheReadTokens, b.CacheRead, lc?.CacheRead, threshold);
    }

    private static double Tiered(long tokens, double rate, double? premium, long threshold)
    {
        if (tokens <= 0) return 0;
        if (premium is null || tokens <= threshold) return tokens * rate / 1_000_000d;
        return threshold * rate / 1_000_000d + (tokens - threshold) * premium.Value / 1_000_000d;
    }
}
