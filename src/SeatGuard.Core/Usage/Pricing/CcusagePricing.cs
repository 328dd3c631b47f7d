using System.Text.Json;

namespace SeatGuard.Core.Usage;

/// <summary>
/// ccusage 20.0.24's prices and matching rules, for <c>--cost-mode ccusage</c> (parity checks and migration, not
/// correct prices): its embedded LiteLLM snapshot with the entries its code adds over it, its fast-mode multipliers, and
/// its models.dev snapshot as the fallback (<c>Usage/Pricing/ccusage-20.0.24.data.json</c>, read out of the binary).
/// A model id is looked up exactly, then by ccusage's fuzzy rule — a key matches when one string contains the other at
/// non-alphanumeric boundaries (also with '.'/'@' as '-'), except that a key ending in a digit may not be followed by
/// <c>-&lt;digits&gt;</c> unless those are an 8-digit date; the longest matching key wins. A model it cannot match costs 0
/// and is reported as unpriced, as ccusage does. Costs: each token type split at 200,000 tokens with only the excess at
/// the premium; 1-hour cache writes at twice the input rate; times the fast multiplier for <c>speed: "fast"</c>; a
/// line's <c>costUSD</c> used when present (its default "auto" mode).
/// </summary>
public sealed class CcusagePricing
{
    /// <summary>Tokens of one type above which LiteLLM's <c>_above_200k_tokens</c> rates apply to the excess (ccusage's rule).</summary>
    public const long Threshold = 200_000;

    private readonly Dictionary<string, CcusagePrice> _primary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CcusagePrice> _modelsDev = new(StringComparer.Ordinal);
    private readonly HashSet<string> _exactOnly = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CcusagePrice?> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private static CcusagePricing? _embedded;

    /// <summary>ccusage 20.0.24's own price data, as embedded in its binary.</summary>
    public static CcusagePricing Embedded => _embedded ??= new CcusagePricing(Common.EmbeddedData.ReadText("ccusage-20.0.24.data.json"));

    private CcusagePricing(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var fast = root.GetProperty("fastOverrides");
        var exactFast = fast.GetProperty("exact").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
        var prefixFast = fast.GetProperty("normalizedPrefix").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())).ToList();
        double? OverrideFor(string model)
        {
            if (exactFast.TryGetValue(model, out var m)) return m;
            var normalized = model.Replace('.', '-').Replace('@', '-');
            foreach (var part in normalized.Split('/', ':'))
            {
                foreach (var (prefix, multiplier) in prefixFast)
                {
                    if (MatchesModelSuffix(part, prefix)) return multiplier;
                }
            }
            return null;
        }
        foreach (var p in root.GetProperty("litellm").EnumerateObject())
        {
            var e = p.Value;
            if (!e.TryGetProperty("i", out var i) || !e.TryGetProperty("o", out var o)) continue;
            double input = i.GetDouble();
            _primary[p.Name] = new CcusagePrice(input, o.GetDouble(), Opt(e, "cc") ?? input * 1.25, Opt(e, "cr") ?? input * 0.1,
                Opt(e, "ia"), Opt(e, "oa"), Opt(e, "cca"), Opt(e, "cra"), Opt(e, "fast") ?? OverrideFor(p.Name) ?? 1);
        }
        // The entries ccusage's code adds only fill what its LiteLLM snapshot lacks (measured: its gpt-5 is the snapshot's).
        foreach (var p in root.GetProperty("builtin").EnumerateObject())
        {
            if (_primary.ContainsKey(p.Name)) continue;
            var e = p.Value;
            bool overrides = e.TryGetProperty("fastFromOverrides", out var f) && f.GetBoolean();
            _primary[p.Name] = new CcusagePrice(e.GetProperty("i").GetDouble(), e.GetProperty("o").GetDouble(), e.GetProperty("cc").GetDouble(), e.GetProperty("cr").GetDouble(),
                Opt(e, "ia"), Opt(e, "oa"), Opt(e, "cca"), Opt(e, "cra"), overrides ? OverrideFor(p.Name) ?? 1 : 1);
        }
        foreach (var p in root.GetProperty("modelsDev").EnumerateObject())
        {
            var e = p.Value;
            double input = e.GetProperty("i").GetDouble() / 1_000_000, output = e.GetProperty("o").GetDouble() / 1_000_000;
            var price = new CcusagePrice(input, output, (Opt(e, "cw") / 1_000_000) ?? input * 1.25, (Opt(e, "cr") / 1_000_000) ?? input * 0.1, null, null, null, null,
                OverrideFor(p.Name) ?? 1);
            // A models.dev tier switches the whole request (measured: claude-sonnet-4-5@eu, claude-opus-4-6@default).
            if (e.TryGetProperty("tiers", out var tiers) && tiers.ValueKind == JsonValueKind.Array && tiers.GetArrayLength() > 0
                && tiers[0].TryGetProperty("tier", out var tier) && tier.TryGetProperty("size", out var size))
            {
                var t = tiers[0];
                double ti = (Opt(t, "input") ?? e.GetProperty("i").GetDouble()) / 1_000_000;
                price = price with
                {
                    TierSize = size.GetInt64(), TierInput = ti, TierOutput = (Opt(t, "output") ?? e.GetProperty("o").GetDouble()) / 1_000_000,
                    TierCacheCreate = (Opt(t, "cache_write") / 1_000_000) ?? ti * 1.25, TierCacheRead = (Opt(t, "cache_read") / 1_000_000) ?? ti * 0.1,
                };
            }
            _modelsDev[p.Name] = price;
            if (e.TryGetProperty("exactOnly", out var x) && x.ValueKind == JsonValueKind.True) _exactOnly.Add(p.Name);
        }
    }

    private CcusagePrice? ExactOnly(string model) => _exactOnly.Contains(model) ? _modelsDev[model] : null;

    private static double? Opt(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    /// <summary>ccusage's entry for a model id, or null when it has none (it then prices the model at 0).</summary>
    public CcusagePrice? Find(string model)
    {
        lock (_lock)
        {
            if (_cache.TryGetValue(model, out var hit)) return hit;
            // Measured order: exact in the LiteLLM map; models.dev's exact-only entries (also with a Vertex '@' spelled
            // '-': claude-sonnet-4-5@20250929); the fuzzy rule over the LiteLLM map; then models.dev, exact and fuzzy
            // (databricks-claude-sonnet-4-5 is the LiteLLM map's sonnet-4-5 although models.dev has that exact name).
            CcusagePrice? found = _primary.GetValueOrDefault(model) ?? ExactOnly(model) ?? (model.Contains('@') ? ExactOnly(model.Replace('@', '-')) : null)
                ?? FindEntry(_primary, model, null) ?? FindEntry(_modelsDev, model, _exactOnly);
            _cache[model] = found;
            return found;
        }
    }

    /// <summary>The cost ccusage 20.0.24 shows for an entry (auto mode); <paramref name="unpriced"/> when it has no price for it.</summary>
    public double Cost(in UsageEntry e, out bool unpriced)
    {
        unpriced = false;
        if (e.HasCostUsd) return e.CostUsd;
        if (e.Model.Length == 0) return 0;
        if (Find(e.Model) is not { } p)
        {
            unpriced = e.TotalTokens > 0;
            return 0;
        }
        return Cost(p, e.IsFast, e.InputTokens, e.OutputTokens, e.CacheWrite5mTokens, e.CacheWrite1hTokens, e.CacheReadTokens,
            Excess(e.InputTokens), Excess(e.OutputTokens), Excess(e.CacheWrite5mTokens), Excess(e.CacheWrite1hTokens), Excess(e.CacheReadTokens),
            p.TierSize > 0 && e.InputSideTokens > p.TierSize);
    }

    /// <summary>Tokens of one request above ccusage's 200,000-token tier.</summary>
    public static long Excess(long tokens) => tokens > Threshold ? tokens - Threshold : 0;

    /// <summary>
    /// ccusage's cost of token sums, given the part of each that was above 200,000 in its own request (the tier is per
    /// request and token type, so sums of requests can be priced from sums of their excesses).
    /// </summary>
    /// <param name="aboveTier">The requests' context is above the entry's models.dev tier (every token at the tier's rates).</param>
    /// <param name="p">The model's ccusage price.</param>
    /// <param name="fast">Price at the model's fast-mode rates.</param>
    /// <param name="input">Input tokens.</param>
    /// <param name="output">Output tokens.</param>
    /// <param name="cache5m">Tokens written to the 5-minute cache.</param>
    /// <param name="cache1h">Tokens written to the 1-hour cache.</param>
    /// <param name="cacheRead">Tokens read from the cache.</param>
    /// <param name="inputAbove">The part of <paramref name="input"/> above 200,000 in its own request.</param>
    /// <param name="outputAbove">The part of <paramref name="output"/> above 200,000 in its own request.</param>
    /// <param name="cache5mAbove">The part of <paramref name="cache5m"/> above 200,000 in its own request.</param>
    /// <param name="cache1hAbove">The part of <paramref name="cache1h"/> above 200,000 in its own request.</param>
    /// <param name="cacheReadAbove">The part of <paramref name="cacheRead"/> above 200,000 in its own request.</param>
    public static double Cost(CcusagePrice p, bool fast, long input, long output, long cache5m, long cache1h, long cacheRead,
        long inputAbove, long outputAbove, long cache5mAbove, long cache1hAbove, long cacheReadAbove, bool aboveTier = false)
    {
        if (aboveTier)
        {
            double tiered = input * p.TierInput + output * p.TierOutput + cache5m * p.TierCacheCreate + cache1h * p.TierInput * 2 + cacheRead * p.TierCacheRead;
            return fast ? tiered * p.FastMultiplier : tiered;
        }
        double oneHour = p.Input * 2;
        double? oneHourAbove = p.InputAbove200k * 2;
        double cost = Tiered(input, inputAbove, p.Input, p.InputAbove200k) + Tiered(output, outputAbove, p.Output, p.OutputAbove200k)
            + Tiered(cache5m, cache5mAbove, p.CacheCreate, p.CacheCreateAbove200k) + Tiered(cache1h, cache1hAbove, oneHour, oneHourAbove)
            + Tiered(cacheRead, cacheReadAbove, p.CacheRead, p.CacheReadAbove200k);
        return fast ? cost * p.FastMultiplier : cost;
    }

    private static double Tiered(long tokens, long above, double rate, double? premium) =>
        premium is { } high && above > 0 ? (tokens - above) * rate + above * high : tokens * rate;

    private static CcusagePrice? FindEntry(Dictionary<string, CcusagePrice> map, string model, HashSet<string>? exactOnly)
    {
        if (map.TryGetValue(model, out var exact)) return exact;
        var normalizedModel = Normalized(model);
        string? best = null;
        foreach (var candidate in map.Keys)
        {
            if (exactOnly is not null && exactOnly.Contains(candidate)) continue;
            if (!KeyMatches(candidate, model, normalizedModel)) continue;
            if (best is null || candidate.Length > best.Length || candidate.Length == best.Length && string.CompareOrdinal(candidate, best) < 0) best = candidate;
        }
        return best is null ? null : map[best];
    }

    private static string Normalized(string value) => value.AsSpan().IndexOfAny('.', '@') < 0 ? value : value.Replace('.', '-').Replace('@', '-');

    private static bool KeyMatches(string candidate, string model, string normalizedModel)
    {
        if (ContainsKey(model, candidate) || ContainsKey(candidate, model)) return true;
        var normalizedCandidate = Normalized(candidate);
        return ContainsKey(normalizedModel, normalizedCandidate) || ContainsKey(normalizedCandidate, normalizedModel);
    }

    /// <summary>True when <paramref name="key"/> occurs in <paramref name="value"/> between non-alphanumeric boundaries (ccusage's rule).</summary>
    internal static bool ContainsKey(string value, string key)
    {
        if (key.Length == 0) return false;
        int from = 0;
        while (from <= value.Length - key.Length)
        {
            int index = value.IndexOf(key, from, StringComparison.Ordinal);
            if (index < 0) return false;
            bool before = index == 0 || !char.IsAsciiLetterOrDigit(value[index - 1]);
            if (before && SuffixAllows(key, value.AsSpan(index + key.Length))) return true;
            from = index + key.Length;
        }
        return false;
    }

    private static bool SuffixAllows(string key, ReadOnlySpan<char> suffix)
    {
        if (suffix.IsEmpty) return true;
        if (char.IsAsciiLetterOrDigit(suffix[0])) return false;
        if (!char.IsAsciiDigit(key[^1]) || suffix[0] is not ('-' or '.')) return true;
        var rest = suffix[1..];
        int digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
        if (digits == 0) return true;
        bool date = digits == 8 && (digits == rest.Length || !char.IsAsciiLetterOrDigit(rest[digits]));
        return date;
    }

    private static bool MatchesModelSuffix(string part, string prefix)
    {
        int index = part.LastIndexOf(prefix, StringComparison.Ordinal);
        if (index < 0) return false;
        var suffix = part.AsSpan(index);
        return suffix.Length == prefix.Length || suffix[prefix.Length] == '-';
    }
}
