using System.Text.Json.Nodes;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;

namespace SeatGuard.Core.Integration;

/// <summary>
/// Reads a Claude Code settings file as Claude Code does (<see cref="ClaudeJson"/>) and writes it back atomically
/// (<see cref="AtomicFile"/>), with a backup first.
/// </summary>
public static class SettingsFile
{
    /// <summary>The file's object; a missing or empty file is an empty object. A file Claude Code would reject → <see cref="SettingsFileException"/> naming the file, line and column.</summary>
    public static JsonObject Load(string path)
    {
        byte[]? bytes;
        try { bytes = SafeFile.ReadAllBytes(path, SafeFile.ConfigLimit); }
        catch (UnreadableFileException e) { throw new SettingsFileException($"{path}: {e.Reason}; nothing was changed"); }
        if (bytes is null || bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty || bytes.AsSpan().SequenceEqual("\uFEFF"u8)) return [];
        var node = ClaudeJson.Parse(bytes, out var problem);
        if (problem is not null)
            throw new SettingsFileException($"{path}:{problem.Line}:{problem.Column}: not valid JSON ({problem.Message}); Claude Code ignores this file as it is; nothing was changed");
        return node as JsonObject ?? throw new SettingsFileException($"{path}: the top level is {ClaudeJson.KindOf(node)}, not a JSON object; nothing was changed");
    }

    /// <summary>The settings as Claude Code's files are written: two-space indented JSON with a final newline (lone surrogates kept).</summary>
    public static string Serialize(JsonObject settings) => JsonText.NodeToString(settings) + "\n";

    /// <summary>
    /// Replaces <paramref name="path"/> (or, when it is a symbolic link, the file it points to, so the link stays) with
    /// <paramref name="text"/>, after saving the previous content to <c>&lt;path&gt;.seatguard-backup-&lt;UTC time&gt;</c> beside
    /// <paramref name="path"/> itself (never into the directory a link points into, often a committed dotfiles repository).
    /// The backup is private (0600) and is not a second copy of the user's keys: credential values (which SeatGuard never
    /// changes) are written redacted (<see cref="Redactor.RedactJson"/>); everything SeatGuard may change is kept as it was.
    /// Returns the backup's path (null when there was no file).
    /// </summary>
    public static string? Write(string path, string text, DateTimeOffset now)
    {
        var target = path;
        if (File.Exists(path) && new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } linked) target = linked.FullName;
        string? backup = null;
        UnixFileMode? mode = null;
        var previous = SafeFile.ReadAllBytes(target, SafeFile.ConfigLimit);
        if (previous is not null)
        {
            backup = BackupPath(path, now);
            AtomicFile.WriteAllBytes(backup, RedactedCopy(previous), PrivateFile.Mode);
            if (!OperatingSystem.IsWindows()) mode = File.GetUnixFileMode(target);
        }
        AtomicFile.WriteAllText(target, text, mode);
        return backup;
    }

    /// <summary>The previous file with its credential values redacted (a file that is not a JSON object is kept scrubbed).</summary>
    private static byte[] RedactedCopy(byte[] previous)
    {
        var node = ClaudeJson.Parse(previous, out var problem);
        var text = problem is null && node is JsonObject obj
            ? Serialize((JsonObject)Redactor.RedactJson(obj)!)
            : Redactor.Scrub(System.Text.Encoding.UTF8.GetString(previous));
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    private static string BackupPath(string path, DateTimeOffset now)
    {
        var stem = $"{Path.GetFullPath(path)}.seatguard-backup-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        var candidate = stem;
        for (int i = 2; File.Exists(candidate); i++) candidate = $"{stem}-{i}";
        return candidate;
    }
}
