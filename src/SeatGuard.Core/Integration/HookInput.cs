using System.Text.Json;

namespace SeatGuard.Core.Integration;

/// <summary>Reads the JSON Claude Code passes on stdin; anything unreadable yields <c>null</c>, never an exception.</summary>
public static class HookInput
{
    /// <summary>More than this is not a status line or hook input; stop reading.</summary>
    public const int MaxChars = 1 << 20;

    /// <summary>Parses the JSON Claude Code pipes to a hook or status line; empty or malformed input is null, never an error.</summary>
    public static T? Parse<T>(string? text, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) where T : class
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxChars) return null;
        try
        {
            return JsonSerializer.Deserialize(text, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
