using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeatGuard.Core.Integration;

/// <summary>A Claude Code settings file that could not be used; nothing was written.</summary>
public sealed class SettingsFileException(string message) : IOException(message);

/// <summary>Reads a Claude Code settings file as a JSON object and writes it back atomically, with a backup.</summary>
public static class SettingsFile
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The file's object; a missing or empty file is an empty object. Invalid JSON → <see cref="SettingsFileException"/> naming the file and line.</summary>
    public static JsonObject Load(string path)
    {
        if (!File.Exists(path)) return [];
        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text)) return [];
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new SettingsFileException($"{path}:{(e.LineNumber ?? 0) + 1}: not valid JSON ({e.Message.Split(". ")[0].TrimEnd('.')}); nothing was changed");
        }
        return node as JsonObject ?? throw new SettingsFileException($"{path}: the top level is not a JSON object; nothing was changed");
    }

    public static string Serialize(JsonObject settings) => settings.ToJsonString(WriteOptions) + "\n";

    /// <summary>
    /// Replaces <paramref name="path"/> (or the file a symbolic link there points to) with <paramref name="text"/> via a temporary file and a rename, after copying the
    /// previous file to <c>&lt;file&gt;.seatguard-backup-&lt;UTC time&gt;</c>. Returns the backup's path (null when there was no file).
    /// </summary>
    public static string? Write(string path, string text, DateTimeOffset now)
    {
        // A settings file linked from a dotfiles repository stays a link: the file it points to is replaced.
        if (File.Exists(path) && new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target) path = target.FullName;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        string? backup = null;
        UnixFileMode? mode = null;
        if (File.Exists(path))
        {
            backup = BackupPath(path, now);
            File.Copy(path, backup);
            if (!OperatingSystem.IsWindows()) mode = File.GetUnixFileMode(path);
        }
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.seatguard-{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            if (mode is { } m && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, m);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return backup;
    }

    private static string BackupPath(string path, DateTimeOffset now)
    {
        var stem = $"{path}.seatguard-backup-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        var candidate = stem;
        for (int i = 2; File.Exists(candidate); i++) candidate = $"{stem}-{i}";
        return candidate;
    }
}
