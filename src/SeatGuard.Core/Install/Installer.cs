using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;

namespace SeatGuard.Core.Install;

/// <summary>
/// Puts the running program on PATH at a stable path, or takes it away again: its folder is copied to
/// <c>PREFIX/lib/seatguard/</c> (staged beside it, then renamed into place) and <c>PREFIX/bin/seatguard</c> is a symlink to
/// the program there. Hooks and the status line can then name <c>PREFIX/bin/seatguard</c>, which survives rebuilds
/// and upgrades. SeatGuard's data and config are never touched.
/// </summary>
public sealed class Installer(ICommandRunner commands)
{
    /// <summary>The file in <c>PREFIX/lib/seatguard</c> that marks the folder as SeatGuard's install.</summary>
    public const string Marker = ".seatguard-install";

    /// <summary>Debug symbols and docs stay behind.</summary>
    private static readonly string[] SkippedExtensions = [".pdb", ".dbg", ".xml"];

    /// <summary>Installs or uninstalls as <paramref name="request"/> says.</summary>
    /// <exception cref="InputException">the prefix cannot be used, or <c>PREFIX/bin/seatguard</c> is not SeatGuard's (without --force).</exception>
    public async Task<InstallResult> RunAsync(HostContext host, InstallRequest request, CancellationToken cancellationToken = default)
    {
        if (host.Os == HostOs.Windows)
            throw new InputException("seatguard install is for Linux and macOS; on Windows use 'dotnet tool install -g seatguard'");
        var prefix = Path.GetFullPath(string.IsNullOrWhiteSpace(request.Prefix) ? Path.Combine(host.Home, ".local") : ClaudePaths.ExpandHome(request.Prefix, host), host.WorkingDirectory);
        if (File.Exists(prefix)) throw new InputException($"--prefix {request.Prefix}: is a file, not a directory");
        var bin = Path.Combine(prefix, "bin");
        var command = Path.Combine(bin, InstalledProgram.Name);
        var directory = Path.Combine(prefix, "lib", InstalledProgram.Name);
        var notices = new List<string>();
        bool onPath = OnPath(host, bin);
        return request.Install
            ? await InstallAsync(host, request, prefix, command, directory, onPath, notices, cancellationToken)
            : Uninstall(host, request, prefix, command, directory, onPath, notices);
    }

    private async Task<InstallResult> InstallAsync(HostContext host, InstallRequest request, string prefix, string command, string directory,
        bool onPath, List<string> notices, CancellationToken cancellationToken)
    {
        var program = Path.GetFullPath(request.ProgramPath);
        var source = Path.GetDirectoryName(program)!;
        var programName = Path.GetFileName(program);
        bool throughShim = !string.Equals(source.TrimEnd('/'), Path.GetFullPath(request.ProgramDirectory).TrimEnd('/'), StringComparison.Ordinal);
        if (!programName.StartsWith(InstalledProgram.Name, StringComparison.OrdinalIgnoreCase) || !File.Exists(program) || throughShim)
            throw new InputException($"this seatguard runs as '{program}', which is not a program that can be copied (a .NET tool runs through 'dotnet'): " +
                                     "it is already on PATH if 'dotnet tool install -g seatguard' installed it; otherwise run ./seatguard install in a clone");
        if (IsForeignCommand(command, directory) && !request.Force)
            throw new InputException($"{command} exists and is not SeatGuard's install; --force replaces it, or choose another --prefix");

        bool sameFolder = string.Equals(Path.GetFullPath(source).TrimEnd('/'), Path.GetFullPath(directory).TrimEnd('/'), StringComparison.Ordinal);
        bool changed = !sameFolder || !IsOurLink(command, directory);
        if (!request.NativelyCompiled)
            notices.Add("this build is not natively compiled (no C compiler was found for Native AOT): the installed seatguard needs the .NET runtime");
        if (request.DryRun)
            return new InstallResult("install", prefix, command, directory, changed, true, null, request.NativelyCompiled, onPath, PathNotices(host, command, onPath, notices));

        if (!sameFolder) CopyFolder(source, directory);
        LinkCommand(command, Path.Combine(directory, programName));

        var version = await VersionOf(host, command, cancellationToken);
        return new InstallResult("install", prefix, command, directory, changed, false, version, request.NativelyCompiled, onPath, PathNotices(host, command, onPath, notices));
    }

    private static InstallResult Uninstall(HostContext host, InstallRequest request, string prefix, string command, string directory, bool onPath, List<string> notices)
    {
        bool link = IsOurLink(command, directory);
        bool folder = File.Exists(Path.Combine(directory, Marker));
        if (!link && File.Exists(command) | IsSymlink(command))
            notices.Add($"{command} is not SeatGuard's link and was left alone");
        if (!folder && Directory.Exists(directory))
            notices.Add($"{directory} has no {Marker} and was left alone");
        var settings = Path.Combine(ClaudePaths.ConfigDir(host, null), "settings.json");
        if ((link || folder) && File.Exists(settings) && SafeContains(settings, command))
            notices.Add($"{settings} still runs {command}: run 'seatguard hooks uninstall' (or install again) so Claude Code's status line and hook keep working");
        if (!request.DryRun)
        {
            if (link) File.Delete(command);
            if (folder) Directory.Delete(directory, recursive: true);
        }
        return new InstallResult("uninstall", prefix, command, directory, link || folder, request.DryRun, null, false, onPath, notices);
    }

    /// <summary>Copies the program's folder to a staging folder beside <paramref name="target"/>, then renames it into place.</summary>
    private static void CopyFolder(string source, string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{InstalledProgram.Name}.new-{Guid.NewGuid():N}");
        var old = Path.Combine(parent, $".{InstalledProgram.Name}.old-{Guid.NewGuid():N}");
        try
        {
            CopyTree(source, staging);
            File.WriteAllText(Path.Combine(staging, Marker), "installed by seatguard install; 'seatguard uninstall' removes this folder\n");
            if (Directory.Exists(target)) Directory.Move(target, old);
            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        }
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') || SkippedExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase)) continue;
            var to = Path.Combine(target, name);
            File.Copy(file, to);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(to, File.GetUnixFileMode(file));
        }
        foreach (var dir in Directory.EnumerateDirectories(source))
            CopyTree(dir, Path.Combine(target, Path.GetFileName(dir)));
    }

    /// <summary>Points <paramref name="command"/> at <paramref name="program"/>: a new link renamed over the old one.</summary>
    private static void LinkCommand(string command, string program)
    {
        var bin = Path.GetDirectoryName(command)!;
        Directory.CreateDirectory(bin);
        var temp = Path.Combine(bin, $".{InstalledProgram.Name}.link-{Guid.NewGuid():N}");
        File.CreateSymbolicLink(temp, program);
        try
        {
            File.Move(temp, command, overwrite: true);
        }
        finally
        {
            if (IsSymlink(temp)) File.Delete(temp);
        }
    }

    private async Task<string> VersionOf(HostContext host, string command, CancellationToken cancellationToken)
    {
        var result = await commands.RunAsync(new CommandSpec(command, ["--version"], host.Environment, host.WorkingDirectory, TimeSpan.FromSeconds(30)), cancellationToken);
        if (result.ExitCode != 0 || result.TimedOut)
            throw new InputException($"{command} was installed but does not run ('--version' exited {result.ExitCode}): {result.StdErr.Trim()}");
        return result.StdOut.Trim();
    }

    private static List<string> PathNotices(HostContext host, string command, bool onPath, List<string> notices)
    {
        var bin = Path.GetDirectoryName(command)!;
        if (!onPath)
        {
            notices.Add($"{bin} is not on PATH: add it in your shell's startup file, e.g. export PATH=\"{bin}:$PATH\" in ~/.bashrc or ~/.zshrc");
        }
        else if (InstalledProgram.Find(host) is { } first && !string.Equals(first, command, StringComparison.Ordinal))
        {
            notices.Add($"{first} comes first on PATH, so 'seatguard' runs that one, not {command}");
        }
        return notices;
    }

    private static bool OnPath(HostContext host, string bin) =>
        (host.Get("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(d => Path.IsPathFullyQualified(d) && string.Equals(Path.GetFullPath(d).TrimEnd('/'), bin.TrimEnd('/'), StringComparison.Ordinal));

    private static bool IsSymlink(string path)
    {
        try { return new FileInfo(path).LinkTarget is not null; }
        catch (IOException) { return false; }
    }

    /// <summary><c>PREFIX/bin/seatguard</c> is a link into SeatGuard's install folder.</summary>
    private static bool IsOurLink(string command, string directory) =>
        new FileInfo(command).LinkTarget is { } target
        && Path.GetFullPath(target, Path.GetDirectoryName(command)!).StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>Something else is at <c>PREFIX/bin/seatguard</c>: a file, or a link that does not point into the install folder.</summary>
    private static bool IsForeignCommand(string command, string directory) =>
        (File.Exists(command) || IsSymlink(command)) && !IsOurLink(command, directory);

    private static bool SafeContains(string file, string text)
    {
        try { return Common.Files.SafeFile.ReadAllText(file, Common.Files.SafeFile.ConfigLimit)?.Contains(text, StringComparison.Ordinal) == true; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Common.Files.UnreadableFileException) { return false; }
    }
}
