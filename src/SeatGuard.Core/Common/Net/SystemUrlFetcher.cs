using System.Net;

namespace SeatGuard.Core.Common.Net;

/// <summary>
/// <see cref="IUrlFetcher"/> over HTTP: https anywhere, plain http only to a loopback address; no redirects (a
/// redirect is reported, never followed, so an address cannot be bent to file: or to another host); no proxy for
/// loopback; a size cap and a timeout; no credentials or cookies sent.
/// </summary>
public sealed class SystemUrlFetcher(TimeSpan? timeout = null) : IUrlFetcher
{
    public async Task<byte[]> FetchAsync(Uri url, long maxBytes, CancellationToken cancellationToken = default)
    {
        Check(url);
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            Credentials = null,
            UseProxy = !IsLoopback(url),
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        using var client = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("seatguard");
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            int status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
                throw new InputException($"{Show(url)} redirects ({status}) to {response.Headers.Location?.ToString() ?? "another address"}; SeatGuard does not follow redirects: give the final address");
            if (!response.IsSuccessStatusCode) throw new InputException($"{Show(url)} answered {status} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
                throw new InputException($"{Show(url)} is {length} bytes, more than the {maxBytes} SeatGuard accepts");
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + n > maxBytes) throw new InputException($"{Show(url)} is larger than the {maxBytes} bytes SeatGuard accepts");
                buffer.Write(chunk, 0, n);
            }
            return buffer.ToArray();
        }
        catch (HttpRequestException e)
        {
            throw new InputException($"cannot download {Show(url)}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InputException($"cannot download {Show(url)}: no answer within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds:0} s");
        }
    }

    /// <summary>https anywhere; http only to loopback (tests, a local mirror); nothing else.</summary>
    public static void Check(Uri url)
    {
        if (!url.IsAbsoluteUri) throw new InputException($"'{url}' is not an absolute address");
        if (url.Scheme == Uri.UriSchemeHttps) return;
        if (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url)) return;
        throw new InputException($"{Show(url)}: SeatGuard downloads only https:// addresses (plain http:// only from this machine)");
    }

    private static bool IsLoopback(Uri url) => url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The address without user info or query (which may carry a secret).</summary>
    public static string Show(Uri url) => url.IsAbsoluteUri ? $"{url.Scheme}://{url.Authority.Split('@')[^1]}{url.AbsolutePath}" : Redactor.Scrub(url.ToString());
}
