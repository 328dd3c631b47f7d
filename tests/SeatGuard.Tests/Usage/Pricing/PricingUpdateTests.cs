using System.Text.Json;
using SeatGuard.Core.Common;
using SeatGuard.Core.Usage;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Usage.Pricing;

/// <summary><c>seatguard pricing update --from FILE|URL</c> and <c>pricing show</c>, through the CLI, with price files served from a loopback server.</summary>
public sealed class PricingUpdateTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    // LiteLLM's shape (USD per token). Opus 4.6's input doubled (a price change); a model SeatGuard does not know;
    // Sonnet 4.5 unchanged; Bedrock and sample_spec entries that must be ignored.
    private const string LiteLlm = """
        {
          "sample_spec": { "input_cost_per_token": 0, "output_cost_per_token": 0, "litellm_provider": "one of https://docs.litellm.ai/docs/providers", "mode": "chat" },
          "claude-opus-4-6": { "litellm_provider": "anthropic", "mode": "chat", "input_cost_per_token": 1e-05, "output_cost_per_token": 2.5e-05,
            "cache_creation_input_token_cost": 6.25e-06, "cache_creation_input_token_cost_above_1hr": 1e-05, "cache_read_input_token_cost": 5e-07,
            "provider_specific_entry": { "fast": 6.0, "us": 1.1 } },
          "claude-sonnet-4-5-20250929": { "litellm_provider": "anthropic", "mode": "chat", "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
            "cache_creation_input_token_cost": 3.75e-06, "cache_creation_input_token_cost_above_1hr": 6e-06, "cache_read_input_token_cost": 3e-07,
            "input_cost_per_token_above_200k_tokens": 6e-06, "output_cost_per_token_above_200k_tokens": 2.25e-05,
            "cache_creation_input_token_cost_above_200k_tokens": 7.5e-06, "cache_read_input_token_cost_above_200k_tokens": 6e-07 },
          "claude-opus-6-20270301": { "litellm_provider": "anthropic", "mode": "chat", "input_cost_per_token": 6e-06, "output_cost_per_token": 3e-05,
            "cache_creation_input_token_cost_above_1hr": 6e-06 },
          "anthropic.claude-opus-4-6-v1": { "litellm_provider": "bedrock_converse", "mode": "chat", "input_cost_per_token": 9e-05, "output_cost_per_token": 9e-05 }
        }
        """;

    private Task<CliResult> Run(params string[] args) => CliHarness.RunAsync(_sandbox, null, args);

    [Fact]
    public async Task ImportsLiteLlmFromAUrlDatedAndValidated()
    {
        await using var server = await LoopbackFileServer.StartAsync();
        var url = server.Serve("/model_prices_and_context_window.json", LiteLlm);
        var result = await Run("pricing", "update", "--from", url, "--json");
        result.ExitCode.ShouldBe(0, result.ToString());
        server.Hits.Select(kv => kv.Key + "=" + kv.Value).ShouldBe(["/model_prices_and_context_window.json=1"]);
        using var report = JsonDocument.Parse(result.StdOut);
        report.RootElement.GetProperty("format").GetString().ShouldBe("litellm");
        report.RootElement.GetProperty("modelsAdded").EnumerateArray().Select(e => e.GetString()).ShouldBe(["claude-opus-6"]);
        report.RootElement.GetProperty("modelsChanged").EnumerateArray().Select(e => e.GetString()).ShouldBe(["claude-opus-4-6"]);
        // The 1-hour write rate for claude-opus-6 was not twice its input: replaced by 2x input, with a note.
        report.RootElement.GetProperty("notes").EnumerateArray().ShouldContain(n => n.GetString()!.Contains("claude-opus-6-20270301"));
        var file = report.RootElement.GetProperty("file").GetString()!;
        file.ShouldStartWith(_sandbox.Home);
        File.Exists(file).ShouldBeTrue();

        var book = PricingStore.Load(_sandbox.Host());
        var today = DateTimeOffset.UtcNow;
        // The new Opus 4.6 rate starts on the import day; a request before it keeps the book's $5 input.
        book.Cost(Lines.Entry("2026-03-01T10:00:00.000Z", input: 1_000_000, model: "claude-opus-4-6"))!.Value.ShouldBe(5.0, 1e-9);
        book.Cost(Lines.Entry(UsageReportBuilder.IsoTime(today.AddMinutes(1)), input: 1_000_000, model: "claude-opus-4-6"))!.Value.ShouldBe(10.0, 1e-9);
        book.Cost(Lines.Entry("2026-03-01T10:00:00.000Z", input: 1_000_000, model: "claude-opus-6-20270301"))!.Value.ShouldBe(6.0, 1e-9);
        book.Cost(Lines.Entry("2026-03-01T10:00:00.000Z", cacheWrite: 1_000_000, cache1h: 1_000_000, model: "claude-opus-6"))!.Value.ShouldBe(12.0, 1e-9);
        // Bedrock's entry is not a first-party price.
        book.Find("anthropic.claude-opus-4-6-v1")!.Id.ShouldBe("claude-opus-4-6");
        book.Layers.Select(l => l.Kind).ShouldBe(["embedded", "imported"]);

        var show = await Run("pricing", "show", "--json");
        show.ExitCode.ShouldBe(0, show.ToString());
        using var shown = JsonDocument.Parse(show.StdOut);
        shown.RootElement.GetProperty("layers")[1].GetProperty("kind").GetString().ShouldBe("imported");
        shown.RootElement.GetProperty("current").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "claude-opus-4-6")
            .GetProperty("rates").GetProperty("input").GetDouble().ShouldBe(10.0, 1e-9);
    }

    [Fact]
    public async Task ImportsSeatGuardsOwnFormatFromAFile()
    {
        var path = Path.Combine(_sandbox.Root, "book.json");
        File.WriteAllText(path, """
            { "schema": "seatguard/price-book@1", "asOf": "2027-01-15", "models": [
              { "id": "claude-opus-6", "rates": [ { "input": 6, "output": 30, "cacheWrite5m": 7.5, "cacheWrite1h": 12, "cacheRead": 0.6 } ] } ] }
            """);
        var result = await Run("pricing", "update", "--from", path, "--json");
        result.ExitCode.ShouldBe(0, result.ToString());
        using var report = JsonDocument.Parse(result.StdOut);
        report.RootElement.GetProperty("format").GetString().ShouldBe("seatguard");
        report.RootElement.GetProperty("asOf").GetString().ShouldBe("2027-01-15");
        PricingStore.Load(_sandbox.Host()).Find("claude-opus-6").ShouldNotBeNull();
        (await Run("pricing", "show")).StdOut.ShouldContain("claude-opus-6");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{ not json")]
    [InlineData("""{ "gpt-5": { "litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 1e-05 } }""")]
    [InlineData("""{ "claude-x-1": { "litellm_provider": "anthropic", "input_cost_per_token": -1e-06, "output_cost_per_token": 1e-05 } }""")]
    [InlineData("""{ "claude-x-1": { "litellm_provider": "anthropic", "input_cost_per_token": "cheap", "output_cost_per_token": 1e-05 } }""")]
    [InlineData("""{ "schema": "other/format@9", "models": [] }""")]
    [InlineData("""{ "models": [ { "id": "claude-x-1", "rates": [ { "input": 1e9, "output": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": 1 } ] } ] }""")]
    public async Task InvalidFilesAreRejectedAndNothingIsWritten(string body)
    {
        await using var server = await LoopbackFileServer.StartAsync();
        var result = await Run("pricing", "update", "--from", server.Serve("/p.json", body));
        result.ExitCode.ShouldBe(ExitCodes.BadUsage, result.ToString());
        result.StdErr.Trim().Split('\n').Length.ShouldBe(1, result.StdErr);
        File.Exists(PricingStore.ImportedPath(_sandbox.Host())).ShouldBeFalse();
    }

    [Fact]
    public async Task HttpErrorsAndMissingFilesAreOneLine()
    {
        await using var server = await LoopbackFileServer.StartAsync();
        var notFound = await Run("pricing", "update", "--from", server.BaseUrl + "/missing.json");
        notFound.ExitCode.ShouldBe(ExitCodes.BadUsage);
        notFound.StdErr.ShouldContain("404");
        var missing = await Run("pricing", "update", "--from", Path.Combine(_sandbox.Root, "nope.json"));
        missing.ExitCode.ShouldBe(ExitCodes.BadUsage);
        (await Run("pricing", "update", "--from", "ftp://example.invalid/p.json")).ExitCode.ShouldBe(ExitCodes.BadUsage);
    }

    [Fact]
    public async Task ShowListsEveryModelWithItsDate()
    {
        var result = await Run("pricing", "show");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdOut.ShouldContain("as of " + PriceBook.Embedded.AsOf);
        foreach (var id in new[] { "claude-opus-5-5", "claude-sonnet-5-5", "claude-haiku-5-5", "claude-fable-5-2", "claude-opus-4-6" }) result.StdOut.ShouldContain(id);
    }
}
