using System.Text.Json.Serialization;

namespace SeatGuard.Core.Common;

/// <summary>Names and parsing of <see cref="Tier"/>.</summary>
public static class Tiers
{
    /// <summary>Every tier, least severe first.</summary>
    public static readonly IReadOnlyList<Tier> All = [Tier.Green, Tier.Gray, Tier.Red];

    /// <summary>Every tier name, least severe first.</summary>
    public static readonly IReadOnlyList<string> Names = ["green", "gray", "red"];

    /// <summary>The tier as JSON and options spell it: green, gray or red.</summary>
    public static string Name(this Tier tier) => tier switch { Tier.Red => "red", Tier.Gray => "gray", _ => "green" };

    /// <summary>red, gray (or grey), green (or info), any case.</summary>
    public static bool TryParse(string? text, out Tier tier)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "red": tier = Tier.Red; return true;
            case "gray" or "grey": tier = Tier.Gray; return true;
            case "green" or "info": tier = Tier.Green; return true;
            default: tier = Tier.Green; return false;
        }
    }

    /// <summary>Parses green, gray (or grey) or red, ignoring case.</summary>
    public static Tier Parse(string text) =>
        TryParse(text, out var tier) ? tier : throw new InputException($"tier must be red, gray or green, not '{text}'");
}
