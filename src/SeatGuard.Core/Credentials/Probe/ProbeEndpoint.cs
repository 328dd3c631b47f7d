using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials.Probe;

/// <summary>
/// An in-process loopback stand-in of the Messages API for <c>doctor --probe</c>. It classifies the credential
/// headers of each request, discards the values at once, and answers with a minimal well-formed reply
/// (with subscription rate-limit headers, so Claude Code shows whether it treats the credential as a subscription).
/// Binds 127.0.0.1 only; nothing leaves the machine.
/// </summary>
public sealed class ProbeEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<IReadOnlyList<ObservedHeader>> _observed = new();
    private readonly Task _loop;

    /// <summary>The endpoint's URL (<c>http://127.0.0.1:PORT</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>Credential headers of each /v1/messages request, in arrival order.</summary>
    public IReadOnlyList<IReadOnlyList<ObservedHeader>> Observed => _observed.ToArray();

    private readonly TimeProvider _clock;

    /// <summary>Starts listening on a free loopback port; <paramref name="clock"/> stamps what it observes.</summary>
    public ProbeEndpoint(TimeProvider clock)
    {
        _clock = clock;
        int port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

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
            bool messages = path.StartsWith("/v1/messages", StringComparison.Ordinal) && !path.Contains("count_tokens", StringComparison.Ordinal);
            if (messages)
            {
                _observed.Enqueue(Classify(request.Headers["x-api-key"], request.Headers["Authorization"]));
                var reset = _clock.GetUtcNow().AddHours(5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.Headers["anthropic-ratelimit-unified-status"] = "allowed";
                response.Headers["anthropic-ratelimit-unified-reset"] = reset;
                response.Headers["anthropic-ratelimit-unified-representative-claim"] = "five_hour";
            }
            string text;
            if (messages && MessagesApiReplies.WantsStream(body.GetBuffer().AsSpan(0, (int)body.Length)))
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
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away; nothing to record.
        }
    }

    /// <summary>Reduces credential headers to prefix + fingerprint.</summary>
    public static IReadOnlyList<ObservedHeader> Classify(string? apiKey, string? authorization)
    {
        var list = new List<ObservedHeader>(2);
        if (!string.IsNullOrEmpty(apiKey)) list.Add(new ObservedHeader("x-api-key", Redactor.PublicPrefix(apiKey), Redactor.Fingerprint(apiKey)));
        if (authorization is { Length: > 7 } a && a.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = a.AsSpan(7).Trim();
            list.Add(new ObservedHeader("authorization", Redactor.PublicPrefix(token), Redactor.Fingerprint(token)));
        }
        return list;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (ObjectDisposedException) { }
    }
}
