using SeatGuard.Core.Credentials;
using SeatGuard.Core.Common;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Policy;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SeatGuard.Tests.Policy;

/// <summary>The interactive flow of <c>decide</c>, driven through the real Spectre prompt with scripted key presses.</summary>
public sealed class SpectreDecisionPromptTests
{
    private sealed class ScriptedInput(string typed) : IAnsiConsoleInput
    {
        private readonly Queue<char> _keys = new(typed);

        public bool IsKeyAvailable() => _keys.Count > 0;

        public ConsoleKeyInfo? ReadKey(bool intercept)
        {
            if (_keys.Count == 0) throw new InvalidOperationException("the prompt asked for more input than the script has");
            char c = _keys.Dequeue();
            return c == '\n'
                ? new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false)
                : new ConsoleKeyInfo(c, char.IsAsciiLetter(c) ? ConsoleKey.A + (char.ToUpperInvariant(c) - 'A') : ConsoleKey.Spacebar, false, false, false);
        }

        public Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) => Task.FromResult(ReadKey(intercept));
    }

    /// <summary>A real Spectre console writing to a string, reading scripted keys.</summary>
    private sealed class ScriptedConsole(IAnsiConsole inner, IAnsiConsoleInput input) : IAnsiConsole
    {
        public Profile Profile => inner.Profile;
        public IAnsiConsoleCursor Cursor => inner.Cursor;
        public IAnsiConsoleInput Input => input;
        public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;
        public RenderPipeline Pipeline => inner.Pipeline;
        public void Clear(bool home) => inner.Clear(home);
        public void Write(IRenderable renderable) => inner.Write(renderable);
        public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);
    }

    private static (SpectreDecisionPrompt Prompt, StringWriter Screen) Create(string typed)
    {
        var screen = new StringWriter();
        var terminal = new Terminal(TextWriter.Null, screen, color: false, stdinIsTerminal: true);
        var console = new ScriptedConsole(SpectreDecisionPrompt.CreateConsole(terminal), new ScriptedInput(typed));
        return (new SpectreDecisionPrompt(console), screen);
    }

    [Fact]
    public void AsksEachQuestionWithWhyItMattersAndDecides()
    {
        var book = PolicyBookLoader.LoadEmbedded();
        var (prompt, screen) = Create("y\nyes\nN\nno\nn\n");
        prompt.Introduce(book);
        var decision = DecisionInterview.Run(book, prompt);

        decision.Tier.ShouldBe(Tier.Gray);
        decision.DecidedBy.ShouldBe("q2");
        decision.Answers.Values.ShouldBe(["yes", "yes", "no", "no", "no"]);
        var text = screen.ToString();
        text.ShouldContain("Question 1 of 5");
        text.ShouldContain("Question 5 of 5");
        foreach (var q in book.Questions) text.ShouldContain(q.Why[..30]);
        text.ShouldContain(book.Questions[1].IfYes[..30]); // the implication of the concerning answer is shown
    }

    [Fact]
    public void RefusesAnythingButYesOrNoAndAsksAgain()
    {
        var book = PolicyBookLoader.LoadEmbedded();
        var (prompt, screen) = Create("maybe\n\ny\n");
        prompt.Ask(book.Questions[0], 1, 5).ShouldBeTrue();
        screen.ToString().ShouldContain("Please answer yes or no");
    }
}
