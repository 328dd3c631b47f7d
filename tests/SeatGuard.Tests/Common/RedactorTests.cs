using System.Security.Cryptography;
using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Common;

public sealed class RedactorTests
{
    [Fact]
    public void FingerprintIsFirstEightHexOfSha256()
    {
        var token = FakeTokens.OAuthToken();
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..8];
        Redactor.Fingerprint(token).ShouldBe(expected);
    }

    [Fact]
    public void RedactKeepsOnlyPrefixAndFingerprint()
    {
        var token = FakeTokens.OAuthToken();
        var redacted = Redactor.Redact(token);
        redacted.ShouldBe(FakeTokens.OAuthPrefix + "…(" + Redactor.Fingerprint(token) + ")");
        redacted.ShouldNotContain(token[FakeTokens.OAuthPrefix.Length..][..10]);
    }

    [Fact]
    public void RedactOfUnknownShapeShowsNoCharacterOfTheSecret()
    {
        var token = FakeTokens.GatewayToken();
        Redactor.Redact(token).ShouldStartWith("…(sha256:");
    }

    [Fact]
    public void ScrubReplacesEveryTokenInFreeText()
    {
        var a = FakeTokens.ApiKey();
        var b = FakeTokens.OAuthToken();
        var text = $"failed with {a} and then {b}.";
        var scrubbed = Redactor.Scrub(text);
        scrubbed.ShouldNotContain(a);
        scrubbed.ShouldNotContain(b);
        scrubbed.ShouldContain(Redactor.Redact(a));
        scrubbed.ShouldEndWith(Redactor.Redact(b) + ".");
    }

    [Fact]
    public void ScrubLeavesTextWithoutTokensAlone()
    {
        Redactor.Scrub("nothing to see").ShouldBe("nothing to see");
    }
}

public sealed class RedactorIdempotenceTests
{
    [Fact]
    public void ScrubbingTwiceChangesNothing()
    {
        var text = "run with " + FakeTokens.OAuthToken() + " and " + FakeTokens.ApiKey();
        var once = Redactor.Scrub(text);
        Redactor.Scrub(once).ShouldBe(once);
    }

    [Fact]
    public void BarePrefixesAndPlaceholdersAreNotSecrets()
    {
        Redactor.Scrub("export CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-").ShouldBe("export CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-");
        Redactor.Scrub("keys look like sk-ant-…").ShouldBe("keys look like sk-ant-…");
    }
}
