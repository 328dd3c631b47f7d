namespace SeatGuard.Core.Policy;

/// <summary>Where a statement of the book comes from.</summary>
public sealed record PolicySource(string Id, string Title, string? Url)
{
    /// <summary>How a verdict cites it: the URL when there is one, else the title.</summary>
    public string Citation => Url ?? Title;
}
