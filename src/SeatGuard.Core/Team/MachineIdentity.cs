using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Team;

/// <summary>
/// This machine's identity in the team store: a random id made on the first sync and kept in SeatGuard's data
/// directory (<c>machine-id</c>), so a renamed host or a changed user name stays the same machine, and two machines
/// with the same name stay two.
/// </summary>
public static class MachineIdentity
{
    public const string FileName = "machine-id";

    public static string PathFor(HostContext host) => Path.Combine(ClaudePaths.SeatGuardDataDir(host), FileName);

    /// <summary>The stored id, or a new one stored now (two first syncs at once agree on one id).</summary>
    public static string LoadOrCreate(HostContext host)
    {
        var path = PathFor(host);
        if (Read(path) is { } existing) return existing;
        PrivateFile.CreateDirectory(Path.GetDirectoryName(path)!);
        var id = Guid.NewGuid().ToString("N");
        var temp = path + "." + id + ".tmp";
        try
        {
            File.WriteAllText(temp, id + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, PrivateFile.Mode);
            try { File.Move(temp, path, overwrite: false); }
            catch (IOException) when (File.Exists(path))
            {
                // Another sync made it first: use that one; a damaged file is replaced.
                if (Read(path) is null) File.Move(temp, path, overwrite: true);
            }
        }
        finally
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        return Read(path) ?? throw new IOException($"cannot keep this machine's id in {path}");
    }

    private static string? Read(string path)
    {
        byte[]? bytes;
        try { bytes = SafeFile.ReadAllBytes(path, 4096); }
        catch (UnreadableFileException) { return null; }
        if (bytes is null) return null;
        var text = System.Text.Encoding.UTF8.GetString(bytes).Trim();
        return Guid.TryParseExact(text, "N", out var g) ? g.ToString("N") : null;
    }
}
