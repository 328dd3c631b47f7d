namespace SeatGuard.Core.Policy;

/// <summary>Where a statement of the book comes from: a title, its address, and the day SeatGuard last read it.</summary>
public sealed record PolicySource(string Id, string Title, string Url, DateOnly Read)
{
    /// <summary>How a verdict cites it in one line: the address.</summary>
    public string Citation => Url;

    /// <summary>Title, address and read date, for people.</summary>
    public string Long => $"{Title} — {Url} (read {Read:yyyy-MM-dd})";
}
