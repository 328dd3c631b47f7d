using SeatGuard.Core.Common.Net;

namespace SeatGuard.Core.Common.Files;

/// <summary>Reads the document a <c>--from FILE|URL</c> option names: an http(s) address through the fetcher, else a file.</summary>
public static class DocumentSource
{
    /// <summary>Reads the document <paramref name="from"/> names: an http(s) URL through <paramref name="fetcher"/> (up to the data size limit), else a file resolved against <paramref name="workingDirectory"/>.</summary>
    /// <param name="from">The <c>--from</c> value: an <c>http://</c>/<c>https://</c> address or a file path.</param>
    /// <param name="workingDirectory">The directory a relative path is resolved against.</param>
    /// <param name="fetcher">Fetches URLs.</param>
    /// <param name="what">What the document is, for error messages about the file.</param>
    /// <param name="ct">Cancels the fetch.</param>
    /// <returns>The bytes read and where they came from (the URL as shown to people, or the full file path).</returns>
    /// <exception cref="InputException">Another URL scheme than http(s) or file, or an unreadable file.</exception>
    public static async Task<(byte[] Bytes, string Origin)> ReadAsync(string from, string workingDirectory, IUrlFetcher fetcher, string what, CancellationToken ct = default)
    {
        if (Uri.TryCreate(from, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            return (await fetcher.FetchAsync(url, SafeFile.DataLimit, ct), SystemUrlFetcher.Show(url));
        if (Uri.TryCreate(from, UriKind.Absolute, out var other) && other.Scheme is not "file" && other.Scheme.Length > 1)
            throw new InputException($"--from {other.Scheme}: SeatGuard reads a file or an https:// address");
        var path = Path.GetFullPath(from, workingDirectory);
        return (UserFiles.ReadBytes(path, what), path);
    }
}
