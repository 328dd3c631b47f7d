namespace SeatGuard.Core.Common.Files;

/// <summary>Permissions for what SeatGuard stores about the user (ledger, caches, backups): owner only.</summary>
public static class PrivateFile
{
    /// <summary>Owner read and write only (0600).</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    /// <summary>Owner read, write and search only (0700).</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="directory"/> (and parents) owner-only where it does not exist yet.</summary>
    public static void CreateDirectory(string directory)
    {
        if (Directory.Exists(directory)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
        else Directory.CreateDirectory(directory, DirectoryMode);
    }

    /// <summary>Owner-only permissions on a file or directory SeatGuard keeps (nothing on Windows, nothing when it is missing).</summary>
    public static void Tighten(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path)) return;
        var current = File.GetUnixFileMode(path);
        if ((current & ~mode) != 0) File.SetUnixFileMode(path, current & mode);
    }
}
