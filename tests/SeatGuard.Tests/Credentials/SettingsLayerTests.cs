using System.Text;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Tests.Credentials;

/// <summary>
/// Whether Claude Code counts a settings file at all, and what its env block then says — each rule as measured on
/// 2.1.330 and 2.1.332 (a key in a file Claude Code ignores was not sent; see docs/credentials.md).
/// </summary>
public sealed class SettingsLayerTests
{
    private static SettingsLayer Parse(string json) => SettingsLayer.Parse(SettingsScope.User, "/u/settings.json", Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("{\"model\": 5, \"env\": {\"ANTHROPIC_API_KEY\": \"k\"}}", "\"model\" must be a string")]
    [InlineData("{\"model\": null, \"env\": {}}", "\"model\" must be a string")]
    [InlineData("{\"permissions\": \"nope\"}", "\"permissions\" must be an object")]
    [InlineData("{\"permissions\": {\"allow\": \"Bash\"}}", "\"allow\" must be a list")]
    [InlineData("{\"permissions\": {\"defaultMode\": \"bogus\"}}", "\"defaultMode\" must be one of")]
    [InlineData("{\"cleanupPeriodDays\": 0}", "must be greater than 0")]
    [InlineData("{\"cleanupPeriodDays\": 1.5}", "must be a whole number")]
    [InlineData("{\"apiKeyHelper\": 5}", "\"apiKeyHelper\" must be a string")]
    [InlineData("{\"apiKeyHelper\": null}", "\"apiKeyHelper\" must be a string")]
    [InlineData("{\"env\": null}", "\"env\" must be an object")]
    [InlineData("{\"env\": [\"ANTHROPIC_API_KEY\"]}", "\"env\" must be an object")]
    [InlineData("{\"env\": \"x\"}", "\"env\" must be an object")]
    [InlineData("{\"verbose\": \"yes\"}", "must be true or false")]
    [InlineData("{\"autoUpdatesChannel\": \"nightly\"}", "must be one of")]
    [InlineData("{\"companyAnnouncements\": \"hi\"}", "must be a list of strings")]
    [InlineData("{\"statusLine\": \"x\"}", "must be an object")]
    public void AFieldOfTheWrongTypeMakesClaudeCodeIgnoreTheWholeFile(string json, string problem)
    {
        var layer = Parse(json);
        layer.Usable.ShouldBeFalse();
        layer.SchemaInvalid.ShouldBeTrue();
        layer.Env.ShouldBeEmpty();
        layer.ApiKeyHelper.ShouldBeNull();
        layer.Error.ShouldNotBeNull().ShouldContain(problem);
    }

    [Theory]
    [InlineData("{\"fooBarUnknown\": [1, 2], \"env\": {\"ANTHROPIC_API_KEY\": \"k\"}}")]
    [InlineData("{\"hooks\": 5, \"env\": {\"ANTHROPIC_API_KEY\": \"k\"}}")]
    [InlineData("{\"hooks\": {\"NotAnEvent\": []}, \"env\": {\"ANTHROPIC_API_KEY\": \"k\"}}")]
    [InlineData("{\"effortLevel\": \"extreme\", \"env\": {\"ANTHROPIC_API_KEY\": \"k\"}}")]
    [InlineData("{\"theme\": null, \"env\": {\"ANTHROPIC_API_KEY\": \"k\"}}")]
    [InlineData("{\"permissions\": {\"allow\": [5, \"Bash((\"]}, \"env\": {\"ANTHROPIC_API_KEY\": \"k\"}}")]
    [InlineData("{\"permissions\": {\"defaultMode\": \"manual\"}, \"env\": {\"ANTHROPIC_API_KEY\": \"k\"}}")]
    public void UnknownKeysAndTolerantFieldsKeepTheFile(string json)
    {
        var layer = Parse(json);
        layer.Usable.ShouldBeTrue(layer.Error);
        layer.Env["ANTHROPIC_API_KEY"].ShouldBe("k");
    }

    [Fact]
    public void AnIgnoredFileIsLocatedAtTheOffendingField()
    {
        var layer = Parse("{\n  \"env\": {\"ANTHROPIC_API_KEY\": \"k\"},\n  \"model\": 5\n}");
        layer.Problem.ShouldNotBeNull();
        (layer.Problem.Line, layer.Problem.Column).ShouldBe((3L, 3L));
        layer.Location.ShouldBe("/u/settings.json:3:3");
    }

    [Fact]
    public void AFileWithACommentIsLocatedAtTheComment()
    {
        var layer = Parse("{\n  \"env\": {},\n  // no\n}");
        layer.Usable.ShouldBeFalse();
        layer.SchemaInvalid.ShouldBeFalse();
        layer.Location.ShouldBe("/u/settings.json:3:3");
    }

    [Fact]
    public void EnvValuesAreCoercedAsJavaScriptDoes()
    {
        var layer = Parse("{\"env\": {\"A\": null, \"B\": 12345, \"C\": true, \"D\": {\"x\": 1}, \"E\": [1, 2], \"F\": \"s\"}}");
        layer.Env["A"].ShouldBe("null");
        layer.Env["B"].ShouldBe("12345");
        layer.Env["C"].ShouldBe("true");
        layer.Env["D"].ShouldBe("[object Object]");
        layer.Env["E"].ShouldBe("1,2");
        layer.Env["F"].ShouldBe("s");
    }

    [Fact]
    public void OnlyAStringHelperCountsAndTheEmptyStringIsKept()
    {
        Parse("{\"apiKeyHelper\": \"\"}").ApiKeyHelper.ShouldBe("");
        Parse("{\"apiKeyHelper\": \"echo k\"}").ApiKeyHelper.ShouldBe("echo k");
    }

    [Fact]
    public void ManagedLoginPolicyIsRead()
    {
        var layer = SettingsLayer.Parse(SettingsScope.Managed, "/etc/m.json",
            """{"forceLoginMethod":"claudeai","forceLoginOrgUUID":["o1","o2"],"allowedProviders":["anthropic","bogus"]}"""u8);
        layer.Policy.ForceLoginMethod.ShouldBe("claudeai");
        layer.Policy.ForceLoginOrgUuids.ShouldBe(["o1", "o2"]);
        layer.Policy.AllowedProviders.ShouldBe(["anthropic"]);
        SettingsLayer.Parse(SettingsScope.Managed, "/etc/m.json", """{"forceLoginMethod":"sso"}"""u8).Policy.IsEmpty.ShouldBeTrue("an unknown value is dropped, as Claude Code drops it");
    }
}
