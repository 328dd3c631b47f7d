using SeatGuard.Core.Common;

namespace SeatGuard.Core.Policy;

/// <summary>
/// Whether the policy book in force is old: the policy moves monthly, so a book more than <see cref="MaxAgeDays"/>
/// days old may give last season's answer. Cheap (no YAML parse): decide and doctor ask it on every run.
/// </summary>
public static class PolicyFreshness
{
    public const int MaxAgeDays = 60;

    /// <summary>The version and date of the base book in force (installed, else embedded).</summary>
    public static PolicyBookId InForce(HostContext host)
    {
        var embedded = PolicyBookLoader.EmbeddedId;
        if (!File.Exists(PolicyBookLoader.InstalledPath(host))) return embedded;
        var meta = PolicyBookLoader.InstalledMeta(host);
        if (meta is not null && (PolicyVersion.Compare(meta.Version, embedded.Version) >= 0 || meta.Forced)) return new PolicyBookId(meta.Version, meta.Date);
        return embedded;
    }

    /// <summary>One line telling that the book is old and how to update it, or null when it is fresh.</summary>
    public static string? Warning(PolicyBookId book, DateTimeOffset now)
    {
        if (!DateOnly.TryParseExact(book.Date, "yyyy-MM-dd", out var date)) return null;
        int age = DateOnly.FromDateTime(now.UtcDateTime).DayNumber - date.DayNumber;
        if (age <= MaxAgeDays) return null;
        return $"the policy book in force ({book.Version}, {book.Date}) is {age} days old and Anthropic's rules move monthly: " +
               "install a newer one with `seatguard policy update --from FILE|URL` (or update SeatGuard); `seatguard policy history` shows what it knows.";
    }
}
