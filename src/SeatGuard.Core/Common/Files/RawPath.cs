using System.Text;

namespace SeatGuard.Core.Common.Files;

/// <summary>
/// Paths as the file system stores them (bytes), for names that are not UTF-8 and paths longer than the system's
/// PATH_MAX, which .NET's string paths cannot reach: the bytes are kept for opening, and shown with
/// <see cref="Display"/> (UTF-8 where valid, <c>\xNN</c> for every other byte).
/// </summary>
public static class RawPath
{
    /// <summary>Paths at least this long (in bytes) are opened one directory at a time (openat), not by name.</summary>
    public const int DirectLimit = 3800;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True when the bytes are valid UTF-8.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>Text for a path's bytes: UTF-8 where it is valid, <c>\xNN</c> for each byte where it is not.</summary>
    public static string Display(ReadOnlySpan<byte> bytes)
    {
        if (IsUtf8(bytes)) return Strict.GetString(bytes);
        var sb = new StringBuilder(bytes.Length + 8);
        int i = 0;
        while (i < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[i..], out var rune, out int consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                sb.Append(rune.ToString());
                i += consumed;
            }
            else
            {
                sb.Append("\\x").Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                i++;
            }
        }
        return sb.ToString();
    }

    /// <summary>A child path: <paramref name="directory"/> + '/' + <paramref name="name"/>.</summary>
    public static byte[] Combine(ReadOnlySpan<byte> directory, ReadOnlySpan<byte> name)
    {
        var result = new byte[directory.Length + 1 + name.Length];
        directory.CopyTo(result);
        result[directory.Length] = (byte)'/';
        name.CopyTo(result.AsSpan(directory.Length + 1));
        return result;
    }

    /// <summary>The bytes of a .NET path (UTF-8).</summary>
    public static byte[] Of(string path) => Encoding.UTF8.GetBytes(path);

    /// <summary>True when .NET can open this path by name: valid UTF-8 and shorter than <see cref="DirectLimit"/>.</summary>
    public static bool IsOpenableByName(ReadOnlySpan<byte> bytes) => bytes.Length < DirectLimit && IsUtf8(bytes);
}
