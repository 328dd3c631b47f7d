namespace SeatGuard.Core.Scan;

/// <summary>SARIF <c>notification</c>: a message from the tool about its run (level <c>warning</c> or <c>note</c>).</summary>
public sealed record SarifNotification(SarifText Message, string Level);
