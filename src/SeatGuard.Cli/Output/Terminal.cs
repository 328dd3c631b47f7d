using Spectre.Console;

namespace SeatGuard.Cli.Output;

/// <summary>
/// Where a command writes: stdout for results, stderr for progress and warnings.
/// Colour follows NO_COLOR and whether the stream is a terminal. Both streams pass through a
/// <see cref="ScrubbingWriter"/> (no secret SeatGuard has read leaves it; no raw control character reaches a stream
/// that carries no colour of ours); outside text in coloured views goes through <see cref="TerminalText"/>.
/// </summary>
public sealed class Terminal
{
    public ScrubbingWriter Out { get; }
    public ScrubbingWriter Err { get; }
    public bool Color { get; }
    public bool StdinIsTerminal { get; }
    private IAnsiConsole? _console;
    private IAnsiConsole? _errConsole;

    /// <summary>The width of output that is not a terminal: no line is wrapped, nothing is laid out across a width.</summary>
    public const int Unbounded = 100_000;

    /// <summary>Columns for human output: the terminal's, or <see cref="Unbounded"/> when not writing to a terminal.</summary>
    public int Width { get; init; } = Unbounded;

    /// <summary>Standard input, for commands Claude Code feeds JSON (statusline, hook); empty unless given.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Raw stdout for output passed through byte for byte (the child's stream-json).</summary>
    public Stream RawOut { get; init; }

    public Terminal(TextWriter stdout, TextWriter stderr, bool color, bool stdinIsTerminal = false)
    {
        RawOut = new TextWriterStream(stdout);
        Out = new ScrubbingWriter(stdout, sanitize: !color);
        Err = new ScrubbingWriter(stderr, sanitize: !color);
        Color = color;
        StdinIsTerminal = stdinIsTerminal;
    }

    public static Terminal FromProcess()
    {
        bool noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        bool color = !noColor && !Console.IsOutputRedirected;
        int width = Unbounded;
        if (!Console.IsOutputRedirected)
        {
            try { width = Console.WindowWidth > 0 ? Math.Max(40, Console.WindowWidth) : 80; } catch (IOException) { width = 80; }
        }
        // Console.Out flushes after every write, as it should, but through a 256-byte buffer: a 226 KB report was 882
        // write calls. The same flush after every write, up to 64 KB a call.
        var encoding = Console.OutputEncoding is System.Text.UTF8Encoding ? new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Console.OutputEncoding;
        var stdout = TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), encoding, 1 << 16) { AutoFlush = true });
        return new Terminal(stdout, Console.Error, color, !Console.IsInputRedirected) { Width = width, RawOut = Console.OpenStandardOutput(), In = Console.In };
    }

    /// <summary>Spectre console on stdout, for human output.</summary>
    public IAnsiConsole Console_ => _console ??= Create(Out);

    /// <summary>Spectre console on stderr, for verdicts printed beside passed-through output.</summary>
    public IAnsiConsole ErrConsole => _errConsole ??= Create(Err);

    private IAnsiConsole Create(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = Color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            // Not a terminal: the padding a layout adds at line ends is dropped.
            Out = new AnsiConsoleOutput(Width >= Unbounded ? new LineTrimmingWriter(writer) : writer),
        });
        console.Profile.Width = Width;
        return console;
    }

    /// <summary>One plain line on stderr (outside text in it is sanitized).</summary>
    public void Error(string line) => Err.WriteLine(TerminalText.Safe(line));

    /// <summary>Writes out whatever the scrubbing writers still hold.</summary>
    public void Flush()
    {
        Out.Flush();
        Err.Flush();
    }

    /// <summary>All of stdin up to <paramref name="maxChars"/>, or null when stdin is a terminal (nobody is piping anything).</summary>
    public string? ReadInput(int maxChars)
    {
        if (StdinIsTerminal) return null;
        var buffer = new char[Math.Min(maxChars + 1, 64 * 1024)];
        var text = new System.Text.StringBuilder();
        int n;
        while (text.Length <= maxChars && (n = In.Read(buffer, 0, buffer.Length)) > 0) text.Append(buffer, 0, n);
        return text.ToString();
    }
}
