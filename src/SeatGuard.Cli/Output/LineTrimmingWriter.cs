using System.Text;

namespace SeatGuard.Cli.Output;

/// <summary>
/// Writes through to another writer, dropping the spaces a layout pads lines with at their end (table cells, centred
/// titles), so output that is not a terminal carries no padding. Everything else passes unchanged; a line still open
/// when the writer is flushed is written as it is.
/// </summary>
public sealed class LineTrimmingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (value == '\n')
        {
            EmitLine();
            inner.Write('\n');
        }
        else
        {
            _line.Append(value);
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is null) return;
        foreach (var c in value) Write(c);
    }

    /// <inheritdoc />
    public override void Flush()
    {
        // A line still open may go on with the next write: it passes as it is (only line ends are trimmed).
        inner.Write(_line.ToString());
        _line.Clear();
        inner.Flush();
    }

    private void EmitLine()
    {
        int end = _line.Length;
        while (end > 0 && _line[end - 1] == ' ') end--;
        inner.Write(_line.ToString(0, end));
        _line.Clear();
    }
}
