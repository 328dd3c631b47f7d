using SeatGuard.Core.Common;
using SeatGuard.Core.Install;

namespace SeatGuard.Core.Integration;

/// <summary>
/// Which command Claude Code's settings should run for SeatGuard: never a path inside a build folder, which is deleted
/// and rebuilt whenever the sources change (the status line would break silently).
/// </summary>
public static class HooksProgram
{
    /// <summary>
    /// <paramref name="explicitCommand"/> (<c>--command</c>; an existing path is made absolute and quoted), else an installed
    /// seatguard (<see cref="InstalledProgram.Find"/>: on PATH, or the .NET tool shim), else <paramref name="currentProgram"/>
    /// when it is not in a build folder.
    /// </summary>
    /// <exception cref="InputException">only a build folder's seatguard is known: install first or pass --command.</exception>
    public static string Resolve(HostContext host, string? explicitCommand, string? currentProgram)
    {
        if (!string.IsNullOrWhiteSpace(explicitCommand))
        {
            var full = Path.GetFullPath(explicitCommand.Trim(), host.WorkingDirectory);
            return File.Exists(full) ? SeatGuardCommands.ShellQuote(full) : explicitCommand.Trim();
        }
        if (InstalledProgram.Find(host) is { } installed) return SeatGuardCommands.ShellQuote(installed);
        if (currentProgram is not null && File.Exists(currentProgram) && !InstalledProgram.IsInBuildFolder(currentProgram))
            return SeatGuardCommands.ShellQuote(currentProgram);
        var where = currentProgram is null ? "" : $" ({currentProgram})";
        throw new InputException($"this seatguard runs from a build folder{where} that is replaced on every rebuild, and no installed seatguard is on PATH: " +
                                 "install it first ('./seatguard install' or 'dotnet tool install -g seatguard') or pass --command PATH");
    }
}
