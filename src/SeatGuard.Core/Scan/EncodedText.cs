using SeatGuard.Core.Common;
using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace SeatGuard.Core.Scan;

/// <summary>
/// The encodings a token hides behind in real repositories, decoded as gitleaks and trufflehog decode them: text
/// files in UTF-16 (with or without a byte order mark), base64 (standard and URL-safe, as in Kubernetes secrets,
/// Docker auth files and CI variables) and JSON/JavaScript <c>\uXXXX</c> escapes. Decoding is only attempted where
/// the cheap keyword pass saw a sign of it (<see cref="Base64Needles"/>, <c>\u00</c>).
/// </summary>
internal static class EncodedText
{
    public const string JsonEscapeHint = "\\u00";

    /// <summary>Byte order of a UTF-16 text file, from its BOM or from the pattern of NUL bytes in its first 8 KiB.</summary>
    public static Encoding? Utf16Of(ReadOnlySpan<byte> data, out int bomLength)
    {
        bomLength = 0;
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) && !data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) { bomLength = 2; return Encoding.Unicode; }
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { bomLength = 2; return Encoding.BigEndianUnicode; }
        var head = data[..(Math.Min(data.Length, 8192) & ~1)];
        if (head.Length < 8) return null;
        int evenZero = 0, oddZero = 0, pairs = head.Length / 2;
        for (int i = 0; i < head.Length; i += 2)
        {
            if (head[i] == 0) evenZero++;
            if (head[i + 1] == 0) oddZero++;
        }
        // ASCII-range text in UTF-16: one byte of nearly every pair is zero, the other almost never.
        if (oddZero * 10 >= pairs * 9 && evenZero * 20 <= pairs) return Encoding.Unicode;
        if (evenZero * 10 >= pairs * 9 && oddZero * 20 <= pairs) return Encoding.BigEndianUnicode;
        return null;
    }

    /// <summary>
    /// The stable middle of the base64 encodings of <paramref name="prefix"/> at each of the three alignments a value
    /// can start at (the characters that do not depend on the bytes around it), standard and URL-safe; empty when the
    /// prefix is too short for a selective needle.
    /// </summary>
    public static IEnumerable<string> Base64Needles(string prefix)
    {
        var bytes = Encoding.UTF8.GetBytes(prefix);
        for (int shift = 0; shift < 3; shift++)
        {
            string? stable = null;
            foreach (byte fill in new byte[] { 0x00, 0xFF, 0x5A })
            {
                var padded = new byte[shift + bytes.Length + 2];
                padded.AsSpan().Fill(fill);
                bytes.CopyTo(padded, shift);
                var encoded = Convert.ToBase64String(padded);
                int first = (shift * 8 + 5) / 6, last = (shift + bytes.Length) * 8 / 6;
                var core = encoded[first..last];
                stable = stable is null ? core : CommonRun(stable, core);
            }
            if (stable is { Length: >= 6 })
            {
                yield return stable;
                var urlSafe = stable.Replace('+', '-').Replace('/', '_');
                if (urlSafe != stable) yield return urlSafe;
            }
        }
    }

    private static string CommonRun(string a, string b)
    {
        int n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return a[..n];
    }

    private static readonly SearchValues<char> Base64Chars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_");

    /// <summary>A decoded base64 value: its text, and where the encoded value starts in the original text.</summary>
    public readonly record struct Decoded(string Text, int Offset);

    /// <summary>
    /// The base64 values in <paramref name="text"/> that contain one of <paramref name="needles"/>, decoded (from each of
    /// the four possible starting characters, so a value glued to other base64 characters is found too) when the
    /// result holds one of <paramref name="mustContain"/>.
    /// </summary>
    public static List<Decoded> Base64Values(string text, IReadOnlyList<string> needles, IReadOnlyList<string> mustContain, int maxValues = 256)
    {
        var found = new List<Decoded>();
        var seenRuns = new HashSet<int>();
        foreach (var needle in needles)
        {
            for (int at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0 && found.Count < maxValues; at = text.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
            {
                int start = at;
                while (start > 0 && Base64Chars.Contains(text[start - 1])) start--;
                if (!seenRuns.Add(start)) continue;
                int end = at + needle.Length;
                while (end < text.Length && Base64Chars.Contains(text[end])) end++;
                int runEnd = end;
                while (runEnd < text.Length && runEnd - end < 2 && text[runEnd] == '=') runEnd++;
                for (int skip = 0; skip < 4 && start + skip <= at; skip++)
                {
                    if (TryDecode(text.AsSpan(start + skip, runEnd - start - skip)) is { } decoded && mustContain.Any(m => decoded.Contains(m, StringComparison.Ordinal)))
                    {
                        found.Add(new Decoded(decoded, start));
                        break;
                    }
                }
            }
        }
        return found;
    }

    /// <summary>Decodes standard or URL-safe base64 (padding optional) to text; null when it is not base64.</summary>
    private static string? TryDecode(ReadOnlySpan<char> value)
    {
        if (value.Length < 8) return null;
        var sb = new StringBuilder(value.Length + 3);
        foreach (var c in value)
        {
            if (c == '=') break;
            sb.Append(c switch { '-' => '+', '_' => '/', _ => c });
        }
        int usable = sb.Length - sb.Length % 4;
        if (sb.Length % 4 == 1) sb.Length = usable; // a trailing character that cannot be decoded
        while (sb.Length % 4 != 0) sb.Append('=');
        var chars = sb.ToString();
        var bytes = new byte[chars.Length / 4 * 3];
        if (!Convert.TryFromBase64String(chars, bytes, out int written)) return null;
        return Encoding.UTF8.GetString(bytes, 0, written);
    }

    /// <summary>
    /// <paramref name="text"/> with its <c>\uXXXX</c> escapes (also doubled, <c>\\uXXXX</c>) and <c>\/</c> decoded, or null
    /// when it has none. Escapes of line breaks and other control characters are kept, so lines stay where they were.
    /// </summary>
    public static string? JsonUnescaped(string text)
    {
        if (TextSearch.IndexOfIgnoreCase(text, "\\u") < 0 && !text.Contains("\\/", StringComparison.Ordinal)) return null;
        var sb = new StringBuilder(text.Length);
        bool changed = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\\') { sb.Append(c); continue; }
            int j = i + 1;
            while (j < text.Length && text[j] == '\\' && j - i < 4) j++; // doubled (and tripled) escapes
            if (j + 4 < text.Length && text[j] is 'u' or 'U' && ushort.TryParse(text.AsSpan(j + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code)
                && code >= 0x20 && code is not (>= 0xD800 and <= 0xDFFF))
            {
                sb.Append((char)code);
                i = j + 4;
                changed = true;
            }
            else if (j < text.Length && text[j] == '/')
            {
                sb.Append('/');
                i = j;
                changed = true;
            }
            else sb.Append(c);
        }
        return changed ? sb.ToString() : null;
    }
}
