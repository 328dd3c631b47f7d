namespace SeatGuard.Core.Install;

/// <summary>
/// What <c>seatguard install|uninstall</c> is asked to do.
/// </summary>
/// <param name="Install">True to install, false to uninstall.</param>
/// <param name="Prefix">The install prefix: the program goes to <c>PREFIX/lib/seatguard/</c>, the command to <c>PREFIX/bin/seatguard</c>
/// (null: <c>~/.local</c>).</param>
/// <param name="ProgramPath">The running program (its folder is what gets copied).</param>
/// <param name="ProgramDirectory">Where the program's code is (<c>AppContext.BaseDirectory</c>); another folder than
/// <paramref name="ProgramPath"/>'s means it runs through a shim (a .NET tool), which is not copied.</param>
/// <param name="NativelyCompiled">Whether the running program is Native AOT (else it needs the .NET runtime to run).</param>
/// <param name="Force">Replace a <c>PREFIX/bin/seatguard</c> that is not SeatGuard's link.</param>
/// <param name="DryRun">Say what would be done; change nothing.</param>
public sealed record InstallRequest(bool Install, string? Prefix, string ProgramPath, string ProgramDirectory, bool NativelyCompiled, bool Force = false, bool DryRun = false);
