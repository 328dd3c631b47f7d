using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials.Probe;

/// <summary>
/// An in-process loopback stand-in of the Messages API for <c>doctor --probe</c> and <c>--matrix</c>. It classifies
/// the credential headers of each request, discards the values at once, and answers with a minimal well-formed
/// reply (with subscription rate-limit headers, so Claude Code shows whether it treats the credential as a
/// subscription). Binds 127.0.0.1 only; nothing leaves the machine. Every base URL it hands out carries a random
/// path (<see cref="NewBaseUrl"/>), so a request that arrives is known to be the probe's own, and one that went
/// elsewhere (through a proxy, to a settings file's base URL) is noticed by its absence.
/// </summary>
public sealed class ProbeEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ObservedRequest> _observed = new();
    private readonly ConcurrentDictionary<string, byte> _minted = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private readonly TimeProvider _clock;
    private readonly string _root;

    /// <summary>The base URL of the probe's first path (most callers need only one).</summary>
    public string BaseUrl { get; }

    /// <summary>Fingerprints of the access tokens the listener minted at <c>/v1/oauth/token</c> (workload identity federation).</summary>
    public IReadOnlyCollection<string> MintedFingerprints => _minted.Keys.ToArray();

    /// <summary>Every request that reached the listener, in arrival order.</summary>
    public IReadOnlyList<ObservedRequest> Requests => _observed.ToArray();

    /// <summary>Credential headers of each /v1/messages request, in arrival order.</summary>
    public IReadOnlyList<IReadOnlyList<ObservedHeader>> Observed => Messages(null).Select(r => r.Headers).ToArray();

    /// <summary>Starts listening on a free loopback port; <paramref name="clock"/> stamps what it observes.</summary>
    public ProbeEndpoint(TimeProvider clock)
    {
        _clock = clock;
        int port = FreePort();
        _root = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(_root + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
        BaseUrl = NewBaseUrl();
    }

    /// <summary>A base URL with a fresh random path on this listener.</summary>
    public string NewBaseUrl() => _root + "/sg-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>The /v1/messages requests that came in under <paramref name="baseUrl"/> (all of them when null).</summary>
    public IReadOnlyList<ObservedRequest> Messages(string? baseUrl)
    {
        string? prefix = baseUrl is null ? null : new Uri(baseUrl).AbsolutePath.TrimEnd('/');
        return _observed.Where(r => IsMessages(r.Path) && (prefix is null || r.Path.StartsWith(prefix + "/", StringComparison.Ordinal))).ToArray();
    }

    /// <summary>Every request under <paramref name="baseUrl"/>, whatever its path (cloud providers' paths included).</summary>
    public IReadOnlyList<ObservedRequest> Under(string baseUrl)
    {
        var prefix = new Uri(baseUrl).AbsolutePath.TrimEnd('/');
        return _observed.Where(r => r.Path.StartsWith(prefix + "/", StringComparison.Ordinal)).ToArray();
    }

    private static bool IsMessages(string path) =>
        path.EndsWith("/v1/messages", StringComparison.Ordinal);

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var request = context.Request;
            using var body = new MemoryStream();
            await request.InputStream.CopyToAsync(body);
            var path = request.Url?.AbsolutePath ?? "/";
            var response = context.Response;
            bool messages = IsMessages(path);
            var beta = request.Headers["anthropic-beta"] ?? "";
            _observed.Enqueue(new ObservedRequest(path, ClassifyApiKey(request.Headers["x-api-key"]), ClassifyBearer(request.Headers["Authorization"]),
                beta.Split(',').Any(b => b.Trim().StartsWith("oauth-", StringComparison.Ordinal))));
            if (messages)
            {
                var reset = _clock.GetUtcNow().AddHours(5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.Headers["anthropic-ratelimit-unified-status"] = "allowed";
                response.Headers["anthropic-ratelimit-unified-reset"] = reset;
                response.Headers["anthropic-ratelimit-unified-representative-claim"] = "five_hour";
            }
            string text;
            if (request.HttpMethod == "POST" && path.EndsWith("/oauth/token", StringComparison.Ordinal))
            {
                // The token exchange of workload identity federation: mint a worthless token and remember only its fingerprint.
                var minted = TokenShapes.OAuthAccessPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(72)).Replace('+', '-').Replace('/', '_').TrimEnd('=')[..95];
                _minted[Redactor.Fingerprint(minted)] = 0;
                var refresh = TokenShapes.OAuthRefreshPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(40));
                response.ContentType = "application/json";
                text = $$"""{"access_token":"{{minted}}","token_type":"Bearer","expires_in":3600,"refresh_token":"{{refresh}}","scope":"user:inference user:profile"}""";
            }
            else if (messages && MessagesApiReplies.WantsStream(body.GetBuffer().AsSpan(0, (int)body.Length)))
            {
                response.ContentType = "text/event-stream";
                text = MessagesApiReplies.StreamedText("ok");
            }
            else
            {
                response.ContentType = "application/json";
                text = messages ? MessagesApiReplies.JsonText("ok") : path.Contains("count_tokens", StringComparison.Ordinal) ? """{"input_tokens":1}""" : "{}";
            }
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away; nothing to record.
        }
    }

    /// <summary>Reduces credential headers to prefix + fingerprint.</summary>
    public static IReadOnlyList<ObservedHeader> Classify(string? apiKey, string? authorization) =>
        new[] { ClassifyApiKey(apiKey), ClassifyBearer(authorization) }.OfType<ObservedHeader>().Where(h => !h.Empty).ToArray();

    private static ObservedHeader? ClassifyApiKey(string? apiKey) =>
        apiKey is null ? null : apiKey.Trim().Length == 0 ? new ObservedHeader("x-api-key", "", "")
        : new ObservedHeader("x-api-key", Redactor.PublicPrefix(apiKey.Trim()), Redactor.Fingerprint(apiKey.Trim()));

    private static ObservedHeader? ClassifyBearer(string? authorization)
    {
        if (authorization is null) return null;
        var a = authorization.Trim();
        var token = a.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase) ? a[6..].Trim() : a;
        return token.Length == 0 ? new ObservedHeader("authorization", "", "")
            : new ObservedHeader("authorization", Redactor.PublicPrefix(token), Redactor.Fingerprint(token));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (ObjectDisposedException) { }
    }
}
