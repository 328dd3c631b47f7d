using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SeatGuard.Core.Credentials.Probe;

namespace SeatGuard.TestKit;

/// <summary>One request as it reached the stand-in: which credential headers it carried.</summary>
public sealed record RecordedRequest(string Method, string Path, string? ApiKey, string? Authorization, string? Beta)
{
    public string? BearerToken => Authorization is { } a && a.StartsWith("Bearer ", StringComparison.Ordinal) ? a[7..] : null;
}

/// <summary>Options for how the stand-in answers.</summary>
public sealed class StandInOptions
{
    /// <summary>Add the unified rate-limit headers a subscription answer carries.</summary>
    public bool SubscriptionHeaders { get; set; } = true;
    /// <summary>Add overage headers (extra usage being drawn).</summary>
    public bool OverageInUse { get; set; }
    public string RepresentativeClaim { get; set; } = "five_hour";
    public string Status { get; set; } = "allowed";
    public string Model { get; set; } = MessagesApiReplies.DefaultModel;
    /// <summary>Answer every message request with 401 and an error text that repeats the credential received (as a careless gateway does).</summary>
    public bool EchoCredentialInError { get; set; }
}

/// <summary>
/// A loopback stand-in of Anthropic's Messages API (Kestrel on 127.0.0.1, random port). It answers
/// /v1/messages (SSE when streaming, JSON otherwise), everything else with a small JSON 200, and
/// records the credential headers of every request.
/// </summary>
public sealed class MessagesApiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public StandInOptions Options { get; }
    public string BaseUrl { get; }
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();
    public IReadOnlyList<RecordedRequest> MessageRequests => _requests.Where(r => r.Path.StartsWith("/v1/messages", StringComparison.Ordinal) && !r.Path.Contains("count_tokens", StringComparison.Ordinal)).ToArray();

    private MessagesApiStandIn(WebApplication app, StandInOptions options, string baseUrl)
    {
        _app = app;
        Options = options;
        BaseUrl = baseUrl;
    }

    public static async Task<MessagesApiStandIn> StartAsync(StandInOptions? options = null)
    {
        options ??= new StandInOptions();
        MessagesApiStandIn? self = null;
        var (app, baseUrl) = await LoopbackHttp.StartAsync(async context => await self!.HandleAsync(context));
        self = new MessagesApiStandIn(app, options, baseUrl);
        return self;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        _requests.Enqueue(new RecordedRequest(
            request.Method,
            request.Path + request.QueryString,
            request.Headers["x-api-key"].FirstOrDefault(),
            request.Headers.Authorization.FirstOrDefault(),
            request.Headers["anthropic-beta"].FirstOrDefault()));

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var response = context.Response;
        if (!request.Path.StartsWithSegments("/v1/messages") || request.Path.Value!.Contains("count_tokens", StringComparison.Ordinal))
        {
            response.ContentType = "application/json";
            await response.WriteAsync(request.Path.Value!.Contains("count_tokens", StringComparison.Ordinal) ? """{"input_tokens":12}""" : "{}");
            return;
        }
        if (Options.EchoCredentialInError)
        {
            var echoed = request.Headers["x-api-key"].FirstOrDefault() ?? request.Headers.Authorization.FirstOrDefault() ?? "(none)";
            response.StatusCode = 401;
            response.ContentType = "application/json";
            await response.WriteAsync("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid credential " +
                echoed.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}}");
            return;
        }
        AddRateLimitHeaders(response.Headers);
        response.Headers["request-id"] = "req_" + Guid.NewGuid().ToString("N")[..24];
        if (MessagesApiReplies.WantsStream(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            await response.WriteAsync(MessagesApiReplies.StreamedText("pong", Options.Model));
        }
        else
        {
            response.ContentType = "application/json";
            await response.WriteAsync(MessagesApiReplies.JsonText("pong", Options.Model));
        }
    }

    private void AddRateLimitHeaders(IHeaderDictionary headers)
    {
        if (!Options.SubscriptionHeaders) return;
        var reset = DateTimeOffset.UtcNow.AddHours(3).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["anthropic-ratelimit-unified-status"] = Options.Status;
        headers["anthropic-ratelimit-unified-reset"] = reset;
        headers["anthropic-ratelimit-unified-representative-claim"] = Options.RepresentativeClaim;
        headers["anthropic-ratelimit-unified-5h-status"] = Options.Status;
        headers["anthropic-ratelimit-unified-5h-reset"] = reset;
        headers["anthropic-ratelimit-unified-5h-utilization"] = "0.12";
        if (Options.OverageInUse)
        {
            headers["anthropic-ratelimit-unified-overage-status"] = "allowed";
            headers["anthropic-ratelimit-unified-overage-in-use"] = "true";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
