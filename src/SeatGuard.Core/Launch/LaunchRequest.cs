using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>What was asked for: mode (null: what the beneficiary policy allows), beneficiary, override, and the claude command line.</summary>
public sealed record LaunchRequest(Billing? Mode, string? For, bool Force, string ClaudeExecutable, IReadOnlyList<string> ClaudeArguments, string? ConfigDir);
