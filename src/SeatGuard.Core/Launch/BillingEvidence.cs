using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>
/// Reads the billing source from Claude Code's own events. A rate_limit_event is emitted only for a
/// subscription credential; <c>apiKeySource</c> names a key when one is used; <c>none</c> covers
/// subscription, bearer tokens and cloud providers alike, so the environment decides between those.
/// </summary>
public static class BillingEvidence
{
    /// <summary>The verdict the stream-json events prove (init's apiKeySource, rate-limit events), judged against the launched process's <paramref name="inventory"/>.</summary>
    public static VerifyReport Judge(StreamObservation o, CredentialInventory? inventory)
    {
        Billing verdict;
        string evidence;
        var predicted = inventory is null ? null : BillingResolver.Resolve(inventory).Winner;
        if (inventory?.GatewayMode == true && (o.RateLimitEvent || o.SawResult && o.IsError != true))
        {
            // The Cloud gateway gets subscription-style rate-limit events too (measured), but the gateway's organization pays.
            verdict = Billing.Gateway;
            evidence = "CLAUDE_CODE_USE_GATEWAY signs in to the Cloud gateway with ANTHROPIC_AUTH_TOKEN; its rate_limit_event comes from the gateway's organization, not your subscription";
        }
        else if (o.RateLimitEvent)
        {
            verdict = Billing.Subscription;
            evidence = o.RateLimitType is null
                ? "rate_limit_event is emitted only for subscription credentials (the server sent no unified rate-limit headers, so no window is known)"
                : $"rate_limit_event ({o.RateLimitType}, {o.RateLimitStatus ?? "?"}) is emitted only for subscription credentials";
            if (o.OverageInUse == true) evidence += "; overage is in use: this request draws the metered extra-usage pool";
        }
        else if (o.ApiKeySource is "ANTHROPIC_API_KEY" or "apiKeyHelper" or "/login managed key")
        {
            verdict = Billing.ApiKey;
            evidence = $"apiKeySource is \"{o.ApiKeySource}\" and no rate_limit_event arrived";
        }
        else if (inventory?.CloudFlag is { } flag)
        {
            verdict = Billing.CloudProvider;
            evidence = $"{flag} is set and no rate_limit_event arrived";
        }
        else if (o.ApiKeySource == "none" && predicted?.Kind is CredentialKind.Profile or CredentialKind.Federation)
        {
            verdict = Billing.ApiKey;
            evidence = $"no rate_limit_event, and the credential is {BillingWords.Describe(predicted)}: an organization's API account, not a subscription";
        }
        else if (o.ApiKeySource == "none" && inventory?.Active(BillingVariables.AuthToken) is not null)
        {
            verdict = Billing.Gateway;
            evidence = "apiKeySource is \"none\", ANTHROPIC_AUTH_TOKEN is set and no rate_limit_event arrived";
        }
        else
        {
            verdict = Billing.Unknown;
            evidence = !o.SawInit ? "no init event: Claude Code did not start a session"
                : o.IsError == true ? "the run failed before billing could be observed: " + Redactor.Scrub(o.ResultText ?? "no result")
                : "no rate_limit_event and no API key source";
        }
        return new VerifyReport(verdict, o.ApiKeySource, o.RateLimitType, o.RateLimitStatus, o.ResetsAt is { } reset ? Format.Iso(reset) : null,
            o.OverageInUse, o.ClaudeVersion, o.Model, o.CostUsd, evidence);
    }

    /// <summary>True when the observed verdict contradicts the mode a launch asked for.</summary>
    public static bool Contradicts(Billing mode, VerifyReport report) =>
        report.Verdict != Billing.Unknown && report.Verdict != mode
        || mode == Billing.Subscription && report.Verdict == Billing.Unknown;
}
