namespace SeatGuard.Core.Credentials;

/// <summary>Kinds of credential, as the CLI contract names them.</summary>
public static class CredentialKinds
{
    public const string ApiKey = "api-key";
    public const string ApiKeyHelper = "api-key-helper";
    public const string AuthToken = "auth-token";
    public const string OAuthToken = "oauth-token";
    public const string Login = "login";
    public const string Cloud = "cloud";
    public const string None = "none";
}

/// <summary>Who pays for a run, as the CLI contract names it.</summary>
public static class BillingVerdicts
{
    public const string Subscription = "subscription";
    public const string ApiKey = "api-key";
    public const string Gateway = "gateway";
    public const string CloudProvider = "cloud-provider";
    public const string None = "none";
    public const string Unknown = "unknown";

    public static string ForKind(string kind) => kind switch
    {
        CredentialKinds.ApiKey or CredentialKinds.ApiKeyHelper => ApiKey,
        CredentialKinds.AuthToken => Gateway,
        CredentialKinds.OAuthToken or CredentialKinds.Login => Subscription,
        CredentialKinds.Cloud => CloudProvider,
        _ => None,
    };
}

/// <summary>A credential as SeatGuard may show it: kind, where it comes from, a fingerprint — never the value.</summary>
public sealed record CredentialRef(string Kind, string Source, string? Fingerprint)
{
    public static readonly CredentialRef Nothing = new(CredentialKinds.None, "none", null);
}

public static class Severities
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Info = "info";
}

/// <summary>Something worth telling the user, with the fix. Never contains a secret.</summary>
public sealed record Finding(string Id, string Severity, string Message, string Fix, string? Location = null);

/// <summary>What Claude Code would use in an interactive session, when it differs from non-interactive runs.</summary>
public sealed record InteractiveNote(string Verdict, CredentialRef Credential, string Note);

/// <summary>The doctor's answer (the CLI contract's doctor JSON).</summary>
public sealed record DoctorReport(
    string Verdict,
    string Summary,
    CredentialRef Credential,
    IReadOnlyList<CredentialRef> Shadowed,
    IReadOnlyList<CredentialRef> AlsoSent,
    IReadOnlyList<Finding> Findings,
    InteractiveNote? Interactive,
    string? BaseUrl,
    string ProjectDir,
    string ConfigDir,
    ProbeReport? Probe);

/// <summary>What the loopback probe observed from the real Claude Code.</summary>
public sealed record ProbeReport(
    string? ClaudeVersion,
    string? ApiKeySource,
    string Observed,
    string? ObservedFingerprint,
    bool Agrees,
    bool RateLimitEvent,
    string? Error);
