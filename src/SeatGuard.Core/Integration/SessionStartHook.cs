using System.Text.Json.Serialization;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Integration;

/// <summary>
/// <c>seatguard hook session-start</c>: when the session's directory bills something other than the user
/// declared, or a repository settings file switches billing or redirects the credential, returns the
/// warning Claude Code shows at session start; otherwise <c>null</c> (print nothing, exit 0).
/// </summary>
public sealed class SessionStartHook(CredentialReader credentials)
{
    /// <summary>The hook event this answers.</summary>
    public const string EventName = "SessionStart";

    /// <summary>The hook's output when the session's directory bills something other than expected (or a repository file switches billing); null when there is nothing to say.</summary>
    public SessionStartOutput? Evaluate(SessionStartInput? input, HostContext host, string? configDir, DateTimeOffset now)
    {
        // A session that is compacted or cleared keeps its credential: the warning was shown when it started or resumed.
        if (input?.Source is "compact" or "clear") return null;
        var billing = SessionBilling.Read(credentials, StatusLine.HostFor(host, input?.Cwd), configDir, now);
        if (!billing.NeedsWarning) return null;
        var message = Message(billing);
        var context = message + " Mention this to the user if they ask about cost or billing; do not try to change credentials yourself.";
        return new SessionStartOutput(Redactor.Scrub(message), new SessionStartSpecific(EventName, Redactor.Scrub(context)));
    }

    /// <summary>One or two sentences for the user: what bills, what was expected, what to do.</summary>
    public static string Message(SessionBilling billing)
    {
        var sentences = new List<string>();
        if (billing.Mismatch)
        {
            sentences.Add(billing.Verdict == Billing.None
                ? $"SeatGuard: Claude Code finds no credential here; you expect {billing.ExpectedMode.Name()} ({billing.ExpectedFrom})."
                : $"SeatGuard: this session bills {billing.Words}, not your {billing.ExpectedMode.Name()} ({billing.ExpectedFrom}).");
        }
        foreach (var finding in billing.RepositoryFindings)
        {
            sentences.Add((sentences.Count == 0 ? "SeatGuard: " : "") + finding.Message);
        }
        sentences.Add("Run `seatguard doctor` for the fix.");
        return string.Join(" ", sentences);
    }
}
