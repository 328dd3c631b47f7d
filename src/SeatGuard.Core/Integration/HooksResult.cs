using SeatGuard.Core.Common;

namespace SeatGuard.Core.Integration;

/// <summary>What it did: the file, the changes, the backup, and the resulting settings text (credential values redacted).</summary>
public sealed record HooksResult(
    string Action,
    string Scope,
    string File,
    bool Changed,
    bool DryRun,
    string? Backup,
    IReadOnlyList<string> Changes,
    IReadOnlyList<string> Notices,
    string Settings);
