using System.Text.Json.Serialization;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Integration;

/// <summary>What the hook prints on stdout for Claude Code (the hook protocol's JSON output).</summary>
public sealed record SessionStartOutput(
    [property: JsonPropertyName("systemMessage")] string SystemMessage,
    [property: JsonPropertyName("hookSpecificOutput")] SessionStartSpecific HookSpecificOutput);

public sealed record SessionStartSpecific(
    [property: JsonPropertyName("hookEventName")] string HookEventName,
    [property: JsonPropertyName("additionalContext")] string AdditionalContext);

/// <summary>
/// <c>seatguard hook session-start</c>: when the session's directory bills something other than the user
/// declared, or a repository settings file switches billing or redirects the credential, returns the
/// warning Claude Code shows at session start; otherwise <c>null</c> (print nothing, exit 0).
/// </summary>
public static class SessionStartHook
{
    public const string EventName = "SessionStart";

    public static SessionStartOutput? Evaluate(SessionStartInput? input, HostContext host, string? configDir, DateTimeOffset now)
    {
        // A session that is compacted or cleared keeps its credential: the warning was shown when it started or resumed.
        if (input?.Source is "compact" or "clear") return null;
        var glance = BillingGlance.For(StatusLine.HostFor(host, input?.Cwd), configDir, now);
        if (!glance.NeedsWarning) return null;
        var message = Message(glance);
        var context = message + " Mention this to the user if they ask about cost or billing; do not try to change credentials yourself.";
        return new SessionStartOutput(Redactor.Scrub(message), new SessionStartSpecific(EventName, Redactor.Scrub(context)));
    }

    /// <summary>One or two sentences for the user: what bills, what was expected, what to do.</summary>
    public static string Message(BillingGlance glance)
    {
        var sentences = new List<string>();
        if (glance.Mismatch)
        {
            sentences.Add(glance.Verdict == BillingVerdicts.None
                ? $"SeatGuard: Claude Code finds no credential here; you expect {glance.ExpectedMode} ({glance.ExpectedFrom})."
                : $"SeatGuard: this session bills {glance.Words}, not your {glance.ExpectedMode} ({glance.ExpectedFrom}).");
        }
        foreach (var finding in glance.RepositoryFindings)
        {
            sentences.Add((sentences.Count == 0 ? "SeatGuard: " : "") + finding.Message);
        }
        sentences.Add("Run `seatguard doctor` for the fix.");
        return string.Join(" ", sentences);
    }
}
