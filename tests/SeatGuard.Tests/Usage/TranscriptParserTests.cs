using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

public sealed class TranscriptParserTests
{
    private const string T = "2025-11-20T10:00:00.000Z";

    [Fact]
    public void CountsAssistantLinesWithUsageAndIgnoresOthers()
    {
        var scan = Lines.Scan(Lines.User(T, "what is the \"assistant\" \"usage\"?"), Lines.Assistant(T, input: 10, output: 20, cacheWrite: 30, cacheRead: 40),
            """{"type":"summary","summary":"x"}""");
        scan.Entries.Count.ShouldBe(1);
        var e = scan.Entries[0];
        (e.InputTokens, e.OutputTokens, e.CacheCreationTokens, e.CacheReadTokens, e.TotalTokens).ShouldBe((10L, 20L, 30L, 40L, 100L));
        e.Model.ShouldBe(Lines.Sonnet45);
        e.Timestamp.ShouldBe(DateTimeOffset.Parse(T, System.Globalization.CultureInfo.InvariantCulture));
        scan.MalformedLines.ShouldBe(0);
    }

    [Fact]
    public void ValidLineWithSpacesCounts()
    {
        var line = Lines.Assistant(T, input: 5, output: 7, spaced: true);
        line.ShouldContain("\"type\": \"assistant\"");
        Lines.Scan(line).Entries.Single().OutputTokens.ShouldBe(7);
    }

    [Fact]
    public void ApiErrorLinesAreSkipped()
    {
        var scan = Lines.Scan(Lines.Assistant(T, model: "<synthetic>", input: 3, apiError: true), Lines.Assistant(T, "msg_2", input: 4));
        scan.Entries.Single().InputTokens.ShouldBe(4);
    }

    [Fact]
    public void MalformedLinesAreCountedNeverFatal()
    {
        var good = Lines.Assistant(T, input: 1);
        var scan = Lines.Scan(good[..(good.Length / 2)], "not json at all", "{\"type\":\"assistant\",\"usage\":}", good.Replace("msg_1", "msg_2"), "", "   ");
        scan.MalformedLines.ShouldBe(3);
        scan.Entries.Count.ShouldBe(1);
    }

    [Fact]
    public void CacheCreationSplitWinsOverTheTotalField()
    {
        var e = Lines.Scan(Lines.Assistant(T, cacheWrite: 5000, cache5m: 100, cache1h: 200)).Entries.Single();
        (e.CacheWrite5mTokens, e.CacheWrite1hTokens, e.CacheCreationTokens).ShouldBe((100L, 200L, 300L));
        var fallback = Lines.Scan(Lines.Assistant(T, cacheWrite: 5000)).Entries.Single();
        (fallback.CacheWrite5mTokens, fallback.CacheWrite1hTokens).ShouldBe((5000L, 0L));
    }

    [Fact]
    public void MissingFieldsAreZero()
    {
        var e = Lines.Scan("""{"type":"assistant","timestamp":"2025-11-20T10:00:00Z","message":{"id":"m","model":"claude-haiku-4-5","usage":{"output_tokens":3}}}""").Entries.Single();
        (e.InputTokens, e.OutputTokens, e.CacheCreationTokens, e.CacheReadTokens).ShouldBe((0L, 3L, 0L, 0L));
        e.HasMessageId.ShouldBeTrue();
        (e.Flags & UsageEntryFlags.HasRequestId).ShouldBe(UsageEntryFlags.None);
    }

    [Fact]
    public void UnterminatedTailIsLeftForLaterWhenIncomplete()
    {
        var line = Lines.Assistant(T, input: 1);
        var scan = Lines.Scan(line + "\n" + line.Replace("msg_1", "msg_2")[..40]);
        scan.Entries.Count.ShouldBe(1);
        scan.TailMalformed.ShouldBeTrue();
        scan.MalformedLines.ShouldBe(0);
        scan.EndOffset.ShouldBe(System.Text.Encoding.UTF8.GetByteCount(line) + 1);

        var complete = Lines.Scan(line + "\n" + line.Replace("msg_1", "msg_2"));
        complete.Entries.Count.ShouldBe(2);
        complete.TailMalformed.ShouldBeFalse();
    }

    [Fact]
    public void LinesLongerThanTheReadBufferAreParsed()
    {
        var bigUser = Lines.User(T, new string('x', 3 * 1024 * 1024));
        var scan = Lines.Scan(bigUser, Lines.Assistant(T, input: 9), bigUser);
        scan.Entries.Single().InputTokens.ShouldBe(9);
        scan.MalformedLines.ShouldBe(0);
    }

    [Fact]
    public void EscapedIdentifiersHashLikeTheirText()
    {
        var plain = Lines.Scan(Lines.Assistant(T, "msg_1", "req_1")).Entries.Single();
        var escaped = Lines.Scan(Lines.Assistant(T, "msg_1", "req_1").Replace("\"msg_1\"", "\"msg\\u005f1\"")).Entries.Single();
        escaped.DedupKey.ShouldBe(plain.DedupKey);
        escaped.MessageKey.ShouldBe(plain.MessageKey);
    }

    [Fact]
    public void CostUsdIsKeptSeparately()
    {
        var e = Lines.Scan(Lines.Assistant(T, input: 1, costUsd: 1.5)).Entries.Single();
        e.CostUsd.ShouldBe(1.5);
        (e.Flags & UsageEntryFlags.HasCostUsd).ShouldNotBe(UsageEntryFlags.None);
    }

    [Theory]
    [InlineData("2025-11-20T10:00:00.123Z")]
    [InlineData("2025-11-20T12:00:00.123+02:00")]
    [InlineData("2025-11-20T10:00:00.1230000Z")]
    public void TimestampsInAnyIsoFormAreTheSameInstant(string timestamp) =>
        Lines.Scan(Lines.Assistant(timestamp, input: 1)).Entries.Single().TimestampMs.ShouldBe(new DateTimeOffset(2025, 11, 20, 10, 0, 0, 123, TimeSpan.Zero).ToUnixTimeMilliseconds());

    [Fact]
    public void InvalidTimestampIsNotCounted() =>
        Lines.Scan(Lines.Assistant("2025-02-30T10:00:00.000Z", input: 1)).Entries.ShouldBeEmpty();

    [Fact]
    public void UserLinesAreSkippedButNestedUserTypesDoNotHideAnAssistantLine()
    {
        var user = """{"parentUuid":null,"type":"user","message":{"role":"user","content":[{"type":"tool_result","content":"{\"type\":\"assistant\",\"usage\":{}}"}]},"usage":{"input_tokens":5},"timestamp":"2025-11-20T10:00:00.000Z"}""";
        var assistant = """{"type":"assistant","message":{"id":"m","model":"claude-haiku-4-5","content":[{"type":"tool_use","input":{"type":"user"}}],"usage":{"input_tokens":7}},"requestId":"r","timestamp":"2025-11-20T10:00:00.000Z"}""";
        var scan = Lines.Scan(user, assistant, user[..50]);
        scan.Entries.Single().InputTokens.ShouldBe(7);
        scan.MalformedLines.ShouldBe(1);
    }
}

public sealed class TranscriptParserRobustnessTests
{
    private const string T = "2025-11-20T10:00:00.000Z";

    private static string WithUsage(string usage, string model = "claude-sonnet-4-5", string timestamp = T) =>
        "{\"type\":\"assistant\",\"timestamp\":\"" + timestamp + "\",\"requestId\":\"r\",\"message\":{\"id\":\"m\",\"model\":\"" + model + "\",\"usage\":" + usage + "}}";

    [Theory]
    [InlineData("""{"input_tokens":1.5,"output_tokens":10}""")]
    [InlineData("""{"input_tokens":1000.0,"output_tokens":10}""")]
    [InlineData("""{"input_tokens":1e3,"output_tokens":10}""")]
    [InlineData("""{"input_tokens":-5,"output_tokens":10}""")]
    [InlineData("""{"input_tokens":"7","output_tokens":10}""")]
    [InlineData("""{"input_tokens":true,"output_tokens":10}""")]
    [InlineData("""{"input_tokens":{"n":1},"output_tokens":10}""")]
    [InlineData("""{"input_tokens":2147483648,"output_tokens":10}""")]
    [InlineData("""{"input_tokens":4294967296,"output_tokens":10}""")]
    [InlineData("""{"input_tokens":18446744073709551616,"output_tokens":10}""")]
    [InlineData("""{"input_tokens":1,"output_tokens":10,"cache_creation":{"ephemeral_5m_input_tokens":-1}}""")]
    [InlineData("""{"input_tokens":1,"output_tokens":10,"cache_read_input_tokens":0.5}""")]
    public void TokenFieldsThatAreNotCountsMakeTheLineMalformed(string usage)
    {
        var scan = Lines.Scan(WithUsage(usage), Lines.Assistant(T, "msg_ok", input: 3));
        scan.MalformedLines.ShouldBe(1);
        scan.Entries.Single().InputTokens.ShouldBe(3);
    }

    [Fact]
    public void TheLargestValidCountAndNullCountsAreAccepted()
    {
        var e = Lines.Scan(WithUsage("""{"input_tokens":2147483647,"output_tokens":null,"cache_creation_input_tokens":null,"cache_read_input_tokens":null}""")).Entries.Single();
        (e.InputTokens, e.OutputTokens, e.CacheCreationTokens, e.CacheReadTokens).ShouldBe((2147483647L, 0L, 0L, 0L));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"service_tier":"standard"}""")]
    [InlineData("""{"speed":"standard","inference_geo":"not_available"}""")]
    public void UsageWithoutTokenCountsIsNotARequest(string usage)
    {
        var scan = Lines.Scan(WithUsage(usage), Lines.User(T));
        scan.Entries.ShouldBeEmpty();
        scan.MalformedLines.ShouldBe(0);
    }

    [Fact]
    public void SyntheticLinesAreIgnoredEvenWithoutTheApiErrorFlag()
    {
        var scan = Lines.Scan(WithUsage("""{"input_tokens":0,"output_tokens":0}""", model: "<synthetic>"), Lines.Assistant(T, "msg_2", input: 4));
        scan.Entries.Single().InputTokens.ShouldBe(4);
        scan.MalformedLines.ShouldBe(0);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59.999Z")]
    [InlineData("9999-12-30T10:00:00.000Z")]
    [InlineData("0001-01-01T00:00:00.000Z")]
    [InlineData("1969-12-31T23:59:59.000Z")]
    public void TimestampsOutsideRealRequestTimesAreMalformedNotAnOverflow(string timestamp)
    {
        var scan = Lines.Scan(Lines.Assistant(timestamp, input: 1), Lines.User(T));
        scan.Entries.ShouldBeEmpty();
        scan.MalformedLines.ShouldBe(1);
    }

    [Fact]
    public void ReportsNearTheEndOfTimeDoNotCrash()
    {
        var e = Lines.Scan(Lines.Assistant("9999-12-28T23:59:59.999Z", input: 1)).Entries.Single();
        var data = Lines.Dataset(e with { Source = new TranscriptSource("s.jsonl", "p", "s", false) });
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
        var reports = new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow, TimeZone = zone });
        reports.Daily().Daily.Single().Date.ShouldBe("9999-12-29");
        reports.Weekly().Weekly.ShouldNotBeEmpty();
        reports.Monthly().Monthly.ShouldNotBeEmpty();
        reports.Blocks().Blocks.Single().EndTime.ShouldBe("9999-12-29T04:00:00.000Z");
        reports.Sessions().Sessions.ShouldNotBeEmpty();
    }

    [Fact]
    public void FastModeRegionAndWebSearchesAreRead()
    {
        var e = Lines.Scan(Lines.Assistant(T, input: 1, fast: true, geo: "us", webSearch: 3)).Entries.Single();
        (e.IsFast, e.HasSpeed, e.InferenceGeo, e.WebSearchRequests).ShouldBe((true, true, "us", 3));
        var standard = Lines.Scan(Lines.Assistant(T, input: 1, speed: true)).Entries.Single();
        (standard.IsFast, standard.HasSpeed).ShouldBe((false, true));
    }
}
