using System.Globalization;
using System.Text.Json;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>
/// The effective price book: the embedded, dated book (<c>Usage/Pricing/price-book.data.json</c>), with a book imported by
/// <c>seatguard pricing update</c> and a user's <c>pricing.json</c> laid over it (a model in a later layer replaces the
/// same id). Validated when built (<see cref="InputException"/> with the reason). Prices requests by Anthropic's rules:
/// the rate period of the request's time, a prompt band over every token of the request, fast-mode rates, a regional
/// multiplier, web searches. An unknown model has no price (null), never 0.
/// </summary>
public sealed class PriceBook
{
    private readonly Dictionary<string, PricedModel> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PricedModel?> _resolved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _newestVersion = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The merged book as data (what <c>pricing show --json</c> prints).</summary>
    public PriceBookData Data { get; }
    /// <summary>The files the book was built from, embedded first.</summary>
    public IReadOnlyList<PriceBookLayer> Layers { get; }
    /// <summary>Every model of the merged book, aliases resolved.</summary>
    public IReadOnlyList<PricedModel> Models { get; }
    /// <summary>Multipliers by the region a transcript records (<c>usage.inference_geo</c>).</summary>
    public IReadOnlyList<RegionalMultiplier> Regional { get; }
    /// <summary>Subscription plans (for <c>--plan</c>).</summary>
    public IReadOnlyList<PlanPrice> Plans => Data.Plans ?? [];
    /// <summary>USD per web-search request.</summary>
    public double WebSearchUsd => Data.WebSearchUsdPerRequest ?? 0;
    /// <summary>Every band threshold in the book, ascending (the prompt sizes at which some model's price changes).</summary>
    public IReadOnlyList<long> BandThresholds { get; }

    /// <summary>The date of the newest layer.</summary>
    public string AsOf => Data.AsOf;

    private PriceBook(PriceBookData data, IReadOnlyList<PriceBookLayer> layers)
    {
        Data = data;
        Layers = layers;
        var models = data.Models ?? [];
        var byId = new Dictionary<string, ModelPrice>(StringComparer.Ordinal);
        foreach (var m in models)
        {
            if (string.IsNullOrWhiteSpace(m.Id)) throw Invalid("a model has no id");
            byId[Key(m.Id)] = m;
        }
        long legacyThreshold = data.LongContextThreshold is > 0 and var t ? t : 200_000;
        var compiled = new List<PricedModel>();
        foreach (var m in byId.Values)
        {
            var rated = m;
            if (m.SameRatesAs is { } twin)
            {
                if (!byId.TryGetValue(Key(twin), out var other) || other.SameRatesAs is not null)
                    throw Invalid($"model {m.Id}: sameRatesAs '{twin}' is not a model with rates of its own");
                rated = other;
            }
            compiled.Add(new PricedModel
            {
                Id = m.Id, DisplayName = m.DisplayName, Family = m.Family, Source = m,
                Periods = Periods(m.Id, rated, legacyThreshold, fast: false),
                FastPeriods = Periods(m.Id, rated, legacyThreshold, fast: true),
            });
        }
        Models = compiled;
        // Ids first, then aliases (an alias never hides another model's id).
        foreach (var pm in compiled) _byName[Key(pm.Id)] = pm;
        foreach (var pm in compiled)
        {
            foreach (var alias in pm.Source.Aliases ?? [])
            {
                if (string.IsNullOrWhiteSpace(alias)) continue;
                _byName.TryAdd(Key(alias), pm);
            }
            if (ModelIds.FamilyVersion(pm.Id) is { } fv && (!_newestVersion.TryGetValue(fv.Family, out var v) || fv.Version > v)) _newestVersion[fv.Family] = fv.Version;
        }
        Regional = (data.Regional ?? []).Select(r =>
        {
            // "field" may be left out (the only field there is); the reader gives an absent one no value, not the default.
            if (string.IsNullOrEmpty(r.Field)) r = r with { Field = "inference_geo" };
            if (!(r.Multiplier > 0) || !double.IsFinite(r.Multiplier) || r.Multiplier > 100) throw Invalid($"regional multiplier for {r.Field}={r.Value} must be a positive number");
            if (r.Field != "inference_geo") throw Invalid($"regional multiplier field '{r.Field}' is not supported (only inference_geo)");
            return r with { FromMs = Instant(r.From, "regional from") ?? long.MinValue, UntilMs = Instant(r.Until, "regional until") ?? long.MaxValue };
        }).ToList();
        if (data.WebSearchUsdPerRequest is { } ws && (!double.IsFinite(ws) || ws < 0 || ws > 100)) throw Invalid("webSearchUsdPerRequest must be a small non-negative number");
        foreach (var p in data.Plans ?? [])
        {
            if (string.IsNullOrWhiteSpace(p.Id) || !double.IsFinite(p.MonthlyUsd) || p.MonthlyUsd < 0) throw Invalid("a plan needs an id and a non-negative monthlyUsd");
        }
        BandThresholds = compiled.SelectMany(m => m.Periods).SelectMany(p => p.Bands ?? []).Select(b => b.Above).Distinct().Order().ToArray();
    }

    private static string Key(string name) => ModelIds.Normalize(name);

    private static RatePeriod[] Periods(string id, ModelPrice m, long legacyThreshold, bool fast)
    {
        var list = fast ? m.Fast : m.Rates;
        if (!fast && list is null or { Count: 0 } && m.Input is { } input)
        {
            // The older flat shape: one open period, long-context rates as a band.
            var band = m.LongContext is { } lc ? new List<PromptBand> { new() { Above = legacyThreshold, Input = lc.Input, Output = lc.Output, CacheWrite5m = lc.CacheWrite5m, CacheWrite1h = lc.CacheWrite1h, CacheRead = lc.CacheRead } } : null;
            list = [new RatePeriod { Input = input, Output = m.Output ?? 0, CacheWrite5m = m.CacheWrite5m ?? input * 1.25, CacheWrite1h = m.CacheWrite1h ?? input * 2, CacheRead = m.CacheRead ?? input * 0.1, Bands = band }];
        }
        if (list is null or { Count: 0 })
        {
            if (fast) return [];
            throw Invalid($"model {id} has no rates");
        }
        var periods = new List<RatePeriod>();
        foreach (var p in list)
        {
            string what = $"model {id}{(fast ? " fast" : "")} rates{(p.From is null ? "" : " from " + p.From)}";
            CheckRates(what, p.Input, p.Output, p.CacheWrite5m, p.CacheWrite1h, p.CacheRead);
            long from = Instant(p.From, what) ?? long.MinValue, until = Instant(p.Until, what) ?? long.MaxValue;
            if (until <= from) throw Invalid($"{what}: 'until' is not after 'from'");
            // Usage is summed per quarter hour (UsageCell), so a price can only change on one.
            if (from != long.MinValue && from % UsageCell.SlotMs != 0 || until != long.MaxValue && until % UsageCell.SlotMs != 0)
                throw Invalid($"{what}: a price change must fall on a quarter hour (UTC), e.g. 2026-10-07 or 2026-02-17T08:00:00Z");
            var bands = p.Bands?.OrderBy(b => b.Above).ToList();
            foreach (var b in bands ?? [])
            {
                if (b.Above <= 0) throw Invalid($"{what}: a band needs a positive 'above'");
                CheckRates($"{what}, band above {b.Above}", b.Input, b.Output, b.CacheWrite5m, b.CacheWrite1h, b.CacheRead);
            }
            if (bands is not null && bands.Select(b => b.Above).Distinct().Count() != bands.Count) throw Invalid($"{what}: two bands with the same threshold");
            periods.Add(p with { FromMs = from, UntilMs = until, Bands = bands is { Count: > 0 } ? bands : null });
        }
        periods.Sort((a, b) => a.FromMs.CompareTo(b.FromMs));
        for (int i = 1; i < periods.Count; i++)
        {
            if (periods[i].FromMs < periods[i - 1].UntilMs && periods[i - 1].UntilMs != long.MaxValue || periods[i].FromMs == periods[i - 1].FromMs)
                throw Invalid($"model {id}{(fast ? " fast" : "")}: rate periods overlap (from {periods[i - 1].From ?? "the start"} and from {periods[i].From})");
        }
        // An open 'until' ends where the next period starts.
        for (int i = 0; i < periods.Count - 1; i++)
        {
            if (periods[i].UntilMs == long.MaxValue) periods[i] = periods[i] with { UntilMs = periods[i + 1].FromMs };
        }
        return [.. periods];
    }

    private static void CheckRates(string what, params double[] rates)
    {
        foreach (var r in rates)
        {
            if (!double.IsFinite(r) || r < 0 || r > 10_000) throw Invalid($"{what}: rates must be USD per million tokens between 0 and 10,000, not {r.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>A date (<c>2026-10-07</c>, midnight UTC) or an ISO 8601 instant, as Unix milliseconds; null when absent.</summary>
    internal static long? Instant(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) && text.Contains('T'))
            return t.ToUnixTimeMilliseconds();
        throw Invalid($"{what}: '{text}' is not a date (YYYY-MM-DD) or an ISO 8601 time");
    }

    private static InputException Invalid(string message) => new("price book: " + message);

    private static PriceBook? _embedded;

    /// <summary>The book compiled into SeatGuard.</summary>
    public static PriceBook Embedded => _embedded ??= new PriceBook(EmbeddedData(), [new PriceBookLayer("embedded", null, EmbeddedData().AsOf, EmbeddedData().Source)]);

    private static PriceBookData? _embeddedData;

    private static PriceBookData EmbeddedData() => _embeddedData ??= Parse(SeatGuard.Core.Common.EmbeddedData.ReadText("price-book.data.json"), "embedded price book");

    /// <summary>Parses a book's JSON (comments and trailing commas allowed). Throws <see cref="InputException"/>.</summary>
    public static PriceBookData Parse(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(json, UsageJson.Default.PriceBookData) ?? throw new InputException($"{what} is empty");
        }
        catch (JsonException ex)
        {
            throw new InputException($"{what} is not a valid price book: {ex.Message.Split('\n')[0]}");
        }
    }

    /// <summary>A book from data alone (no layers below it). Throws <see cref="InputException"/> when invalid.</summary>
    public static PriceBook FromData(PriceBookData data, string kind = "file", string? path = null) =>
        new(data, [new PriceBookLayer(kind, path, data.AsOf, data.Source ?? data.ImportedFrom)]);

    /// <summary>This book with <paramref name="overlay"/>'s models, plans and rules laid over it.</summary>
    public PriceBook With(PriceBookData overlay, string kind, string? path)
    {
        var ids = new HashSet<string>((overlay.Models ?? []).Select(m => Key(m.Id)), StringComparer.Ordinal);
        var models = (Data.Models ?? []).Where(m => !ids.Contains(Key(m.Id))).Concat(overlay.Models ?? []).ToList();
        var planIds = new HashSet<string>((overlay.Plans ?? []).Select(p => p.Id), StringComparer.OrdinalIgnoreCase);
        var plans = (Data.Plans ?? []).Where(p => !planIds.Contains(p.Id)).Concat(overlay.Plans ?? []).ToList();
        var merged = Data with
        {
            AsOf = string.CompareOrdinal(overlay.AsOf, Data.AsOf) > 0 ? overlay.AsOf : Data.AsOf,
            Models = models,
            Plans = plans,
            Regional = overlay.Regional ?? Data.Regional,
            WebSearchUsdPerRequest = overlay.WebSearchUsdPerRequest ?? Data.WebSearchUsdPerRequest,
            LongContextThreshold = overlay.LongContextThreshold ?? Data.LongContextThreshold,
            Sources = [.. Data.Sources ?? [], .. (overlay.Sources ?? []).Where(s => !(Data.Sources ?? []).Any(d => d.Id == s.Id))],
        };
        return new PriceBook(merged, [.. Layers, new PriceBookLayer(kind, path, overlay.AsOf, overlay.Source ?? overlay.ImportedFrom)]);
    }

    /// <summary>The model a transcript's id names, or null (exact matching after normalisation, see <see cref="ModelIds"/>).</summary>
    public PricedModel? Find(string model)
    {
        lock (_lock)
        {
            if (_resolved.TryGetValue(model, out var hit)) return hit;
            PricedModel? found = null;
            foreach (var name in ModelIds.Candidates(model))
            {
                if (_byName.TryGetValue(name, out found)) break;
            }
            _resolved[model] = found;
            return found;
        }
    }

    /// <summary>
    /// True when an unknown model looks newer than anything in the book: a Claude family the book does not have, or a
    /// version above the newest it has of that family (the book needs <c>seatguard pricing update</c>).
    /// </summary>
    public bool IsNewerThanBook(string model)
    {
        if (Find(model) is not null || ModelIds.FamilyVersion(model) is not { } fv) return false;
        return !_newestVersion.TryGetValue(fv.Family, out var newest) || fv.Version > newest;
    }

    /// <summary>The regional multiplier for a request (1 without one).</summary>
    public double RegionalFactor(string? geo, long timestampMs)
    {
        var span = RateSpan.All;
        return RegionalFactor(geo, timestampMs, ref span);
    }

    /// <summary>
    /// <see cref="RegionalFactor(string?, long)"/>, narrowing <paramref name="span"/> to the time around
    /// <paramref name="timestampMs"/> in which the region's factor stays the same.
    /// </summary>
    public double RegionalFactor(string? geo, long timestampMs, ref RateSpan span)
    {
        if (geo is null) return 1;
        double factor = 1;
        bool found = false;
        foreach (var r in Regional)
        {
            if (!string.Equals(r.Value, geo, StringComparison.OrdinalIgnoreCase)) continue;
            span.Split(timestampMs, r.FromMs, r.UntilMs);
            if (!found && timestampMs >= r.FromMs && timestampMs < r.UntilMs) (factor, found) = (r.Multiplier, true);
        }
        return factor;
    }

    /// <summary>Cost of one entry in USD by Anthropic's rules, or null when the model is not in the book.</summary>
    public double? Cost(in UsageEntry e)
    {
        var m = Find(e.Model);
        if (m is null) return null;
        var card = m.CardFor(e.TimestampMs, e.IsFast, e.InputSideTokens).Times(RegionalFactor(e.InferenceGeo, e.TimestampMs));
        return card.Price(e.InputTokens, e.OutputTokens, e.CacheWrite5mTokens, e.CacheWrite1hTokens, e.CacheReadTokens) + e.WebSearchRequests * WebSearchUsd;
    }
}
