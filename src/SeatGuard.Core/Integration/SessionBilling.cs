using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Launch;

namespace SeatGuard.Core.Integration;

/// <summary>
/// The billing source of one session's directory, reduced to what fits in a status line or a session-start
/// warning: plain words (<see cref="BillingWords.Short"/>), the verdict, and whether it is not what the user
/// declared (<see cref="SeatConfig.ExpectedMode"/>) or a repository settings file switched it. File reads only.
/// </summary>
public sealed record SessionBilling(
    Billing Verdict,
    string Words,
    Billing ExpectedMode,
    IReadOnlyList<DoctorFinding> RepositoryFindings,
    string ExpectedFrom)
{
    /// <summary>Finding ids that always deserve a warning at session start, whatever the verdict.</summary>
    public static readonly IReadOnlySet<string> RepositoryFindingIds = new HashSet<string>(StringComparer.Ordinal)
    {
        "repo-settings-switch-billing", "repo-settings-redirect-base-url",
    };

    /// <summary>Words for a session whose credential SeatGuard cannot see (see <see cref="Read"/>).</summary>
    public const string HiddenWords = "subscription? (token hidden from hooks)";

    /// <summary>The directory bills something other than the mode the user expects (unknown is not a mismatch).</summary>
    public bool Mismatch => Verdict != ExpectedMode && Verdict != Billing.Unknown;

    /// <summary>Worth warning about: a mismatch, or a repository file that switches billing or redirects the credential.</summary>
    public bool NeedsWarning => Mismatch || RepositoryFindings.Count > 0;

    /// <summary>Looks at <paramref name="host"/>'s working directory with the billing-source engine.</summary>
    /// <param name="interactive">
    /// For an interactive session (the status line only exists there): an API key the user declined in the
    /// interactive prompt is skipped, as Claude Code skips it. Otherwise the verdict of <c>claude -p</c>.
    /// </param>
    /// <param name="credentials">The one credential reader.</param>
    /// <param name="host">The host, looking at the session's directory.</param>
    /// <param name="configDir">Claude Code's config directory, or null to resolve it.</param>
    /// <param name="now">The current time (token expiry).</param>
    public static SessionBilling Read(CredentialReader credentials, HostContext host, string? configDir, DateTimeOffset now, bool interactive = false)
    {
        var inventory = credentials.Gather(host, configDir);
        var resolution = BillingResolver.Resolve(inventory);
        var findings = BillingAdvisor.Advise(inventory, resolution, now);
        var expected = Billing.Subscription;
        string expectedFrom;
        try
        {
            var config = SeatConfig.Load(host);
            expected = config.ExpectedMode;
            expectedFrom = config.Path is null ? $"SeatGuard's default; set expectedMode in {SeatConfig.DefaultPath(host)}" : "expectedMode in " + config.Path;
        }
        catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
        {
            expectedFrom = "SeatGuard's default, because your SeatGuard config could not be read: " + e.Message;
        }
        var (verdict, credential) = interactive && resolution.Interactive is { } note && inventory.ApiKeyApproval == ApiKeyApproval.Rejected
            ? (note.Verdict, note.Credential)
            : (resolution.Verdict, resolution.Winner);
        string words = BillingWords.Short(inventory, credential);
        if (verdict == Billing.None && host.Get("CLAUDECODE") == "1")
        {
            // Measured (2.1.330): Claude Code removes CLAUDE_CODE_OAUTH_TOKEN from the environment of the hooks and
            // commands it runs, so inside a session "nothing visible" most likely means a setup-token. Not provable here.
            (verdict, words) = (Billing.Unknown, HiddenWords);
        }
        return new SessionBilling(verdict, words, expected,
            findings.Where(f => RepositoryFindingIds.Contains(f.Id)).ToArray(), expectedFrom);
    }
}
