using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeatGuard.Core.Common.Json;

/// <summary>Where and why a JSON file is not what Claude Code accepts.</summary>
public sealed record JsonProblem(long Line, long Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"line {Line}, column {Column}: {Message}" : Message;
}
