using SeatGuard.Core.Credentials;
using SeatGuard.Core.Common;
using SeatGuard.Core.Launch;

namespace SeatGuard.Tests.Launch;

public sealed class StreamJsonObserverTests
{
    // A stream as Claude Code 2.1.330 prints it (trimmed), with an unknown type and two broken lines added.
    private const string Recorded = """
        {"type":"system","subtype":"init","cwd":"/w","session_id":"s-1","tools":[],"model":"claude-sonnet-4-5","apiKeySource":"none","claude_code_version":"2.1.330"}
        {"type":"assistant","message":{"id":"msg_1","model":"claude-sonnet-4-5","usage":{"input_tokens":12,"output_tokens":3}},"session_id":"s-1"}
        {"type":"future_thing","payload":{"x":1}}
        {"type":"rate_limit_event","rate_limit_info":{"status":"allowed_warning","resetsAt":1795622490,"rateLimitType":"seven_day","utilization":0.91,"isUsingOverage":false,"overageInUse":true}}
        {"type":"result
        not json at all
        {"type":"result","subtype":"success","is_error":false,"result":"pong","session_id":"s-1","total_cost_usd":0.0123,"usage":{"input_tokens":12,"cache_creation_input_tokens":5,"cache_read_input_tokens":7,"output_tokens":3}}
        """;

    [Fact]
    public void ReadsInitRateLimitAndResultAndCountsTheRest()
    {
        var o = StreamJsonObserver.ReadAll(Recorded);
        o.ApiKeySource.ShouldBe("none");
        o.ClaudeVersion.ShouldBe("2.1.330");
        o.Model.ShouldBe("claude-sonnet-4-5");
        o.RateLimitEvent.ShouldBeTrue();
        o.RateLimitType.ShouldBe("seven_day");
        o.RateLimitStatus.ShouldBe("allowed_warning");
        o.ResetsAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1795622490));
        o.OverageInUse.ShouldBe(true);
        o.Utilization.ShouldBe(0.91);
        o.SessionId.ShouldBe("s-1");
        o.CostUsd.ShouldBe(0.0123);
        (o.InputTokens, o.OutputTokens, o.CacheCreationTokens, o.CacheReadTokens).ShouldBe((12L, 3L, 5L, 7L));
        o.MalformedLines.ShouldBe(2);
        o.UnknownTypes.ShouldBe(1);
        o.Lines.ShouldBe(7);
    }

    [Theory]
    [InlineData("none", true, "subscription")]
    [InlineData("ANTHROPIC_API_KEY", false, "api-key")]
    [InlineData("apiKeyHelper", false, "api-key")]
    [InlineData("/login managed key", false, "api-key")]
    [InlineData("/login managed key", true, "subscription")]
    [InlineData("none", false, "unknown")]
    public void VerdictFollowsTheEvents(string apiKeySource, bool rateLimit, string verdict)
    {
        var stream = $$"""{"type":"system","subtype":"init","apiKeySource":"{{apiKeySource}}"}""" + "\n" +
                     (rateLimit ? """{"type":"rate_limit_event","rate_limit_info":{"status":"allowed","rateLimitType":"five_hour"}}""" + "\n" : "") +
                     """{"type":"result","is_error":false}""";
        BillingEvidence.Judge(StreamJsonObserver.ReadAll(stream), null).Verdict.Name().ShouldBe(verdict);
    }

    [Fact]
    public void ApiKeyVerdictContradictsSubscriptionModeAndViceVersa()
    {
        var apiKey = BillingEvidence.Judge(StreamJsonObserver.ReadAll("""{"type":"system","subtype":"init","apiKeySource":"ANTHROPIC_API_KEY"}"""), null);
        BillingEvidence.Contradicts(Billing.Subscription, apiKey).ShouldBeTrue();
        BillingEvidence.Contradicts(Billing.ApiKey, apiKey).ShouldBeFalse();
        var subscription = BillingEvidence.Judge(StreamJsonObserver.ReadAll("""{"type":"system","subtype":"init","apiKeySource":"none"}""" + "\n" + """{"type":"rate_limit_event","rate_limit_info":{}}"""), null);
        BillingEvidence.Contradicts(Billing.ApiKey, subscription).ShouldBeTrue();
        BillingEvidence.Contradicts(Billing.Subscription, subscription).ShouldBeFalse();
        var unknown = BillingEvidence.Judge(StreamJsonObserver.ReadAll("""{"type":"system","subtype":"init","apiKeySource":"none"}"""), null);
        BillingEvidence.Contradicts(Billing.Subscription, unknown).ShouldBeTrue();
    }
}
