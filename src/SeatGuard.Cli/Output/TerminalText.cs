using System.Text;

namespace SeatGuard.Cli.Output;

/// <summary>
/// The one sanitizer for text that came from outside SeatGuard (file names, settings values, transcript fields,
/// Claude Code's messages) on its way to a terminal: control characters (C0 but newline and tab, DEL, C1),
/// bidirectional overrides and isolates, and line/paragraph separators are shown as <c>\uXXXX</c>, so an escape
/// sequence in a repository can neither recolour, move the cursor, retitle the window, nor reorder what is shown.
/// The same spelling is a valid JSON escape, so a JSON document stays the same document.
/// </summary>
public static class TerminalText
{
    /// <summary>True for a character that must not reach a terminal raw.</summary>
    public static bool IsUnsafe(char c) =>
        c < 0x20 && c is not '\n' and not '\t'
        || c is >= '\u007F' and <= '\u009F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u061C';

    /// <summary>The text with every unsafe character written as <c>\uXXXX</c>.</summary>
    public static string Safe(string? text) => Safe(text, keepAnsi: false);

    /// <summary>
    /// With <paramref name="keepAnsi"/>, ESC and carriage return pass (the colour and redraw sequences SeatGuard's own
    /// coloured views emit on a terminal; outside text in those views was made safe before): the terminal writer's net.
    /// </summary>
    public static string Safe(string? text, bool keepAnsi)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        // One vectorised search for the first unsafe character (a report is hundreds of kilobytes of safe text).
        int i = text.AsSpan().IndexOfAny(keepAnsi ? UnsafeKeepingAnsi : UnsafeChars);
        if (i < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (Unsafe(c, keepAnsi)) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> UnsafeChars = System.Buffers.SearchValues.Create(UnsafeSet(keepAnsi: false));
    private static readonly System.Buffers.SearchValues<char> UnsafeKeepingAnsi = System.Buffers.SearchValues.Create(UnsafeSet(keepAnsi: true));

    private static string UnsafeSet(bool keepAnsi)
    {
        var set = new StringBuilder();
        // Every unsafe character is below U+00A0 or between U+0600 and U+2070 (see IsUnsafe).
        for (int c = 0; c < 0xA0; c++) if (Unsafe((char)c, keepAnsi)) set.Append((char)c);
        for (int c = 0x600; c < 0x2070; c++) if (Unsafe((char)c, keepAnsi)) set.Append((char)c);
        return set.ToString();
    }

    private static bool Unsafe(char c, bool keepAnsi) => IsUnsafe(c) && !(keepAnsi && c is '\u001b' or '\r');

    /// <summary>Outside text inside Spectre markup: sanitized, then markup-escaped.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Safe(text));
}
