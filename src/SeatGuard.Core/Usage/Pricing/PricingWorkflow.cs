using System.Globalization;
using System.Text.Json;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Usage;

/// <summary><c>seatguard pricing show|update</c>: the effective price book, and importing a newer one.</summary>
public static class PricingWorkflow
{
    /// <summary>Largest price file accepted from a file or URL (LiteLLM's whole file is a few MB).</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary><c>pricing show</c>: the layers and every model's rates in force at <paramref name="now"/>.</summary>
    public static PricingShowReport Show(HostContext host, string? userFile, DateTimeOffset now)
    {
        var book = PricingStore.Load(host, userFile);
        long t = now.ToUnixTimeMilliseconds();
        var current = book.Models.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m =>
        {
            var p = m.PeriodAt(t);
            var next = m.Periods.FirstOrDefault(x => x.FromMs > t);
            return new CurrentPrice(m.Id, m.DisplayName, m.Source.Aliases ?? [], p.Card, p.Bands ?? [], m.FastPeriodAt(t)?.Card, p.From, next?.From);
        }).ToList();
        return new PricingShowReport { AsOf = book.AsOf, Layers = [.. book.Layers], Current = current, Book = book.Data };
    }

    /// <summary>
    /// Imports a price file (LiteLLM's model-price JSON, or a SeatGuard price book) from a path or an http(s) URL into
    /// SeatGuard's data dir, validated and dated. Bad input throws <see cref="InputException"/>.
    /// </summary>
    public static async Task<PricingUpdateReport> UpdateAsync(HostContext host, string from, DateTimeOffset now, HttpClient http, CancellationToken ct)
    {
        var bytes = await ReadAsync(host, from, http, ct);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new InputException($"{from} is not JSON: {e.Message.Split('\n')[0]}");
        }
        using (doc)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var importedAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            PriceBookData layer;
            string format;
            var added = new List<string>();
            var changed = new List<string>();
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new InputException($"{from} is neither LiteLLM's model-price JSON nor a SeatGuard price book (not a JSON object)");
            if (LiteLlmImport.Looks(doc.RootElement))
            {
                layer = LiteLlmImport.ToLayer(doc.RootElement, PriceBook.Embedded, today, from, out changed, out added);
                format = "litellm";
            }
            else
            {
                layer = PriceBook.Parse(System.Text.Encoding.UTF8.GetString(bytes), from);
                if (layer.Schema is { } schema && schema != PriceBookData.SchemaName) throw new InputException($"{from}: unknown price-book schema '{schema}' (expected {PriceBookData.SchemaName})");
                if (layer.Models is null or { Count: 0 }) throw new InputException($"{from} is neither LiteLLM's model-price JSON nor a SeatGuard price book (no models)");
                if (string.IsNullOrEmpty(layer.AsOf)) layer = layer with { AsOf = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
                else if (!DateOnly.TryParseExact(layer.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) throw new InputException($"{from}: asOf '{layer.AsOf}' is not a date (YYYY-MM-DD)");
                foreach (var m in layer.Models)
                {
                    if (PriceBook.Embedded.Find(m.Id) is null) added.Add(m.Id);
                    else changed.Add(m.Id);
                }
                format = "seatguard";
            }
            layer = layer with { ImportedFrom = from, ImportedAt = importedAt };
            PricingStore.SaveImported(host, layer);
            return new PricingUpdateReport(PricingStore.ImportedPath(host), from, format, layer.AsOf, importedAt, added, changed, layer.Notes ?? []);
        }
    }

    private static async Task<byte[]> ReadAsync(HostContext host, string from, HttpClient http, CancellationToken ct)
    {
        if (Uri.TryCreate(from, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            try
            {
                using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
                if (!response.IsSuccessStatusCode) throw new InputException($"{from}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                if (response.Content.Headers.ContentLength > MaxBytes) throw new InputException($"{from} is larger than {MaxBytes / (1024 * 1024)} MiB");
                await using var stream = await response.Content.ReadAsStreamAsync(ct);
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int n;
                while ((n = await stream.ReadAsync(chunk, ct)) > 0)
                {
                    buffer.Write(chunk, 0, n);
                    if (buffer.Length > MaxBytes) throw new InputException($"{from} is larger than {MaxBytes / (1024 * 1024)} MiB");
                }
                return buffer.ToArray();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                throw new InputException($"cannot fetch {from}: {e.Message}");
            }
        }
        if (uri is not null && uri.Scheme != Uri.UriSchemeFile && from.Contains("://", StringComparison.Ordinal)) throw new InputException($"{from}: only http(s) URLs and files are supported");
        var path = uri?.Scheme == Uri.UriSchemeFile ? uri.LocalPath : Path.GetFullPath(from, host.WorkingDirectory);
        return UserFiles.ReadBytes(path, "price file");
    }
}
