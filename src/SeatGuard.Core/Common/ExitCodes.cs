namespace SeatGuard.Core.Common;

/// <summary>Exit codes shared by every command (see docs/cli.md and the CLI contract).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int BadUsage = 2;
    public const int BillingMismatch = 3;
    public const int RefusedByPolicy = 4;
}
