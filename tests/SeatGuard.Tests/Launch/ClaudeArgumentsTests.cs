using SeatGuard.Core.Launch;

namespace SeatGuard.Tests.Launch;

public sealed class ClaudeArgumentsTests
{
    [Theory]
    [InlineData(new[] { "-p", "hi" }, true, "text")]
    [InlineData(new[] { "--print", "hi", "--output-format", "json" }, true, "json")]
    [InlineData(new[] { "hi", "--output-format=stream-json", "-p" }, true, "stream-json")]
    [InlineData(new[] { "--system-prompt", "-p", "hi" }, false, "text")] // "-p" is the system prompt's value here
    [InlineData(new[] { "-pc" }, true, "text")]
    [InlineData(new[] { "--", "-p" }, false, "text")]
    [InlineData(new[] { "--output-format", "json" }, false, "json")]
    public void ReadsPrintModeAndOutputFormat(string[] args, bool print, string format)
    {
        var a = ClaudeArguments.Parse(args);
        a.Print.ShouldBe(print);
        a.OutputFormat.ShouldBe(format);
    }

    [Fact]
    public void ReadsTheModelInBothFormsAsTheSdkWritesThem()
    {
        ClaudeArguments.Parse(["--model=claude-haiku-5-5", "--output-format", "stream-json"]).Model.ShouldBe("claude-haiku-5-5");
        ClaudeArguments.Parse(["-p", "x", "--model", "fable"]).Model.ShouldBe("fable");
        ClaudeArguments.Parse(["-p", "x"]).Model.ShouldBeNull();
    }

    [Fact]
    public void VariadicOptionsConsumeTheirValuesNotThePrompt()
    {
        var a = ClaudeArguments.Parse(["--tools", "Read", "Bash", "--model", "opus", "explain this"]);
        a.Prompts.ShouldBe(["explain this"]);
    }

    [Fact]
    public void TheRecordKeepsOptionsAndHashesPromptsAndUnknownValues()
    {
        var secretPrompt = "refactor the billing module of client Acme";
        var a = ClaudeArguments.Parse(["-p", secretPrompt, "--model", "sonnet", "--append-system-prompt", "be terse", "--settings", "{\"env\":{\"X\":\"y\"}}", "--max-turns=3"]);
        var record = a.ForRecord("claude", keepPrompts: false);
        record.ShouldNotContain("Acme");
        record.ShouldNotContain("terse");
        record.ShouldNotContain("\"env\"");
        record.ShouldContain("--model sonnet");
        record.ShouldContain("--max-turns=3");
        record.ShouldContain($"<{secretPrompt.Length} chars sha256:");
        a.ForRecord("claude", keepPrompts: true).ShouldContain(secretPrompt);
    }

    [Fact]
    public void WithoutRemovesAnOptionAndItsValue()
    {
        ClaudeArguments.Parse(["-p", "x", "--output-format", "json", "--verbose"]).Without("--output-format").ShouldBe(["-p", "x", "--verbose"]);
        ClaudeArguments.Parse(["-p", "x", "--output-format=json"]).Without("--output-format").ShouldBe(["-p", "x"]);
    }
}
