namespace SeatGuard.Core.Scan;

/// <summary>SARIF <c>invocation</c>: whether the run succeeded, and the notifications the tool raised while running.</summary>
public sealed record SarifInvocation(bool ExecutionSuccessful, IReadOnlyList<SarifNotification> ToolExecutionNotifications);
