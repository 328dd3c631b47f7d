namespace SeatGuard.Core.Credentials;

/// <summary>What Claude Code bills when started one way (<c>claude -p</c>, interactively, or with <c>--bare</c>).</summary>
public sealed record StartModeAnswer(StartMode Mode, Billing Verdict, CredentialRef Credential, string Summary, string? Refusal);
