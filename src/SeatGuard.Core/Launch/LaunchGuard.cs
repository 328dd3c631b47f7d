using SeatGuard.Core.Credentials;
using SeatGuard.Core.Policy;

namespace SeatGuard.Core.Launch;

/// <summary>
/// The tripwire over a running launch's stream-json events: the first rate-limit event that shows the usage-credit
/// (overage) pool in use or a window rejected, and — unless usage credits are allowed — an init event whose model
/// or fast mode bills usage credits on the plan. It says when to stop; the launcher stops Claude Code.
/// </summary>
public sealed class LaunchGuard(OverageAction overage, bool allowUsageCredits, IReadOnlyList<UsageCreditRule> rules, IReadOnlyList<string> plans, bool headless)
{
    private readonly List<string> _notices = [];

    /// <summary>An event showed the usage-credit pool in use or a window rejected.</summary>
    public bool Overage { get; private set; }

    /// <summary>Why the run must stop (<c>overage</c> or <c>usage-credits</c>), once decided.</summary>
    public string? StopKind { get; private set; }

    /// <summary>The one line saying what happened and how to allow it.</summary>
    public string? StopMessage { get; private set; }

    /// <summary>Lines to show on stderr as they arise (warnings that do not stop the run).</summary>
    public IReadOnlyList<string> Notices => _notices;

    /// <summary>Looks at the observation after one message; true when the run must stop now (only the first time).</summary>
    public bool Check(string? type, StreamObservation o, out string? notice)
    {
        notice = null;
        if (StopKind is not null) return false;
        if (type == "rate_limit_event" && o.RateLimitEvents.Count > 0)
        {
            var e = o.RateLimitEvents[^1];
            if (!e.Trips)
            {
                if (e.Status == "allowed_warning") notice = Note($"warning: the plan's {e.Type ?? "rate-limit"} window is nearly used ({e.Describe()}).");
                return false;
            }
            Overage = true;
            string what = e.DrawsCredits
                ? $"this run is drawing usage credits, billed at API rates ({e.Describe()})"
                : $"a plan window is exhausted ({e.Describe()})";
            switch (overage)
            {
                case OverageAction.Stop:
                    StopKind = "overage";
                    StopMessage = $"stopped Claude Code: {what}. To let such runs continue, pass --on-overage warn (or allow).";
                    return true;
                case OverageAction.Warn:
                    notice = Note($"warning: {what}; continuing because of --on-overage warn.");
                    return false;
                default:
                    return false;
            }
        }
        if (type == "init" && !allowUsageCredits && rules.Count > 0)
        {
            var models = o.Model is { Length: > 0 } m ? new[] { m } : [];
            bool fast = o.FastModeState is "on" or "enabled";
            var finding = UsageCreditCheck.Evaluate(rules, models, plans, headless, fast).FirstOrDefault(f => f.Rule.Enforced);
            if (finding is null) return false;
            StopKind = "usage-credits";
            StopMessage = $"stopped Claude Code: its session started on {finding.Describe()}. To allow it, pass --allow-usage-credits.";
            return true;
        }
        return false;
    }

    private string? Note(string line)
    {
        if (_notices.Contains(line)) return null;
        _notices.Add(line);
        return line;
    }

    /// <summary>The default <c>--on-overage</c>: stop in subscription mode; in other modes no such event is emitted, so allow.</summary>
    public static OverageAction DefaultFor(Billing mode) => mode == Billing.Subscription ? OverageAction.Stop : OverageAction.Allow;
}
