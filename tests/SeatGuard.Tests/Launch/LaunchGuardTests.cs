using SeatGuard.Core.Launch;
using SeatGuard.Core.Policy;

namespace SeatGuard.Tests.Launch;

/// <summary>The overage tripwire on rate_limit_event lines shaped as Claude Code 2.1.330 writes them against the unified headers.</summary>
public sealed class LaunchGuardTests
{
    public const string Normal = """{"type":"rate_limit_event","rate_limit_info":{"status":"allowed","resetsAt":1796169600,"rateLimitType":"five_hour","isUsingOverage":false,"unifiedWindows":{"five_hour":{"utilization":0.42,"resetsAt":1796169600,"status":"allowed"},"seven_day":{"utilization":0.1,"resetsAt":1796421600,"status":"allowed"}}}}""";
    public const string Warning = """{"type":"rate_limit_event","rate_limit_info":{"status":"allowed_warning","resetsAt":1796169600,"rateLimitType":"five_hour","utilization":0.91,"isUsingOverage":false,"surpassedThreshold":0.9}}""";
    public const string OverageInUse = """{"type":"rate_limit_event","rate_limit_info":{"status":"allowed","resetsAt":1796169600,"rateLimitType":"five_hour","overageStatus":"allowed","isUsingOverage":false,"overageInUse":true}}""";
    public const string ServedFromCredits = """{"type":"rate_limit_event","rate_limit_info":{"status":"rejected","resetsAt":1796169600,"rateLimitType":"five_hour","overageStatus":"allowed","overageResetsAt":1797890400,"isUsingOverage":true,"overageInUse":true,"unifiedWindows":{"five_hour":{"utilization":1,"resetsAt":1796169600,"status":"rejected","surpassedThreshold":1}}}}""";
    public const string Rejected = """{"type":"rate_limit_event","rate_limit_info":{"status":"rejected","resetsAt":1796169600,"rateLimitType":"five_hour","overageStatus":"rejected","overageDisabledReason":"out_of_credits","isUsingOverage":false}}""";

    private static (bool Stop, LaunchGuard Guard, string? Notice) Feed(OverageAction action, params string[] lines)
    {
        var guard = new LaunchGuard(action, allowUsageCredits: true, [], [], headless: true);
        var observer = new StreamJsonObserver();
        bool stop = false;
        string? notice = null;
        foreach (var l in lines)
        {
            stop |= guard.Check(observer.OnLine(l), observer.Observation, out var n);
            notice ??= n;
        }
        return (stop, guard, notice);
    }

    [Theory]
    [InlineData(OverageInUse)]
    [InlineData(ServedFromCredits)]
    [InlineData(Rejected)]
    public void StopsAtTheFirstEventThatDrawsCreditsOrRejects(string line)
    {
        var (stop, guard, _) = Feed(OverageAction.Stop, Normal, line);
        stop.ShouldBeTrue();
        guard.Overage.ShouldBeTrue();
        guard.StopKind.ShouldBe("overage");
        guard.StopMessage!.ShouldContain("--on-overage warn");
    }

    [Fact]
    public void NormalAndWarningEventsDoNotStopButTheWarningIsSaid()
    {
        var (stop, guard, notice) = Feed(OverageAction.Stop, Normal, Warning);
        stop.ShouldBeFalse();
        guard.Overage.ShouldBeFalse();
        notice!.ShouldContain("nearly used");
    }

    [Fact]
    public void WarnContinuesAndSaysSoAllowIsSilent()
    {
        var (stop, guard, notice) = Feed(OverageAction.Warn, ServedFromCredits);
        (stop, guard.Overage).ShouldBe((false, true));
        notice!.ShouldContain("usage credits");
        var (stop2, guard2, notice2) = Feed(OverageAction.Allow, ServedFromCredits);
        (stop2, guard2.Overage, notice2).ShouldBe((false, true, (string?)null));
    }

    [Fact]
    public void AnInitEventOnACreditModelStopsTheRunUnlessAllowed()
    {
        var rules = UsageCreditBook.LoadEmbedded();
        var init = """{"type":"system","subtype":"init","model":"claude-fable-5-2","apiKeySource":"none"}""";
        var guard = new LaunchGuard(OverageAction.Stop, allowUsageCredits: false, rules, ["pro"], headless: true);
        var observer = new StreamJsonObserver();
        guard.Check(observer.OnLine(init), observer.Observation, out _).ShouldBeTrue();
        guard.StopKind.ShouldBe("usage-credits");
        guard.StopMessage!.ShouldContain("--allow-usage-credits");
    }

    [Fact]
    public void EventsAreReadTolerantly()
    {
        var observer = new StreamJsonObserver();
        observer.OnLine("""{"type":"rate_limit_event","rate_limit_info":{"status":7,"resetsAt":"soon","utilization":"high","unifiedWindows":{"five_hour":"x","seven_day":{"utilization":0.5,"resetsAt":1796421600000}}}}""");
        var e = observer.Observation.RateLimitEvents.Single();
        (e.Status, e.ResetsAt, e.Utilization).ShouldBe(((string?)null, (DateTimeOffset?)null, (double?)null));
        e.UtilizationOf("seven_day").ShouldBe(0.5);
        e.ResetOf("seven_day").ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1796421600));
    }
}
