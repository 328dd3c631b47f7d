using System.Globalization;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Team;

/// <summary>
/// The team view from what the store holds: per person and machine, launches and API-equivalent cost by billing
/// source; and the findings about seats — one subscription credential (same keyed fingerprint) used by several
/// people or on more machines than one person plausibly has (<c>pooled-seat</c>), a person's runs on someone else's
/// seat, subscription launches for other beneficiaries. Pure: no I/O.
/// </summary>
public static class TeamReportBuilder
{
    /// <summary>The four billing sources every launch count lists, in this order (others follow when present).</summary>
    public static readonly IReadOnlyList<string> Sources = [Billing.Subscription.Name(), Billing.ApiKey.Name(), Billing.Gateway.Name(), Billing.CloudProvider.Name()];

    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;
    private static readonly string Subscription = Billing.Subscription.Name(), ApiKey = Billing.ApiKey.Name();

    public static TeamReport Build(TeamSnapshot snapshot, TeamReportRequest request, DateTimeOffset now)
    {
        var usage = snapshot.Usage.Where(u => request.Since is not { } s || u.Fact.Day >= s).ToList();
        var launches = snapshot.Launches.Where(l => request.Since is not { } s || l.Fact.Day >= s).ToList();

        var machines = snapshot.Machines.ToDictionary(m => m.MachineId, StringComparer.Ordinal);
        foreach (var id in usage.Select(u => u.MachineId).Concat(launches.Select(l => l.MachineId)).Distinct(StringComparer.Ordinal).Where(id => !machines.ContainsKey(id)).ToList())
            machines[id] = new MachineFacts(id, "unknown machine", "unknown", "unknown", "UTC", "unknown", null, DateTimeOffset.UnixEpoch);
        var label = Labels(machines.Values);
        // One spelling per person (the first machine's), however the name is capitalised elsewhere.
        var personOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var spelling = new Dictionary<string, string>(Names);
        foreach (var m in machines.Values.OrderBy(m => m.MachineId, StringComparer.Ordinal))
        {
            if (!spelling.TryGetValue(m.Person, out var p)) spelling[m.Person] = p = m.Person;
            personOf[m.MachineId] = p;
        }
        // Every name a person goes by: the person name and the OS users of their machines.
        var aliases = machines.Values.GroupBy(m => personOf[m.MachineId], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new HashSet<string>(g.Select(m => m.OsUser).Append(g.Key), Names), StringComparer.Ordinal);

        var people = machines.Values.GroupBy(m => personOf[m.MachineId], StringComparer.Ordinal)
            .Select(g =>
            {
                var ids = g.Select(m => m.MachineId).ToHashSet(StringComparer.Ordinal);
                var mine = launches.Where(l => ids.Contains(l.MachineId)).Select(l => l.Fact).ToList();
                var rows = usage.Where(u => ids.Contains(u.MachineId)).Select(u => u.Fact).ToList();
                var counts = CountBySource(mine);
                var cost = rows.Sum(r => r.CostUsd);
                var costBySource = rows.GroupBy(r => r.BillingSource, StringComparer.Ordinal).OrderByDescending(x => x.Sum(r => r.CostUsd)).ThenBy(x => x.Key, StringComparer.Ordinal)
                    .ToDictionary(x => x.Key, x => x.Sum(r => r.CostUsd), StringComparer.Ordinal);
                return new TeamPerson(g.Key, g.Select(m => label[m.MachineId]).Order(StringComparer.Ordinal).ToList(), counts,
                    Shares(counts.ToDictionary(c => c.Key, c => (double)c.Value, StringComparer.Ordinal)),
                    mine.Count(l => !SameName(l.Beneficiary, l.Owner)), mine.Count(l => l.Overage),
                    mine.Count(l => l.Verdict == ApiKey && SameName(l.Beneficiary, l.Owner)),
                    cost, costBySource, Shares(costBySource), rows.Sum(r => r.TotalTokens));
            })
            .OrderByDescending(p => p.CostUsd).ThenBy(p => p.Person, StringComparer.Ordinal)
            .ToList();

        var machineRows = machines.Values
            .Select(m =>
            {
                var mine = launches.Where(l => l.MachineId == m.MachineId).Select(l => l.Fact).ToList();
                var rows = usage.Where(u => u.MachineId == m.MachineId).Select(u => u.Fact).ToList();
                return new TeamMachine(m.MachineId, label[m.MachineId], personOf[m.MachineId], m.OsUser, UsageReportBuilder.IsoTime(m.SyncedAt), m.TimeZone,
                    m.Version, m.Doctor, CountBySource(mine), rows.Sum(r => r.CostUsd), rows.Sum(r => r.TotalTokens));
            })
            .OrderBy(m => m.Person, StringComparer.Ordinal).ThenBy(m => m.Machine, StringComparer.Ordinal)
            .ToList();

        var totals = new UsageTotals();
        foreach (var u in usage)
        {
            totals.InputTokens += u.Fact.InputTokens;
            totals.OutputTokens += u.Fact.OutputTokens;
            totals.CacheCreationTokens += u.Fact.CacheCreationTokens;
            totals.CacheReadTokens += u.Fact.CacheReadTokens;
            totals.TotalTokens += u.Fact.TotalTokens;
            totals.TotalCost += u.Fact.CostUsd;
        }

        var findings = new List<TeamFinding>();
        findings.AddRange(PooledSeats(machines.Values, launches, personOf, label, request.MachinesPerPerson, request.Since));
        findings.AddRange(SomeoneElsesSeat(launches, personOf, aliases, label));
        findings.AddRange(ForOthers(launches, personOf, label));

        return new TeamReport(request.Store.Display, UsageReportBuilder.IsoTime(now), request.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            people, machineRows, totals, findings);
    }

    /// <summary>
    /// One subscription credential seen (launched with, or the doctor's winner) by two or more people, or on more
    /// machines than <paramref name="machinesPerPerson"/>.
    /// </summary>
    private static IEnumerable<TeamFinding> PooledSeats(IEnumerable<MachineFacts> machines, List<StoredLaunch> launches, Dictionary<string, string> personOf,
        Dictionary<string, string> label, int machinesPerPerson, DateOnly? since)
    {
        var uses = launches.Where(l => l.Fact.Verdict == Subscription && l.Fact.Fingerprint is not null)
            .Select(l => (Fingerprint: l.Fact.Fingerprint!, l.MachineId, Launches: 1))
            .Concat(machines.Where(m => m.Doctor is { Fingerprint: not null } d && d.Verdict == Subscription
                                        && (since is null || DateOnly.FromDateTime(m.SyncedAt.UtcDateTime) >= since))
                .Select(m => (Fingerprint: m.Doctor!.Fingerprint!, m.MachineId, Launches: 0)));
        foreach (var g in uses.GroupBy(u => u.Fingerprint, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var people = g.Select(u => personOf[u.MachineId]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var onMachines = g.Select(u => u.MachineId).Distinct(StringComparer.Ordinal).Select(id => label[id]).Order(StringComparer.Ordinal).ToList();
            if (people.Count < 2 && onMachines.Count <= machinesPerPerson) continue;
            int count = g.Sum(u => u.Launches);
            string message = people.Count >= 2
                ? $"Pooled seat: one subscription credential ({g.Key}) is used by {people.Count} people ({Join(people)}) on {onMachines.Count} machines. " +
                  "A Pro/Max seat is for one person's own use: give each person their own seat (or Team/Enterprise seats), or move shared work to an API key."
                : $"Pooled seat: one subscription credential ({g.Key}) is used on {onMachines.Count} machines ({Join(onMachines)}), more than one person plausibly has (over {machinesPerPerson}). " +
                  "Check who uses it: a Pro/Max seat is for one person's own use; shared work needs an API key.";
            yield return new TeamFinding("pooled-seat", Tier.Red, g.Key, people, onMachines, count, message);
        }
    }

    /// <summary>
    /// A person's subscription launches on a seat that belongs to someone else: the ledger names another owner, or the
    /// credential is the one another person launches as its owner.
    /// </summary>
    private static IEnumerable<TeamFinding> SomeoneElsesSeat(List<StoredLaunch> launches, Dictionary<string, string> personOf,
        Dictionary<string, HashSet<string>> aliases, Dictionary<string, string> label)
    {
        var subscription = launches.Where(l => l.Fact.Verdict == Subscription).ToList();
        // Whose seat each credential is: the people who launch on it as its recorded owner.
        var seatOwners = subscription.Where(l => l.Fact.Fingerprint is not null && aliases[personOf[l.MachineId]].Contains(l.Fact.Owner))
            .GroupBy(l => l.Fact.Fingerprint!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(l => personOf[l.MachineId]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var cases = new List<(string Person, string Owner, StoredLaunch Launch)>();
        foreach (var l in subscription)
        {
            var person = personOf[l.MachineId];
            if (!aliases[person].Contains(l.Fact.Owner)) cases.Add((person, l.Fact.Owner, l));
            else if (l.Fact.Fingerprint is { } fp && seatOwners.TryGetValue(fp, out var owners) && owners.Count == 1 && owners[0] != person)
                cases.Add((person, owners[0], l));
        }
        foreach (var g in cases.GroupBy(c => (c.Person, Owner: c.Owner.ToLowerInvariant())).OrderBy(g => g.Key.Person, StringComparer.Ordinal).ThenBy(g => g.Key.Owner, StringComparer.Ordinal))
        {
            var owner = g.First().Owner;
            var fingerprints = g.Select(c => c.Launch.Fact.Fingerprint).Where(f => f is not null).Distinct(StringComparer.Ordinal).ToList();
            var onMachines = g.Select(c => label[c.Launch.MachineId]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            int n = g.Count();
            yield return new TeamFinding("someone-elses-seat", Tier.Red, fingerprints.Count == 1 ? fingerprints[0] : null, [g.Key.Person, owner], onMachines, n,
                $"{g.Key.Person} ran {Plural(n, "launch", "launches")} on {owner}'s subscription seat" + (fingerprints.Count == 1 ? $" ({fingerprints[0]})" : "") +
                $" from {Join(onMachines)}. A seat is for its owner's own use: {g.Key.Person} needs their own seat or an API key.");
        }
    }

    /// <summary>Subscription launches whose work was for someone other than the seat owner.</summary>
    private static IEnumerable<TeamFinding> ForOthers(List<StoredLaunch> launches, Dictionary<string, string> personOf, Dictionary<string, string> label)
    {
        var cases = launches.Where(l => l.Fact.Verdict == Subscription && !SameName(l.Fact.Beneficiary, l.Fact.Owner)).ToList();
        foreach (var g in cases.GroupBy(l => personOf[l.MachineId], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var beneficiaries = g.Select(l => l.Fact.Beneficiary).Distinct(Names).Order(StringComparer.Ordinal).ToList();
            var owners = g.Select(l => l.Fact.Owner).Distinct(Names).Order(StringComparer.Ordinal).ToList();
            var fingerprints = g.Select(l => l.Fact.Fingerprint).Where(f => f is not null).Distinct(StringComparer.Ordinal).ToList();
            var onMachines = g.Select(l => label[l.MachineId]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            int n = g.Count(), forced = g.Count(l => l.Fact.Forced);
            yield return new TeamFinding("subscription-for-others", Tier.Red, fingerprints.Count == 1 ? fingerprints[0] : null,
                [g.Key, .. beneficiaries.Where(b => !SameName(b, g.Key))], onMachines, n,
                $"{Plural(n, "subscription launch", "subscription launches")} on {g.Key}'s machines served someone other than the seat owner ({Join(owners)}): " +
                $"{Join(beneficiaries)}" + (forced > 0 ? $" ({forced} forced past SeatGuard's refusal)" : "") + ". Someone else's request needs an API key.");
        }
    }

    private static Dictionary<string, int> CountBySource(IEnumerable<LaunchFact> launches)
    {
        var counts = Sources.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        foreach (var l in launches) counts[l.Verdict] = counts.GetValueOrDefault(l.Verdict) + 1;
        return counts;
    }

    private static Dictionary<string, double> Shares(IReadOnlyDictionary<string, double> values)
    {
        double total = values.Values.Where(v => v > 0).Sum();
        return values.ToDictionary(v => v.Key, v => total > 0 ? Math.Round(Math.Max(0, v.Value) / total, 4) : 0, StringComparer.Ordinal);
    }

    /// <summary>Machine names for people; a name two machines share gets the start of its id.</summary>
    private static Dictionary<string, string> Labels(IEnumerable<MachineFacts> machines)
    {
        var all = machines.ToList();
        var shared = all.GroupBy(m => m.Name, Names).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(Names);
        return all.ToDictionary(m => m.MachineId, m => shared.Contains(m.Name) ? $"{m.Name} ({m.MachineId[..Math.Min(8, m.MachineId.Length)]})" : m.Name, StringComparer.Ordinal);
    }

    private static bool SameName(string a, string b) => Names.Equals(a.Trim(), b.Trim());

    private static string Join(IEnumerable<string> names) => string.Join(", ", names);

    private static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
