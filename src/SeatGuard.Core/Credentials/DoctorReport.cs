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
    /// <summary>A check failed: an error-severity finding.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}
