using SeatGuard.Core.Common;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Team;

/// <summary>
/// The one place the team sync reads the machine's ledger and turns a launch into what the store may hold:
/// fingerprints keyed with the team secret, paths under HOME shortened to <c>~</c>, no command line or directory.
/// Fields the ledger does not have yet read as their neutral value, so a newer or older ledger still syncs.
/// </summary>
public static class TeamLedgerFacts
{
    /// <summary>The machine's launches (none when there is no ledger yet); a ledger that cannot be read → a warning.</summary>
    public static IReadOnlyList<LedgerEntry> Read(HostContext host, ICollection<string> warnings)
    {
        try
        {
            return LedgerStore.ReadIfExists(LedgerStore.DefaultPath(host));
        }
        catch (LedgerException e)
        {
            warnings.Add(e.Message);
            return [];
        }
    }

    public static LaunchFact ToFact(LedgerEntry e, TeamKey key, TimeZoneInfo zone, string home)
    {
        bool planned = e.Verdict.EndsWith(LedgerEntry.PlannedSuffix, StringComparison.Ordinal);
        return new LaunchFact(
            e.Id, e.Time, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.Time, zone).DateTime),
            Redactor.Scrub(e.Owner), Redactor.Scrub(e.Beneficiary), e.Mode, e.Billing, !planned,
            e.CredentialKind, ShortenHome(e.CredentialSource, home), key.Keyed(e.CredentialFingerprint),
            e.Forced, IsOverage(e), e.CostUsd,
            e.InputTokens, e.OutputTokens, e.CacheCreationTokens, e.CacheReadTokens,
            e.RateLimitType, e.RateLimitStatus);
    }

    /// <summary>The launch drew on overage (extra usage past the plan's limits), as far as the ledger recorded it.</summary>
    public static bool IsOverage(LedgerEntry e) => e.OverageInUse == true;

    /// <summary><c>file:/home/alice/.claude/.credentials.json</c> → <c>file:~/.claude/.credentials.json</c>.</summary>
    public static string ShortenHome(string source, string home)
    {
        if (home.Length < 2) return source;
        var h = home.TrimEnd('/', '\\');
        int i = source.IndexOf(h, StringComparison.Ordinal);
        if (i < 0) return source;
        int after = i + h.Length;
        if (after < source.Length && source[after] is not ('/' or '\\')) return source;
        return source[..i] + "~" + source[after..];
    }
}
