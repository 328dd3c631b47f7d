namespace SeatGuard.Core.Common.Net;

/// <summary>
/// Downloads a small document (a policy book, a price book) a user names with <c>--from URL</c>. The only door to
/// the network in the library besides launching Claude Code; created once at the composition root.
/// </summary>
public interface IUrlFetcher
{
    /// <summary>The document's bytes. <see cref="InputException"/> for an address SeatGuard refuses or a download that fails.</summary>
    Task<byte[]> FetchAsync(Uri url, long maxBytes, CancellationToken cancellationToken = default);
}
