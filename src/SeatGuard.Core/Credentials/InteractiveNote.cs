namespace SeatGuard.Core.Credentials;

/// <summary>What Claude Code would use in an interactive session, when it differs from non-interactive runs.</summary>
public sealed record InteractiveNote(Billing Verdict, CredentialRef Credential, string Note);
