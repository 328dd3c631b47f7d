using System.Text;
using SeatGuard.Core.Common;

namespace SeatGuard.Cli.Output;

/// <summary>
/// The output boundary of the terminal: every line SeatGuard writes to stdout or stderr passes through
/// <see cref="Redactor.Scrub"/> (so a secret SeatGuard has read never leaves it, whatever path it took) and through
/// <see cref="TerminalText.Safe(string?, bool)"/> (when the stream carries colour of SeatGuard's own, ESC and carriage
/// return pass: outside text in coloured views is made safe where it is inserted). Text is held until a newline or a
/// flush, so a secret is seen whole.
/// </summary>
public sealed class ScrubbingWriter(TextWriter inner, bool sanitize) : TextWriter
{
    private readonly StringBuilder _pending = new();
    private readonly Lock _lock = new();

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            _pending.Append(value);
            if (value == '\n') EmitLines();
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        lock (_lock)
        {
            if (_pending.Length == 0)
            {
                // Nothing held: the complete lines go out straight from the string (a report is one large write; no copies of it).
                int end = value.LastIndexOf('\n') + 1;
                if (end > 0)
                {
                    inner.Write(Clean(end == value.Length ? value : value[..end]));
                    inner.Flush();
                }
                if (end < value.Length) _pending.Append(value, end, value.Length - end);
                return;
            }
            _pending.Append(value);
            if (value.Contains('\n')) EmitLines();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

    public override void WriteLine(string? value) => Write((value ?? "") + NewLine);

    public override void WriteLine() => Write(NewLine);

    /// <summary>
    /// Writes text that already went through a <see cref="ScrubbingWriter"/> that sanitizes (a report rendered into a
    /// buffer): scrubbing it again would find nothing and cost a pass over megabytes.
    /// </summary>
    public void WriteScrubbed(string text)
    {
        lock (_lock)
        {
            if (_pending.Length > 0)
            {
                inner.Write(Clean(_pending.ToString()));
                _pending.Clear();
            }
            inner.Write(text);
            inner.Flush();
        }
    }

    public override void Flush()
    {
        lock (_lock)
        {
            if (_pending.Length > 0)
            {
                inner.Write(Clean(_pending.ToString()));
                _pending.Clear();
            }
            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }

    /// <summary>Writes every complete line held, keeps the rest.</summary>
    private void EmitLines()
    {
        var text = _pending.ToString();
        int end = text.LastIndexOf('\n') + 1;
        if (end == 0) return;
        inner.Write(Clean(text[..end]));
        _pending.Clear();
        _pending.Append(text, end, text.Length - end);
        inner.Flush();
    }

    private string Clean(string text)
    {
        var scrubbed = Redactor.Scrub(text);
        var safe = TerminalText.Safe(scrubbed.Replace("\r\n", "\n", StringComparison.Ordinal), keepAnsi: !sanitize);
        return NewLine == "\n" ? safe : safe.Replace("\n", NewLine, StringComparison.Ordinal);
    }
}
