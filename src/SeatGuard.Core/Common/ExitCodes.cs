namespace SeatGuard.Core.Common;

/// <summary>Exit codes shared by every command (see docs/cli.md and the CLI contract).</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;
    /// <summary>A check failed (the command's own meaning, e.g. a scan finding at or above --fail-on).</summary>
    public const int CheckFailed = 1;
    /// <summary>Bad usage or bad input: one line on stderr, never a stack trace.</summary>
    public const int BadUsage = 2;
    /// <summary>Billing mismatch: the observed or predicted billing is not the expected one.</summary>
    public const int BillingMismatch = 3;
    /// <summary>Refused by policy (fail closed): nothing was launched.</summary>
    public const int RefusedByPolicy = 4;
}
