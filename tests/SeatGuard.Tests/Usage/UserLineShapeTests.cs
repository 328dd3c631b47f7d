using System.Text;
using CsCheck;

namespace SeatGuard.Tests.Usage;

/// <summary>
/// The parser skips a user line by its shape without parsing it: a top-level <c>"type":"user"</c> within the first
/// kilobyte with no <c>"message"</c> before it. Lines that are also assistant lines with usage (duplicate "type" keys,
/// the last one wins in the parse) show whether a line was skipped, wherever the two keys fall around that kilobyte.
/// </summary>
public sealed class UserLineShapeTests
{
    private const string User = "\"type\":\"user\"";
    private const string Message = "\"message\"";

    /// <summary>The rule as written: the first user type in the head, and no whole "message" before it.</summary>
    private static bool SkippedAsUser(string line)
    {
        var head = line[..Math.Min(line.Length, 1024)];
        int type = head.IndexOf(User, StringComparison.Ordinal);
        return type >= 0 && head[..type].IndexOf(Message, StringComparison.Ordinal) < 0;
    }

    [Fact]
    public void ALineIsSkippedExactlyWhenItsShapeSaysUser()
    {
        Gen.Select(Gen.Int[0, 1100], Gen.Int[0, 1100], Gen.Bool, Gen.Bool).Sample((before, between, userFirst, glued) =>
        {
            var sb = new StringBuilder("{");
            sb.Append("\"a\":\"").Append('x', before).Append("\",");
            string message = "\"message\":{\"id\":\"m\",\"model\":\"claude-haiku-4-5\",\"usage\":{\"input_tokens\":3}},";
            string user = User + ",";
            string filler = "\"b\":\"" + new string('y', between) + "\",";
            // glued: the user type right after the message key's closing quote region (no filler), either order
            sb.Append(userFirst ? user : message).Append(glued ? "" : filler).Append(userFirst ? message : user);
            sb.Append("\"type\":\"assistant\",\"timestamp\":\"2025-11-20T10:00:00.000Z\"}");
            var line = sb.ToString();
            Lines.Scan(line + "\n").Entries.Count.ShouldBe(SkippedAsUser(line) ? 0 : 1, line.Length > 200 ? line[..200] : line);
        }, iter: 3000);
    }

    [Fact]
    public void BrokenLinesAreSkippedOrCountedAsMalformedByTheSameShape()
    {
        // Fragments that overlap ("message" glued to a user type), repeat and fall across the first kilobyte; the end
        // is never valid JSON, so a line not skipped as a user line is a malformed one.
        string[] fragments = [Message, "\"message", User, "\"type\"", ":\"user\"", "\"", new string('x', 97), new string('y', 300), ","];
        Gen.Int[0, fragments.Length - 1].Array[0, 14].Sample(picks =>
        {
            var line = "{" + string.Concat(picks.Select(i => fragments[i])) + "\"assistant\"\"usage\"}";
            Lines.Scan(line + "\n").MalformedLines.ShouldBe(SkippedAsUser(line) ? 0 : 1, line.Length > 200 ? line[..200] : line);
        }, iter: 5000);
    }
}
