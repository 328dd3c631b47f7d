using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials;

/// <summary>Turns an inventory and its resolution into findings, each with a one-line fix. Never prints a value.</summary>
public static class BillingAdvisor
{
    private static readonly string[] SwitchingVariables =
        [BillingVariables.ApiKey, BillingVariables.AuthToken, BillingVariables.UseBedrock, BillingVariables.UseVertex, BillingVariables.UseFoundry, BillingVariables.OAuthToken];

    /// <summary>The findings for this inventory and verdict, each with a one-line fix; <paramref name="now"/> judges token expiry.</summary>
    public static IReadOnlyList<DoctorFinding> Advise(CredentialInventory inv, BillingResolution res, DateTimeOffset now)
    {
        var findings = new List<DoctorFinding>();
        ShadowedSubscription(inv, res, findings);
        RepositorySettings(inv, findings);
        BaseUrl(inv, res, findings);
        if (res.Winner.Kind == CredentialKind.AuthToken)
        {
            findings.Add(new DoctorFinding("auth-token-gateway", Severity.Warning,
                $"ANTHROPIC_AUTH_TOKEN ({res.Winner.Source}) is a bearer token for a gateway or proxy: whoever runs that gateway bills these requests, not your subscription.",
                "If you meant to use your subscription, unset ANTHROPIC_AUTH_TOKEN for Claude runs (`env -u ANTHROPIC_AUTH_TOKEN claude …`)."));
        }
        foreach (var extra in res.AlsoSent)
        {
            findings.Add(new DoctorFinding("two-credentials-on-request", Severity.Warning,
                $"Each request carries two credentials: {BillingWords.Describe(res.Winner)} as x-api-key and {BillingWords.Describe(extra)} as a bearer token. Anthropic's API bills the x-api-key; a gateway may bill either.",
                "Keep exactly one credential: remove the other variable or helper, or launch with `seatguard run`."));
        }
        LoginFile(inv, now, findings);
        if (inv.OAuthTokenProblem is { } problem)
        {
            var def = inv.Active(BillingVariables.OAuthToken)!;
            findings.Add(new DoctorFinding("oauth-token-malformed", Severity.Error,
                $"CLAUDE_CODE_OAUTH_TOKEN ({def.Location}) looks malformed: {problem}.",
                "Run `claude setup-token` again and paste the whole token on one line, without quotes."));
        }
        foreach (var export in inv.ShellExports)
        {
            bool isKey = export.Variable == BillingVariables.ApiKey;
            findings.Add(new DoctorFinding("token-in-shell-startup", isKey ? Severity.Warning : Severity.Info,
                isKey
                    ? $"{export.Variable} is set in a shell startup file, so every shell you open (and every script it starts) bills the metered API."
                    : $"{export.Variable} is stored in plain text in a shell startup file.",
                $"Remove line {export.Line} from {export.Path}; export it only where a run needs it (or use `seatguard run`).",
                $"{export.Path}:{export.Line}"));
        }
        foreach (var layer in inv.Layers.Where(l => l.Error is not null))
        {
            findings.Add(new DoctorFinding("settings-file-invalid", Severity.Warning,
                $"{layer.Path} could not be read ({layer.Error}); Claude Code may ignore it or refuse to start.",
                "Fix the JSON in that file.", layer.Path));
        }
        if (inv.Active(BillingVariables.OAuthTokenFd) is not null || inv.Active(BillingVariables.ApiKeyFd) is not null)
        {
            findings.Add(new DoctorFinding("credential-by-file-descriptor", Severity.Info,
                "A credential is passed by file descriptor (CLAUDE_CODE_*_FILE_DESCRIPTOR); SeatGuard cannot see which one without reading it.",
                "Use `seatguard doctor --probe` to observe what Claude Code actually sends."));
        }
        if (res.Interactive is { } interactive)
        {
            findings.Add(new DoctorFinding("interactive-differs", Severity.Info,
                $"Interactive sessions may differ: {interactive.Note} Interactive would bill: {interactive.Verdict}.",
                "Decide once: approve or remove the key, so scripts and interactive sessions bill the same."));
        }
        if (res.Winner.Kind == CredentialKind.Login && inv.GlobalState.PrimaryApiKeyFingerprint is not null
            || res.Winner.Kind == CredentialKind.OAuthToken && inv.GlobalState.PrimaryApiKeyFingerprint is not null)
        {
            findings.Add(new DoctorFinding("init-event-misleading", Severity.Info,
                $"{inv.GlobalState.Path} also holds a Console-managed API key: Claude Code's init event will report apiKeySource \"/login managed key\" although the subscription token is what it sends.",
                "Trust the rate_limit_event (`seatguard verify`), not apiKeySource; or remove the old key with `claude /logout` and log in again."));
        }
        if (res.Winner.Kind == CredentialKind.Cloud)
        {
            findings.Add(new DoctorFinding("cloud-provider", Severity.Info,
                $"{res.Winner.Source} routes Claude Code to a cloud provider: that provider's account is billed, not your subscription.",
                $"Unset {inv.CloudFlag} to use your subscription."));
        }
        if (res.Winner.Kind == CredentialKind.None)
        {
            findings.Add(new DoctorFinding("nothing-configured", Severity.Info,
                "No credential is configured: `claude -p` fails with \"Not logged in\".",
                "Run `claude /login` for interactive use, or `claude setup-token` and export CLAUDE_CODE_OAUTH_TOKEN for scripts."));
        }
        return findings;
    }

    private static void ShadowedSubscription(CredentialInventory inv, BillingResolution res, List<DoctorFinding> findings)
    {
        if (res.Verdict is not (Billing.ApiKey or Billing.Gateway)) return;
        var subscription = res.Shadowed.FirstOrDefault(c => c.Kind is CredentialKind.OAuthToken or CredentialKind.Login);
        if (subscription is null) return;
        var w = res.Winner;
        string fix = w.Kind switch
        {
            CredentialKind.ApiKeyHelper => $"Remove \"apiKeyHelper\" from {inv.Helper!.Path}, or launch with `seatguard run --mode subscription -- …` (it disables the helper for that run).",
            _ when w.Source.IsEnvironment =>
                $"Unset it for Claude runs: `env -u {w.Source.Variable} claude …`, or `seatguard run --mode subscription -- …`"
                + (inv.ShellExports.FirstOrDefault(e => e.Variable == w.Source.Variable) is { } ex ? $"; it is exported at {ex.Path}:{ex.Line}." : "."),
            _ when w.Source.IsSettings =>
                $"Delete \"{BillingVariables.Of(w.Kind) ?? BillingVariables.ApiKey}\" from the \"env\" block of {w.Source.Path ?? inv.LayerOf(w.Source)?.Path ?? w.Source.ToString()}, or launch with `seatguard run --mode subscription -- …` (it neutralises settings-injected keys).",
            _ => $"Remove the key from {w.Source.Path} (`claude /logout`, then `claude /login` with your subscription account).",
        };
        findings.Add(new DoctorFinding(w.Kind == CredentialKind.AuthToken ? "auth-token-shadows-subscription" : "api-key-shadows-subscription", Severity.Error,
            $"{BillingWords.Describe(w)} shadows your subscription credential ({BillingWords.Describe(subscription)}): every `claude -p` run here bills {(w.Kind == CredentialKind.AuthToken ? "a gateway" : "the metered API")}, not the subscription.",
            fix));
    }

    private static void RepositorySettings(CredentialInventory inv, List<DoctorFinding> findings)
    {
        foreach (var layer in inv.Layers.Where(l => l.Exists && l.IsRepositoryScope))
        {
            var switching = SwitchingVariables.Where(v => layer.Env.TryGetValue(v, out var value) && value.Length > 0).ToList();
            if (!string.IsNullOrEmpty(layer.ApiKeyHelper)) switching.Add("apiKeyHelper");
            if (switching.Count > 0)
            {
                findings.Add(new DoctorFinding("repo-settings-switch-billing", Severity.Error,
                    $"The repository settings file {layer.Path} sets {string.Join(", ", switching)}: billing switches for everyone who runs Claude Code in this directory.",
                    "Remove it from the repository file; keep personal credentials in your environment or ~/.claude/settings.json.", layer.Path));
            }
            if (layer.Env.TryGetValue(BillingVariables.BaseUrl, out var rawUrl) && rawUrl.Length > 0 && Redactor.RedactUrl(rawUrl) is var url)
            {
                findings.Add(new DoctorFinding("repo-settings-redirect-base-url", Severity.Error,
                    $"The repository settings file {layer.Path} sets ANTHROPIC_BASE_URL to {url}: your credential is sent there instead of to Anthropic.",
                    "Remove ANTHROPIC_BASE_URL from the repository file unless you run that endpoint yourself.", layer.Path));
            }
        }
    }

    private static void BaseUrl(CredentialInventory inv, BillingResolution res, List<DoctorFinding> findings)
    {
        if (inv.Active(BillingVariables.BaseUrl) is not { } def || def.PlainValue is not { } url) return;
        if (IsAnthropic(url) || def.Source.IsRepositorySettings) return;
        bool subscription = res.Verdict == Billing.Subscription;
        findings.Add(new DoctorFinding("custom-base-url", subscription && !IsLoopback(url) ? Severity.Error : Severity.Warning,
            subscription
                ? $"ANTHROPIC_BASE_URL ({def.Source}) sends your subscription token to {url}: a proxy in front of a subscription seat sees the token and may route other people's requests through it."
                : $"ANTHROPIC_BASE_URL ({def.Source}) sends requests and the credential to {url}, not to Anthropic.",
            "Unset ANTHROPIC_BASE_URL unless you run that endpoint yourself."));
    }

    private static void LoginFile(CredentialInventory inv, DateTimeOffset now, List<DoctorFinding> findings)
    {
        if (inv.Login is not { } login) return;
        if (login.Error is not null)
        {
            findings.Add(new DoctorFinding("login-file-unreadable", Severity.Warning,
                $"The /login credentials file {login.Path} could not be used ({login.Error}).", "Run `claude /login` again.", login.Path));
            return;
        }
        if (login.ReadableByOthers)
        {
            findings.Add(new DoctorFinding("credentials-file-permissions", Severity.Warning,
                $"{login.Path} is readable by other users of this machine (mode {Convert.ToString((int)login.Mode!.Value, 8)}).",
                $"chmod 600 {login.Path}", login.Path));
        }
        if (login.AccessTokenFingerprint is not null && !login.HasInference)
        {
            findings.Add(new DoctorFinding("login-missing-inference-scope", Severity.Warning,
                $"The /login credentials in {login.Path} lack the user:inference scope, so Claude Code ignores them.",
                "Run `claude /login` again with your subscription account.", login.Path));
        }
        if (login.ExpiresAt is { } exp && exp < now)
        {
            findings.Add(new DoctorFinding("login-expired", Severity.Warning,
                $"The /login access token expired at {exp:yyyy-MM-dd HH:mm} UTC; Claude Code refreshes it when it can, otherwise runs fail until you log in again.",
                "Run any `claude` command once interactively, or `claude /login`.", login.Path));
        }
    }

    internal static bool IsAnthropic(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Host == "api.anthropic.com" || u.Host.EndsWith(".anthropic.com", StringComparison.Ordinal));

    internal static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.IsLoopback || u.Host == "127.0.0.1");
}
