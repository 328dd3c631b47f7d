namespace SeatGuard.Core.Credentials;

/// <summary>Something about the credentials here worth telling the user, with the one-line fix. Never contains a secret.</summary>
public sealed record DoctorFinding(string Id, Severity Severity, string Message, string Fix, string? Location = null);
