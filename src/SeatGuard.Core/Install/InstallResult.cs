namespace SeatGuard.Core.Install;

/// <summary>
/// What <c>seatguard install|uninstall</c> did.
/// </summary>
/// <param name="Action"><c>install</c> or <c>uninstall</c>.</param>
/// <param name="Prefix">The install prefix.</param>
/// <param name="Command">The command on PATH: <c>PREFIX/bin/seatguard</c>.</param>
/// <param name="Directory">Where the program's files are: <c>PREFIX/lib/seatguard</c>.</param>
/// <param name="Changed">Whether anything was (or, in a dry run, would be) changed.</param>
/// <param name="DryRun">True when nothing was written.</param>
/// <param name="Version">The installed program's <c>--version</c> (install), or null.</param>
/// <param name="NativelyCompiled">Whether the installed program is natively compiled (install).</param>
/// <param name="OnPath">Whether <c>PREFIX/bin</c> is on PATH.</param>
/// <param name="Notices">What the user should know or do next (PATH, shadowing, hooks that point here).</param>
public sealed record InstallResult(
    string Action,
    string Prefix,
    string Command,
    string Directory,
    bool Changed,
    bool DryRun,
    string? Version,
    bool NativelyCompiled,
    bool OnPath,
    IReadOnlyList<string> Notices);
