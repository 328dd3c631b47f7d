using System.Text.RegularExpressions;

namespace SeatGuard.Core.Common;

/// <summary>
/// Messages of .NET exceptions in words a user can act on. The Native AOT build strips .NET's message texts
/// (<c>UseSystemResourceKeys</c>), so an exception may carry only a resource name such as
/// <c>IO_FileNotFound_FileName, /proc/x</c>; this gives a plain sentence for those, by the exception's type and the
/// operating system's error number, and keeps every message that is already words.
/// </summary>
public static partial class ReadableErrors
{
    [GeneratedRegex(@"^(?:[A-Z][A-Za-z0-9]*_)+[A-Za-z0-9]+(?:, |$)")]
    private static partial Regex ResourceKey();

    /// <summary>True when <paramref name="message"/> is a stripped resource name rather than a sentence.</summary>
    public static bool IsResourceKey(string message) => ResourceKey().IsMatch(message);

    /// <summary>The exception's message, or a plain sentence in place of a stripped resource name.</summary>
    public static string Of(Exception e)
    {
        var message = e.Message;
        if (!IsResourceKey(message)) return message;
        int comma = message.IndexOf(", ", StringComparison.Ordinal);
        var subject = comma < 0 ? "" : " (" + message[(comma + 2)..] + ")";
        var words = e switch
        {
            FileNotFoundException => "no such file, or a file cannot be created there",
            DirectoryNotFoundException => "no such folder",
            PathTooLongException => "the path is too long",
            UnauthorizedAccessException => "permission denied",
            EndOfStreamException => "the file ended too early",
            IOException io => Errno(io.HResult) ?? "an input/output error",
            FormatException => "a value is not in the expected format",
            OverflowException => "a number is out of range",
            ArgumentException => "an invalid value",
            InvalidOperationException => "an operation that is not valid here",
            OutOfMemoryException => "not enough memory",
            _ => "an unexpected error",
        };
        return words + subject;
    }

    /// <summary>Words for the error numbers a file write meets (Linux numbering, which .NET passes through as HResult).</summary>
    private static string? Errno(int code) => code switch
    {
        1 or 13 => "permission denied",
        2 => "no such file or folder",
        5 => "an input/output error",
        17 => "the file already exists",
        20 => "a part of the path is not a folder",
        21 => "it is a folder",
        24 => "too many open files",
        27 => "the file is too large",
        28 => "no space left on the device",
        30 => "the file system is read-only",
        36 => "the file name is too long",
        40 => "too many levels of symbolic links",
        122 => "the disk quota is exceeded",
        _ => null,
    };
}
