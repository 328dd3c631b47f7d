using System.Text.Json;
using SeatGuard.Core.Credentials.Probe;

namespace SeatGuard.Tests.Credentials;

/// <summary>The probe's and the stand-in's answers are well-formed, so Claude Code takes the streamed answer at once (a broken event makes it retry without streaming).</summary>
public sealed class MessagesApiRepliesTests
{
    [Fact]
    public void EveryStreamedEventIsJsonOfItsOwnType()
    {
        var lines = MessagesApiReplies.StreamedText("pong").Split('\n');
        var events = lines.Where(l => l.StartsWith("event: ", StringComparison.Ordinal)).Select(l => l[7..]).ToList();
        var data = lines.Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => JsonDocument.Parse(l[6..]).RootElement).ToList();
        events.ShouldBe(["message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"]);
        data.Select(d => d.GetProperty("type").GetString()).ShouldBe(events);
        data[0].GetProperty("message").GetProperty("usage").GetProperty("input_tokens").GetInt32().ShouldBe(12);
        data[4].GetProperty("usage").GetProperty("output_tokens").GetInt32().ShouldBe(3);
    }

    [Fact]
    public void TheJsonAnswerParses() =>
        JsonDocument.Parse(MessagesApiReplies.JsonText("pong")).RootElement.GetProperty("usage").GetProperty("output_tokens").GetInt32().ShouldBe(3);
}
