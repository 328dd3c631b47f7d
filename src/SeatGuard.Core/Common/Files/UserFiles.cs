namespace SeatGuard.Core.Common.Files;

/// <summary>Data files a user points SeatGuard at (<c>--rules</c>, <c>--policy</c>, <c>--manifest</c>, a baseline, a price book).</summary>
public static class UserFiles
{
    /// <summary>
    /// The file's text (UTF-8, BOM dropped), read with <see cref="SafeFile"/> and <see cref="SafeFile.DataLimit"/>. A missing
    /// or unreadable file raises the caller's input exception, made by <paramref name="error"/> from a one-line message.
    /// </summary>
    public static string ReadText(string path, string what, Func<string, Exception>? error = null)
    {
        error ??= m => new InputException(m);
        try
        {
            return SafeFile.ReadAllText(path, SafeFile.DataLimit) ?? throw error($"{what} not found: {path}");
        }
        catch (UnreadableFileException e)
        {
            throw error($"{what} {e.Message}");
        }
    }

    /// <summary>Like <see cref="ReadText"/>, as bytes.</summary>
    public static byte[] ReadBytes(string path, string what, Func<string, Exception>? error = null)
    {
        error ??= m => new InputException(m);
        try
        {
            return SafeFile.ReadAllBytes(path, SafeFile.DataLimit) ?? throw error($"{what} not found: {path}");
        }
        catch (UnreadableFileException e)
        {
            throw error($"{what} {e.Message}");
        }
    }

    /// <summary>
    /// Writes a file the user named (<c>--html FILE</c>): replaced atomically, its folder never created; a folder that
    /// does not exist or a write that is not allowed is an <see cref="InputException"/> that says which.
    /// </summary>
    public static void WriteText(string path, string text)
    {
        try
        {
            AtomicFile.WriteAllText(path, text, createDirectory: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new InputException($"cannot write {path}: " + e switch
            {
                DirectoryNotFoundException => "its folder does not exist",
                UnauthorizedAccessException => "permission denied",
                _ => ReadableErrors.Of(e),
            });
        }
    }
}
