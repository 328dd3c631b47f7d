using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;
using SeatGuard.Core.Common.Net;

namespace SeatGuard.Core.Policy;

/// <summary>
/// <c>seatguard policy update</c> and <c>policy diff</c>: reads a newer book from a file or an address, validates it
/// as a whole book (the same loader, so every problem names its line), refuses one older than the embedded book
/// unless forced, and installs it atomically in SeatGuard's config directory with a note of where it came from.
/// </summary>
public sealed class PolicyBookStore(HostContext host, IUrlFetcher fetcher, TimeProvider clock)
{
    /// <summary>Reads and validates the book <paramref name="from"/> names.</summary>
    public async Task<(PolicyBook Book, string Text, string Origin)> ReadAsync(string from, CancellationToken ct = default)
    {
        var (bytes, origin) = await DocumentSource.ReadAsync(from, host.WorkingDirectory, fetcher, "policy book", ct);
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span); }
        catch (DecoderFallbackException) { throw new PolicyDataException(origin, 0, $"{origin}: not UTF-8 text, so not a policy book"); }
        return (PolicyBookLoader.Load([(origin, text)]), text, origin);
    }

    /// <summary>Installs the book <paramref name="from"/> names.</summary>
    public async Task<PolicyUpdateResult> InstallAsync(string from, bool force, CancellationToken ct = default)
    {
        var (book, text, origin) = await ReadAsync(from, ct);
        var embedded = PolicyBookLoader.LoadEmbedded();
        var before = PolicyBookLoader.Load([PolicyBookLoader.BaseBook(host)]);
        bool older = PolicyVersion.Compare(book, embedded) < 0;
        if (older && !force)
            throw new InputException($"{origin} is policy book {book.Version} ({book.Date}), older than the one built into this SeatGuard ({embedded.Version}, {embedded.Date}); " +
                                     "nothing was installed (--force installs it anyway)");
        var path = PolicyBookLoader.InstalledPath(host);
        PrivateFile.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, text);
        var meta = new InstalledPolicyBook(book.Version, book.Date, origin, clock.GetUtcNow(), older && force);
        AtomicFile.WriteAllBytes(Path.ChangeExtension(path, ".json"), JsonText.ToUtf8(meta, PolicyJson.Default.InstalledPolicyBook));
        return new PolicyUpdateResult(true, path, origin, book.Version, book.Date, before.Version, meta.Forced, PolicyDiff.Compare(before, book));
    }

    /// <summary>What the book <paramref name="from"/> names would change against the book in force (or, without it, what the installed book changes against the embedded one).</summary>
    public async Task<PolicyChanges> DiffAsync(string? from, CancellationToken ct = default)
    {
        var inForce = PolicyBookLoader.Load([PolicyBookLoader.BaseBook(host)]);
        if (from is null) return PolicyDiff.Compare(PolicyBookLoader.LoadEmbedded(), inForce);
        var (book, _, _) = await ReadAsync(from, ct);
        return PolicyDiff.Compare(inForce, book);
    }
}
