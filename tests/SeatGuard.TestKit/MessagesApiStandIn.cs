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
public sealed record RecordedRequest(string Method, string Path, string? ApiKey, string? Authorization, string? Beta, string? UserAgent = null)
{
    public string? BearerToken => Authorization is { } a && a.StartsWith("Bearer ", StringComparison.Ordinal) ? a[7..] : null;
}

/// <summary>
/// The unified rate-limit headers a subscription answer carries, as Claude Code 2.1.330 reads them (research capture
/// of its header parser): the shapes of a normal answer, a warning, the usage-credit pool in use, a request served from
/// credits with the 5-hour window exhausted, and refusals (HTTP 429).
/// </summary>
public enum RateLimitScenario
{
    /// <summary>Status allowed, 5h at 42 %, 7d at 10 %.</summary>
    Normal,
    /// <summary>allowed_warning, 5h at 91 % past the 90 % threshold.</summary>
    Warning,
    /// <summary>Allowed, overage status allowed, overage in use.</summary>
    OverageInUse,
    /// <summary>5h rejected but overage allowed (HTTP 200): the request is served and paid from usage credits.</summary>
    ServedFromCredits,
    /// <summary>HTTP 429: 5h rejected, overage rejected (out of credits).</summary>
    Rejected,
    /// <summary>HTTP 429: the weekly window rejected.</summary>
    RejectedWeekly,
}

/// <summary>Options for how the stand-in answers.</summary>
public sealed class StandInOptions
{
    /// <summary>When set, the unified headers (and status code) of this scenario instead of the simple ones below. May change between requests.</summary>
    public RateLimitScenario? Scenario { get; set; }

    /// <summary>Streams of the main loop (requests that carry tools) pause this long before their text, to let a test act mid-request.</summary>
    public int DelayMs { get; set; }

    /// <summary>Pause every stream by <see cref="DelayMs"/>, also those without tools (verify's ping runs with <c>--tools ""</c>).</summary>
    public bool DelayWithoutTools { get; set; }

    /// <summary>The text of the answer ("pong" by default), followed by the request's number.</summary>
    public string Text { get; set; } = "pong";

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
    private readonly ConcurrentQueue<string> _minted = new();

    /// <summary>Access tokens handed out by the token endpoint (<c>…/oauth/token</c>, workload identity federation), fake and worthless.</summary>
    public IReadOnlyList<string> Minted => _minted.ToArray();

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
            request.Headers["anthropic-beta"].FirstOrDefault(),
            request.Headers.UserAgent.FirstOrDefault()));

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var response = context.Response;
        if (request.Method == "POST" && request.Path.Value!.EndsWith("/oauth/token", StringComparison.Ordinal))
        {
            var minted = FakeTokens.OAuthToken();
            _minted.Enqueue(minted);
            response.ContentType = "application/json";
            await response.WriteAsync($$"""{"access_token":"{{minted}}","token_type":"Bearer","expires_in":3600,"refresh_token":"{{FakeTokens.RefreshToken()}}","scope":"user:inference user:profile"}""");
            return;
        }
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
        int number = Interlocked.Increment(ref _messages);
        response.Headers["request-id"] = "req_" + Guid.NewGuid().ToString("N")[..24];
        if (Options.Scenario is { } scenario)
        {
            foreach (var (k, v) in ScenarioHeaders(scenario, _started)) response.Headers[k] = v;
            if (scenario is RateLimitScenario.Rejected or RateLimitScenario.RejectedWeekly)
            {
                response.StatusCode = 429;
                response.ContentType = "application/json";
                response.Headers["x-should-retry"] = "false";
                await response.WriteAsync("""{"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your account's rate limit. Please try again later."}}""");
                return;
            }
        }
        else AddRateLimitHeaders(response.Headers);
        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        string text = Options.Scenario is null && Options.Text == "pong" ? "pong" : $"{Options.Text} {number}";
        if (MessagesApiReplies.WantsStream(body))
        {
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            var sse = MessagesApiReplies.StreamedText(text, Options.Model);
            bool mainLoop = body.IndexOf("\"tools\":[{"u8) >= 0;
            if (Options.DelayMs > 0 && (mainLoop || Options.DelayWithoutTools))
            {
                int cut = sse.IndexOf("event: content_block_delta", StringComparison.Ordinal);
                await response.WriteAsync(sse[..cut]);
                await response.Body.FlushAsync();
                try { await Task.Delay(Options.DelayMs, context.RequestAborted); } catch (OperationCanceledException) { return; }
                await response.WriteAsync(sse[cut..]);
            }
            else await response.WriteAsync(sse);
        }
        else
        {
            response.ContentType = "application/json";
            await response.WriteAsync(MessagesApiReplies.JsonText(text, Options.Model));
        }
    }

    private int _messages;

    // Resets are offsets from the stand-in's start, not from each answer: two runs against one stand-in (claude
    // directly, then through seatguard) must show the same reset time even when a minute turns between them.
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    /// <summary>The unified headers of a scenario; resets are fixed offsets from <paramref name="now"/> (5h: +2 h, 7d: +3 days).</summary>
    public static Dictionary<string, string> ScenarioHeaders(RateLimitScenario scenario, DateTimeOffset? now = null)
    {
        var at = now ?? DateTimeOffset.UtcNow;
        string Epoch(TimeSpan from) => at.Add(from).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string P = "anthropic-ratelimit-unified-";
        var h = new Dictionary<string, string>
        {
            [P + "reset"] = Epoch(TimeSpan.FromHours(2)), [P + "representative-claim"] = "five_hour", [P + "5h-reset"] = Epoch(TimeSpan.FromHours(2)),
            [P + "7d-reset"] = Epoch(TimeSpan.FromDays(3)), [P + "7d-utilization"] = "0.10", [P + "7d-status"] = "allowed",
        };
        switch (scenario)
        {
            case RateLimitScenario.Normal:
                h[P + "status"] = "allowed"; h[P + "5h-status"] = "allowed"; h[P + "5h-utilization"] = "0.42";
                break;
            case RateLimitScenario.Warning:
                h[P + "status"] = "allowed_warning"; h[P + "5h-status"] = "allowed_warning"; h[P + "5h-utilization"] = "0.91"; h[P + "5h-surpassed-threshold"] = "0.9";
                break;
            case RateLimitScenario.OverageInUse:
                h[P + "status"] = "allowed"; h[P + "5h-status"] = "allowed"; h[P + "5h-utilization"] = "0.42";
                h[P + "overage-status"] = "allowed"; h[P + "overage-in-use"] = "true";
                break;
            case RateLimitScenario.ServedFromCredits:
                h[P + "status"] = "rejected"; h[P + "5h-status"] = "rejected"; h[P + "5h-utilization"] = "1.0"; h[P + "5h-surpassed-threshold"] = "1";
                h[P + "overage-status"] = "allowed"; h[P + "overage-in-use"] = "true"; h[P + "overage-reset"] = Epoch(TimeSpan.FromDays(20)); h[P + "overage-utilization"] = "0.05";
                break;
            case RateLimitScenario.Rejected:
                h[P + "status"] = "rejected"; h[P + "5h-status"] = "rejected"; h[P + "5h-utilization"] = "1.0"; h[P + "5h-surpassed-threshold"] = "1";
                h[P + "overage-status"] = "rejected"; h[P + "overage-disabled-reason"] = "out_of_credits";
                break;
            case RateLimitScenario.RejectedWeekly:
                h[P + "status"] = "rejected"; h[P + "reset"] = Epoch(TimeSpan.FromDays(3)); h[P + "representative-claim"] = "seven_day";
                h[P + "5h-status"] = "allowed"; h[P + "5h-utilization"] = "0.30"; h[P + "7d-status"] = "rejected"; h[P + "7d-utilization"] = "1.0";
                h[P + "7d-surpassed-threshold"] = "1"; h[P + "overage-status"] = "rejected"; h[P + "overage-disabled-reason"] = "org_level_disabled";
                break;
        }
        return h;
    }

    private void AddRateLimitHeaders(IHeaderDictionary headers)
    {
        if (!Options.SubscriptionHeaders) return;
        var reset = _started.AddHours(3).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
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
