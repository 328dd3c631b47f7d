using System.Globalization;
using System.Text.Json;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Turns LiteLLM's <c>model_prices_and_context_window.json</c> (what ccusage fetches: USD per token, one object per
/// model id) into a price-book layer over a base book, keeping only Anthropic's first-party entries
/// (<c>litellm_provider</c> "anthropic"). LiteLLM has no dates, so a changed price becomes a new rate period from the
/// import day (requests before it keep the old rate), and a model the book lacks is added with one open period.
/// LiteLLM cannot express what the book knows beyond it (Haiku 5.5's prompt band, dated changes), so a model's bands
/// are kept from the book when LiteLLM has none. Implausible values (negative, not a number, over $10,000 per million
/// tokens) reject the file; a 1-hour cache-write rate that is not close to twice the input rate (LiteLLM's field is
/// known to be wrong at times) is replaced by twice the input rate, as Anthropic prices it.
/// </summary>
public static class LiteLlmImport
{
    /// <summary>True when the JSON looks like LiteLLM's price file (an object of model objects with per-token costs).</summary>
    public static bool Looks(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("models", out _) && !root.TryGetProperty("schema", out _)
        && root.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("input_cost_per_token", out _));

    /// <summary>Builds a price-book layer over <paramref name="book"/> from LiteLLM's price file, as described on the type.</summary>
    /// <param name="root">LiteLLM's price file, parsed.</param>
    /// <param name="book">The book the layer goes over (its bands, dates and models are kept).</param>
    /// <param name="today">The import day: a changed price's new period starts on it.</param>
    /// <param name="source">Where the file came from (a path or URL), named in the layer's notes.</param>
    /// <param name="changed">The ids of book models whose rates changed.</param>
    /// <param name="added">The ids of models the book did not have.</param>
    public static PriceBookData ToLayer(JsonElement root, PriceBook book, DateOnly today, string source, out List<string> changed, out List<string> added)
    {
        changed = [];
        added = [];
        var notes = new List<string>();
        var byModel = new Dictionary<string, (string Key, Rates Card, PromptBand? Band, double? Fast)>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject())
        {
            if (p.Name == "sample_spec" || p.Value.ValueKind != JsonValueKind.Object) continue;
            var e = p.Value;
            var provider = Text(e, "litellm_provider");
            if (provider is not null && provider != "anthropic") continue;
            if (provider is null && !p.Name.StartsWith("claude-", StringComparison.Ordinal)) continue;
            if (Text(e, "mode") is { } mode && mode != "chat") continue;
            if (Number(e, "input_cost_per_token", p.Name) is not { } inputPerToken || Number(e, "output_cost_per_token", p.Name) is not { } outputPerToken) continue;
            double input = inputPerToken * 1e6, output = outputPerToken * 1e6;
            double cw5 = (Number(e, "cache_creation_input_token_cost", p.Name) ?? inputPerToken * 1.25) * 1e6;
            double cw1 = (Number(e, "cache_creation_input_token_cost_above_1hr", p.Name) ?? inputPerToken * 2) * 1e6;
            if (input > 0 && Math.Abs(cw1 / input - 2) > 0.25)
            {
                notes.Add($"{p.Name}: LiteLLM's 1-hour cache-write rate {cw1.ToString(CultureInfo.InvariantCulture)} is not twice the input rate; 2x input used");
                cw1 = input * 2;
            }
            double read = (Number(e, "cache_read_input_token_cost", p.Name) ?? inputPerToken * 0.1) * 1e6;
            PromptBand? band = null;
            if (Number(e, "input_cost_per_token_above_200k_tokens", p.Name) is { } inAbove)
            {
                double outAbove = (Number(e, "output_cost_per_token_above_200k_tokens", p.Name) ?? outputPerToken) * 1e6;
                double cw5Above = (Number(e, "cache_creation_input_token_cost_above_200k_tokens", p.Name) ?? inAbove * 1.25) * 1e6;
                double cw1Above = (Number(e, "cache_creation_input_token_cost_above_1hr_above_200k_tokens", p.Name) ?? inAbove * 2) * 1e6;
                double readAbove = (Number(e, "cache_read_input_token_cost_above_200k_tokens", p.Name) ?? inAbove * 0.1) * 1e6;
                band = new PromptBand { Above = 200_000, Input = inAbove * 1e6, Output = outAbove, CacheWrite5m = cw5Above, CacheWrite1h = cw1Above, CacheRead = readAbove, Sources = ["import"] };
            }
            double? fast = e.TryGetProperty("provider_specific_entry", out var pse) && pse.ValueKind == JsonValueKind.Object
                && pse.TryGetProperty("fast", out var fm) && fm.ValueKind == JsonValueKind.Number && fm.TryGetDouble(out var fv) && fv > 0 && fv <= 100 ? fv : null;
            var card = new Rates(input, output, cw5, cw1, read);
            var known = book.Find(p.Name);
            string id = known?.Id ?? ModelIds.WithoutDate(ModelIds.Normalize(p.Name));
            if (id.Length == 0) continue;
            // The undated id's entry wins over dated ones of the same model.
            if (byModel.TryGetValue(id, out var seen) && ModelIds.WithoutDate(seen.Key) == seen.Key) continue;
            byModel[id] = (p.Name, card, band, fast);
        }
        if (byModel.Count == 0) throw new InputException("the LiteLLM price file has no Anthropic (claude) models");

        long todayMs = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        string from = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var models = new List<ModelPrice>();
        foreach (var (id, (key, card, band, fast)) in byModel.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var known = book.Find(key);
            if (known is null)
            {
                var rates = new RatePeriod
                {
                    Input = card.Input, Output = card.Output, CacheWrite5m = card.CacheWrite5m, CacheWrite1h = card.CacheWrite1h, CacheRead = card.CacheRead,
                    Bands = band is null ? null : [band], Sources = ["import"],
                };
                models.Add(new ModelPrice
                {
                    Id = id, Aliases = key == id ? null : [key], Rates = [rates],
                    Fast = fast is { } f && f > 0 && f != 1 ? [Scaled(rates, f) with { Bands = null }] : null,
                    Sources = ["import"], Note = "added by pricing update from " + source,
                });
                added.Add(id);
                continue;
            }
            var current = known.PeriodAt(todayMs);
            var newBands = band is null ? current.Bands : [band, .. (current.Bands ?? []).Where(b => b.Above != band.Above)];
            bool sameRates = Same(current.Card, card) && BandsSame(current.Bands, newBands);
            if (sameRates) continue;
            var periods = known.Source.SameRatesAs is null ? [.. known.Source.Rates ?? []] : known.Periods.Select(pp => pp with { }).ToList();
            // Close whatever is open at the import day and start the imported rates then.
            var kept = new List<RatePeriod>();
            foreach (var pp in periods)
            {
                long f0 = PriceBook.Instant(pp.From, id) ?? long.MinValue;
                if (f0 >= todayMs) continue;
                long u0 = PriceBook.Instant(pp.Until, id) ?? long.MaxValue;
                kept.Add(u0 > todayMs ? pp with { Until = from } : pp);
            }
            kept.Add(new RatePeriod
            {
                From = from, Input = card.Input, Output = card.Output, CacheWrite5m = card.CacheWrite5m, CacheWrite1h = card.CacheWrite1h, CacheRead = card.CacheRead,
                Bands = newBands is { Count: > 0 } ? [.. newBands] : null, Sources = ["import"], Note = "imported from " + source,
            });
            models.Add(known.Source with { Rates = kept, SameRatesAs = null, Fast = known.Source.SameRatesAs is null ? known.Source.Fast : [.. known.FastPeriods] });
            changed.Add(known.Id);
        }
        return new PriceBookData
        {
            Schema = PriceBookData.SchemaName,
            AsOf = from,
            Source = "LiteLLM model prices (" + source + ")",
            Notes = notes.Count > 0 ? notes : null,
            Models = models,
        };
    }

    private static RatePeriod Scaled(RatePeriod p, double f) => p with
    {
        Input = p.Input * f, Output = p.Output * f, CacheWrite5m = p.CacheWrite5m * f, CacheWrite1h = p.CacheWrite1h * f, CacheRead = p.CacheRead * f,
    };

    private static bool Same(Rates a, Rates b) =>
        Near(a.Input, b.Input) && Near(a.Output, b.Output) && Near(a.CacheWrite5m, b.CacheWrite5m) && Near(a.CacheWrite1h, b.CacheWrite1h) && Near(a.CacheRead, b.CacheRead);

    private static bool BandsSame(List<PromptBand>? a, List<PromptBand>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0)) return false;
        if (a is null || b is null) return true;
        return a.OrderBy(x => x.Above).Zip(b.OrderBy(x => x.Above)).All(t => t.First.Above == t.Second.Above && Same(t.First.Card, t.Second.Card));
    }

    private static bool Near(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name, string model)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d) || d < 0 || d > 0.01)
            throw new InputException($"the LiteLLM price file's {model}.{name} is not a plausible USD-per-token price: {v.GetRawText()}");
        return d;
    }
}
