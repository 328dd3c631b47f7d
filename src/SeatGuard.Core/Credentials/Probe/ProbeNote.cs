namespace SeatGuard.Core.Credentials.Probe;

/// <summary>Something the probe noticed, turned into a doctor finding (never a secret).</summary>
public sealed record ProbeNote(string Id, Severity Severity, string Message, string Fix);
