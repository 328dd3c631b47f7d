using System.Text.Json.Nodes;
using SeatGuard.Core.Common.Json;

namespace SeatGuard.Tests.Common;

/// <summary>JavaScript's String() as Claude Code applies it to settings env values (measured: null is sent as "null").</summary>
public sealed class JsStringTests
{
    [Theory]
    [InlineData("null", "null")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("12345", "12345")]
    [InlineData("1.0", "1")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("1e21", "1e+21")]
    [InlineData("123456789012345678901", "123456789012345680000")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("\"text\"", "text")]
    [InlineData("{\"a\":1}", "[object Object]")]
    [InlineData("[1,null,\"x\",[2,3]]", "1,,x,2,3")]
    public void ValuesBecomeTheStringsJavaScriptMakes(string json, string expected) =>
        JsString.Of(JsonNode.Parse(json)).ShouldBe(expected);
}
