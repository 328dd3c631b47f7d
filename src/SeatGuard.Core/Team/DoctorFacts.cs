namespace SeatGuard.Core.Team;

/// <summary>What <c>seatguard doctor</c> says about the machine at sync time: the verdict and the winning credential (keyed fingerprint).</summary>
public sealed record DoctorFacts(string Verdict, string CredentialKind, string CredentialSource, string? Fingerprint, int Errors, int Warnings);
