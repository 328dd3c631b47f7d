using System.Text;
using System.Text.Json.Nodes;
using SeatGuard.Core.Common.Json;

namespace SeatGuard.Tests.Common;

/// <summary>
/// JSON exactly as Claude Code reads settings and credential files (JavaScript's JSON.parse, measured on 2.1.330 and
/// 2.1.332 against the real CLI: see docs/credentials.md, "How Claude Code reads its files").
/// </summary>
public sealed class ClaudeJsonTests
{
    private static JsonNode? Parse(string text, out JsonProblem? problem, bool acceptBom = true) =>
        ClaudeJson.Parse(Encoding.UTF8.GetBytes(text), out problem, acceptBom: acceptBom);

    [Theory]
    [InlineData("{\n  // a comment\n  \"env\": {}\n}", 2, 3)]
    [InlineData("{ /* c */ \"env\": {} }", 1, 3)]
    [InlineData("{\"env\": {\"A\": \"1\",}}", 1, 19)]
    [InlineData("{\"env\": {},}", 1, 12)]
    public void CommentsAndTrailingCommasMakeTheFileInvalidWithLineAndColumn(string text, long line, long column)
    {
        Parse(text, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull();
        problem.Line.ShouldBe(line);
        problem.Column.ShouldBe(column);
        problem.Message.ShouldContain("Claude Code accepts strict JSON only");
    }

    [Fact]
    public void ByteOrderMarkIsAcceptedInSettingsAndRejectedInCredentials()
    {
        Parse("\uFEFF{\"env\":{}}", out var settings)!.AsObject().ContainsKey("env").ShouldBeTrue();
        settings.ShouldBeNull();
        Parse("\uFEFF{\"claudeAiOauth\":{}}", out var credentials, acceptBom: false).ShouldBeNull();
        credentials.ShouldNotBeNull().Message.ShouldContain("byte order mark");
    }

    [Fact]
    public void TheLastDuplicateWinsAtEveryLevel()
    {
        var root = Parse("{\"env\": {\"K\": \"first\"}, \"env\": {}, \"x\": {\"a\": 1, \"a\": 2}}", out _)!.AsObject();
        root["env"]!.AsObject().Count.ShouldBe(0);
        root["x"]!["a"]!.GetValue<long>().ShouldBe(2);
        root.Count.ShouldBe(2);
    }

    [Fact]
    public void LoneSurrogatesAreValidInValuesAndNames()
    {
        var root = Parse("{\"note\": \"\\ud800\", \"\\udc00k\": \"v\", \"env\": {\"A\": \"x\\ud800\"}}", out var problem)!.AsObject();
        problem.ShouldBeNull();
        root["note"]!.GetValue<string>().ShouldBe("\ud800");
        root["\udc00k"]!.GetValue<string>().ShouldBe("v");
        root["env"]!["A"]!.GetValue<string>().ShouldBe("x\ud800");
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("null", "null")]
    [InlineData("\"s\"", "a string")]
    [InlineData("5", "a number")]
    public void ATopLevelThatIsNotAnObjectIsNamed(string text, string kind)
    {
        ClaudeJson.ParseObject(Encoding.UTF8.GetBytes(text), out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().Message.ShouldContain(kind);
    }

    [Fact]
    public void AnEmptyFileIsInvalid()
    {
        ClaudeJson.ParseObject(""u8, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull();
    }

    [Fact]
    public void LocatesTheLastTopLevelOccurrenceOfAProperty()
    {
        var text = "{\n  \"model\": \"a\",\n  \"env\": {\"model\": 1},\n  \"model\": 5\n}";
        ClaudeJson.LocateTopLevelProperty(Encoding.UTF8.GetBytes(text), "model").ShouldBe((4L, 3L));
        ClaudeJson.LocateTopLevelProperty(Encoding.UTF8.GetBytes("\uFEFF{\"x\":1}"), "x").ShouldBe((1L, 2L));
        ClaudeJson.LocateTopLevelProperty(Encoding.UTF8.GetBytes("{}"), "x").ShouldBe((0L, 0L));
    }

    [Fact]
    public void APropertyNamedWithALoneSurrogateIsAnotherNameNeverAnException()
    {
        // Found by the 100k-input fuzz run: .NET's name comparison throws on a lone surrogate escape.
        var json = Encoding.UTF8.GetBytes("{\"\\ud800\": 1,\n \"model\": 5}");
        ClaudeJson.LocateTopLevelProperty(json, "model").ShouldBe((2L, 2L));
        ClaudeJson.LocateTopLevelProperty(json, "env").ShouldBe((0L, 0L));
        var layer = SeatGuard.Core.Credentials.SettingsLayer.Parse(SeatGuard.Core.Credentials.SettingsScope.User, "s.json", json);
        layer.Error.ShouldNotBeNull();   // "model" must be a string: Claude Code ignores the file
        layer.Error!.ShouldContain("model");
    }
}

