using CsCheck;
using SeatGuard.Cli.Output;

namespace SeatGuard.Tests.Cli;

/// <summary>The terminal sanitizer: its vectorised search finds exactly the characters the per-character rule calls unsafe.</summary>
public sealed class TerminalTextTests
{
    private static string Slow(string text, bool keepAnsi)
    {
        var sb = new System.Text.StringBuilder();
        foreach (char c in text)
        {
            bool unsafeChar = TerminalText.IsUnsafe(c) && !(keepAnsi && c is '\u001b' or '\r');
            sb.Append(unsafeChar ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }
        return sb.ToString();
    }

    [Fact]
    public void EveryCharacterIsJudgedAsTheRuleSays()
    {
        var all = new string(Enumerable.Range(0, 0x10000).Select(c => (char)c).ToArray());
        TerminalText.Safe(all, keepAnsi: false).ShouldBe(Slow(all, false));
        TerminalText.Safe(all, keepAnsi: true).ShouldBe(Slow(all, true));
    }

    [Fact]
    public void AnyTextIsSanitizedAsTheRuleSays()
    {
        var chars = Gen.OneOf(Gen.Char['\0', '\u00ff'], Gen.Char['\u2000', '\u2070'], Gen.Char);
        Gen.String[chars, 0, 200].Select(Gen.Bool).Sample((text, keepAnsi) =>
            TerminalText.Safe(text, keepAnsi) == Slow(text, keepAnsi), iter: 20_000);
    }
}
