using System.Text;
using SeatGuard.Core.Launch;

namespace SeatGuard.Tests.Launch;

/// <summary>What claude -p prints in text and json formats, rebuilt from its stream-json (shapes measured on 2.1.330).</summary>
public sealed class HeadlessOutputTests
{
    private const string Init = """{"type":"system","subtype":"init","session_id":"s","model":"claude-sonnet-5-5","apiKeySource":"none"}""";
    private const string Success = """{"duration_api_ms":35,"session_id":"s","total_cost_usd":0.000054,"is_error":false,"num_turns":1,"subtype":"success","result":"pong 1","type":"result","uuid":"u","queued_turn_count":0,"result_index":0,"model_usage_since_last_result":{"claude-sonnet-5-5":{"inputTokens":12}}}""";

    private static (string Out, string Err) Run(string format, bool verbose, string stream, string? maxTurns = null, string? budget = null, bool stderrTerminal = false)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var output = new HeadlessOutput(format, verbose, stdout, stderr, false, stderrTerminal, maxTurns, budget);
        var observer = new StreamJsonObserver(keepLines: format == "json" && verbose);
        foreach (var line in stream.Split('\n'))
        {
            if (observer.OnLine(line) == "result") output.OnResult(observer.Observation.Results[^1]);
        }
        output.Finish(observer.Observation);
        return (Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public void TextModePrintsTheResultWithANewline() => Run("text", false, Init + "\n" + Success).Out.ShouldBe("pong 1\n");

    [Fact]
    public void TextModeErrorResultOfASuccessSubtypePrintsItsTextAndEchoesItOnAStderrTerminal()
    {
        var rejected = """{"type":"result","subtype":"success","is_error":true,"result":"You've hit your 5-hour limit · resets 12am (UTC)","api_error_status":429}""";
        Run("text", false, Init + "\n" + rejected).Out.ShouldBe("You've hit your 5-hour limit · resets 12am (UTC)\n");
        Run("text", false, Init + "\n" + rejected, stderrTerminal: true).Err.ShouldBe("You've hit your 5-hour limit · resets 12am (UTC)\n");
        Run("text", false, Init + "\n" + rejected).Err.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("error_max_budget_usd", "Error: Exceeded USD budget (1e-7)")]
    [InlineData("error_max_turns", "Error: Reached max turns (3)")]
    [InlineData("error_during_execution", "Execution error")]
    public void TextModeErrorSubtypesPrintClaudesFixedLineWithoutANewline(string subtype, string expected)
    {
        var result = $$"""{"type":"result","subtype":"{{subtype}}","is_error":true,"errors":["Reached maximum budget ($1e-7)"]}""";
        Run("text", false, Init + "\n" + result, maxTurns: JsNumber.Echo("3"), budget: JsNumber.Echo("0.0000001")).Out.ShouldBe(expected);
    }

    [Fact]
    public void JsonModePrintsTheResultWithoutTheStreamOnlyKeyByteForByte()
    {
        var (o, _) = Run("json", false, Init + "\n" + Success);
        o.ShouldBe("""{"duration_api_ms":35,"session_id":"s","total_cost_usd":0.000054,"is_error":false,"num_turns":1,"subtype":"success","result":"pong 1","type":"result","uuid":"u","queued_turn_count":0,"result_index":0}""" + "\n");
    }

    [Fact]
    public void JsonVerbosePrintsEveryMessageAsOneArray()
    {
        var (o, _) = Run("json", true, Init + "\n" + Success);
        o.ShouldStartWith("[" + Init + ",{\"duration_api_ms\"");
        o.ShouldEndWith("\"result_index\":0}]\n");
        o.ShouldNotContain(HeadlessOutput.StreamOnlyResultKey);
    }

    [Fact]
    public void NoResultPrintsNothing() => Run("json", false, Init).Out.ShouldBeEmpty();

    [Theory]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.5, "0.5")]
    [InlineData(3, "3")]
    [InlineData(1e21, "1e+21")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(-2.5, "-2.5")]
    public void NumbersAreWrittenAsJavaScriptWritesThem(double value, string text) => JsNumber.ToString(value).ShouldBe(text);
}
