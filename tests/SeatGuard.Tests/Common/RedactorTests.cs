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

/// <summary>Redaction by field, not by shape: every value of a credential-bearing field is a secret.</summary>
public sealed class RedactByFieldTests
{
    [Theory]
    [InlineData("ANTHROPIC_API_KEY", true)]
    [InlineData("ANTHROPIC_AUTH_TOKEN", true)]
    [InlineData("CLAUDE_CODE_OAUTH_TOKEN", true)]
    [InlineData("MY_SERVICE_TOKEN", true)]
    [InlineData("AWS_SECRET_ACCESS_KEY", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("ANTHROPIC_CUSTOM_HEADERS", true)]
    [InlineData("apiKeyHelper", true)]
    [InlineData("accessToken", true)]
    [InlineData("clientSecret", true)]
    [InlineData("ANTHROPIC_BASE_URL", false)]
    [InlineData("ANTHROPIC_MODEL", false)]
    [InlineData("PWD", false)]
    [InlineData("apiKeySource", false)]
    [InlineData("credential", false)]
    [InlineData("inputTokens", false)]
    public void SecretNamesAreRecognisedWhateverTheValue(string name, bool secret) => Redactor.IsSecretName(name).ShouldBe(secret);

    [Fact]
    public void UrlsLoseUserinfoQueryAndTokenLookingPathSegments()
    {
        var password = FakeTokens.Body(20);
        var query = FakeTokens.Body(30);
        var pathKey = "k" + FakeTokens.Body(31).Replace('-', '7').Replace('_', 'Q') + "9aZ";
        var shown = Redactor.RedactUrl($"https://ci:{password}@gw.example.com/v1/{pathKey}?api-key={query}#frag{query}");
        shown.ShouldStartWith("https://…(sha256:");
        shown.ShouldContain("@gw.example.com/v1/");
        shown.ShouldContain("?api-key=…(sha256:");
        shown.ShouldNotContain(password);
        shown.ShouldNotContain(query);
        shown.ShouldNotContain(pathKey);
        Redactor.RedactUrl("https://api.anthropic.com/v1").ShouldBe("https://api.anthropic.com/v1");
        Redactor.RedactUrl(shown).ShouldBe(shown);
    }

    [Fact]
    public void JsonDocumentsAreRedactedByFieldAtEveryDepth()
    {
        var key = FakeTokens.GatewayToken();
        var helper = FakeTokens.Body(30);
        var json = $$$"""{"env":{"MY_KEY":"{{{key}}}","ANTHROPIC_MODEL":"opus"},"apiKeyHelper":"echo {{{helper}}}","nested":{"password":12345678},"statusLine":{"command":"seatguard statusline"}}""";
        var shown = Redactor.RedactJsonText(json);
        shown.ShouldNotContain(key);
        shown.ShouldNotContain(helper);
        shown.ShouldNotContain("12345678");
        shown.ShouldContain("\"ANTHROPIC_MODEL\":\"opus\"");
        shown.ShouldContain("seatguard statusline");
    }

    [Fact]
    public void RememberedValuesAreScrubbedFromFreeTextWhateverTheirShape()
    {
        var gatewayKey = "gw" + FakeTokens.Body(30);
        Redactor.Remember(gatewayKey);
        var text = $"API Error: 401 {{\"error\":{{\"message\":\"invalid key {gatewayKey}\"}}}}";
        Redactor.Scrub(text).ShouldNotContain(gatewayKey);
        Redactor.Scrub(text).ShouldContain(Redactor.Redact(gatewayKey));
    }

    [Theory]
    [InlineData("Authorization: Bearer {0}")]
    [InlineData("curl -H 'x-api-key: {0}'")]
    [InlineData("export SERVICE_TOKEN={0}")]
    [InlineData("{{\"password\": \"{0}\"}}")]
    [InlineData("https://me:{0}@host.example/x")]
    public void CredentialsWrittenWhereCredentialsGoAreScrubbed(string template)
    {
        var secret = "v4" + FakeTokens.Body(24).Replace('-', 'x').Replace('_', 'y');
        var scrubbed = Redactor.Scrub(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, secret));
        scrubbed.ShouldNotContain(secret);
        Redactor.Scrub(scrubbed).ShouldBe(scrubbed);
    }

    [Theory]
    [InlineData("\"apiKeySource\": \"ANTHROPIC_API_KEY\"")]
    [InlineData("\"credential\": \"subscription\"")]
    [InlineData("Run `claude setup-token` and export CLAUDE_CODE_OAUTH_TOKEN for scripts.")]
    [InlineData("\"inputTokens\": 123456789")]
    [InlineData("the token verification failed")]
    public void OrdinaryTextIsLeftAlone(string text) => Redactor.Scrub(text).ShouldBe(text);

    [Theory]
    [InlineData("client-acme", false)]
    [InlineData("alice", false)]
    [InlineData("acme-corporation-2026-q3", false)]
    [InlineData("550e8400-e29b-41d4-a716-446655440000", false)]
    public void NamesDoNotLookLikeSecrets(string value, bool secret) => Redactor.LooksLikeSecret(value).ShouldBe(secret);

    [Fact]
    public void TokensLookLikeSecrets()
    {
        Redactor.LooksLikeSecret(FakeTokens.ApiKey()).ShouldBeTrue();
        Redactor.LooksLikeSecret("ghp_" + FakeTokens.Body(36)).ShouldBeTrue();
        Redactor.LooksLikeSecret("aB3" + FakeTokens.Body(29).Replace('-', 'q').Replace('_', 'Z')).ShouldBeTrue();
    }

    [Fact]
    public void AJsonNumberUnderASecretLookingNameIsAFigureButStringsAndAssignmentsStayRedacted()
    {
        // The team report's costBySource has an "api-key" entry: a cost, not a credential (it once came out unquoted
        // as a redaction and broke the JSON).
        const string figures = "{\n  \"costBySource\": {\n    \"subscription\": 8.593962699999999,\n    \"api-key\": 3.5690231999999997\n  }\n}";
        Redactor.Scrub(figures).ShouldBe(figures);
        System.Text.Json.JsonDocument.Parse(Redactor.Scrub(figures)).RootElement.GetProperty("costBySource").GetProperty("api-key").GetDouble().ShouldBe(3.5690231999999997);

        // Control: a quoted numeric password and a shell assignment of digits are still secrets.
        Redactor.Scrub("{\"password\": \"123456789012\"}").ShouldNotContain("123456789012");
        Redactor.Scrub("export API_KEY=123456789012").ShouldNotContain("123456789012");
    }
}
