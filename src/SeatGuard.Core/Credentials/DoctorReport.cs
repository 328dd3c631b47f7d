namespace SeatGuard.Core.Credentials;

/// <summary>The doctor's answer (the CLI contract's doctor JSON).</summary>
public sealed record DoctorReport(
    Billing Verdict,
    string Summary,
    CredentialRef Credential,
    IReadOnlyList<CredentialRef> Shadowed,
    IReadOnlyList<CredentialRef> AlsoSent,
    IReadOnlyList<DoctorFinding> Findings,
    InteractiveNote? Interactive,
    string? BaseUrl,
    string ProjectDir,
    string ConfigDir,
    ProbeReport? Probe)
{
    /// <summary>The answer for each way of starting Claude Code: <c>print</c> (<c>claude -p</c>, the verdict above), <c>interactive</c>, <c>bare</c>.</summary>
    public IReadOnlyList<StartModeAnswer> Modes { get; init; } = [];

    /// <summary>Why Claude Code sends nothing although a credential is configured, or null.</summary>
    public string? Refusal { get; init; }

    /// <summary>A check failed: an error-severity finding.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}
