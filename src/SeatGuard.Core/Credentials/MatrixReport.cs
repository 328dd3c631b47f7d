namespace SeatGuard.Core.Credentials;

/// <summary>
/// <c>seatguard doctor --probe --matrix</c>: SeatGuard's prediction and what the installed Claude Code put on the
/// wire, for every environment of <see cref="Probe.MatrixEnvironments"/>.
/// </summary>
public sealed record MatrixReport(string? ClaudeVersion, IReadOnlyList<MatrixResult> Environments, int Agreed, int Total)
{
    /// <summary>Wall-clock seconds the whole matrix took.</summary>
    public double Seconds { get; init; }

    /// <summary>How many environments ran at once.</summary>
    public int Parallelism { get; init; }

    /// <summary>The claude executable that was measured.</summary>
    public string Claude { get; init; } = "";

    /// <summary>Why the matrix did not run (its environments would not be isolated here), or null.</summary>
    public string? Refusal { get; init; }

    /// <summary>True when the matrix ran and every environment's observation agreed with SeatGuard's prediction.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AllAgree => Refusal is null && Agreed == Total && Total > 0;
}

/// <summary>One environment: what it exercises, SeatGuard's prediction, what reached the wire.</summary>
public sealed record MatrixResult(string Name, string Rule, MatrixPrediction Predicted, MatrixObservation Observed, bool Agrees);

/// <summary>SeatGuard's prediction for one environment.</summary>
public sealed record MatrixPrediction(CredentialKind Kind, string Source, Billing Verdict, CredentialKind? SecondCredential);

/// <summary>What the real Claude Code did in one environment.</summary>
public sealed record MatrixObservation(string? ApiKeySource, CredentialKind Credential, CredentialKind? SecondCredential)
{
    /// <summary>True when Claude Code emitted a <c>rate_limit_event</c> in this environment.</summary>
    public bool RateLimitEvent { get; init; }
    /// <summary>True when a credential header reached the wire with no value.</summary>
    public bool EmptyCredential { get; init; }
    /// <summary>claude's exit code; null when it timed out.</summary>
    public int? ExitCode { get; init; }
    /// <summary>Wall-clock seconds this environment's run took.</summary>
    public double Seconds { get; init; }
    /// <summary>Why the environment's run failed, or null.</summary>
    public string? Error { get; init; }
}
