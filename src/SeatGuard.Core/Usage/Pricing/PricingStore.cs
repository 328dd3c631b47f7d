using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Where price books live and how the effective one is put together: the embedded book, then the book
/// <c>seatguard pricing update</c> imported (<c>price-book.json</c> in SeatGuard's data dir), then the user's own
/// <c>pricing.json</c> in SeatGuard's config dir (or <c>--pricing FILE</c>).
/// </summary>
public static class PricingStore
{
    /// <summary>The book <c>pricing update</c> imports (<c>price-book.json</c> in SeatGuard's data dir).</summary>
    public static string ImportedPath(HostContext host) => Path.Combine(ClaudePaths.SeatGuardDataDir(host), "price-book.json");

    /// <summary>The user's own book (<c>pricing.json</c> in SeatGuard's config dir).</summary>
    public static string UserPath(HostContext host) => Path.Combine(ClaudePaths.SeatGuardConfigDir(host), "pricing.json");

    /// <summary>The files the effective book is read from, in order (missing ones included): what an output cache must watch.</summary>
    public static IReadOnlyList<string> Files(HostContext host, string? userFile = null) => [ImportedPath(host), userFile ?? UserPath(host)];

    /// <summary>The effective book. Throws <see cref="InputException"/> when a file is not a valid book.</summary>
    /// <param name="userFile">An explicit user book (<c>--pricing</c>); it must exist.</param>
    /// <param name="host">The machine whose price-book files are read.</param>
    public static PriceBook Load(HostContext host, string? userFile = null)
    {
        var book = PriceBook.Embedded;
        var imported = ImportedPath(host);
        if (SafeFile.Exists(imported)) book = book.With(Read(imported, "imported price book"), "imported", imported);
        var user = userFile ?? UserPath(host);
        if (userFile is not null && !SafeFile.Exists(userFile)) throw new InputException("pricing file not found: " + userFile);
        if (SafeFile.Exists(user)) book = book.With(Read(user, "pricing file " + user), "user", user);
        return book;
    }

    private static PriceBookData Read(string path, string what) => PriceBook.Parse(UserFiles.ReadText(path, what), what);

    /// <summary>Stores an imported layer (validated against the embedded book first).</summary>
    public static void SaveImported(HostContext host, PriceBookData layer)
    {
        _ = PriceBook.Embedded.With(layer, "imported", null); // throws InputException when invalid
        var json = System.Text.Json.JsonSerializer.Serialize(layer, UsageJson.Default.PriceBookData);
        AtomicFile.WriteAllText(ImportedPath(host), json + "\n", PrivateFile.Mode);
    }
}
