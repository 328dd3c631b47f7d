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
}
