using SeatGuard.Core.Common.Net;

namespace SeatGuard.Core.Common.Files;

/// <summary>Reads the document a <c>--from FILE|URL</c> option names: an http(s) address through the fetcher, else a file.</summary>
public static class DocumentSource
{
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
