using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Launch;
using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Team;

/// <summary>
/// <c>seatguard sync</c>: pushes this machine's facts to the team store. Under the machine's lock it gathers the
/// usage rows (as <c>usage daily</c> counts them), the ledger's launches and the doctor's verdict, then sends only
/// what the store does not already hold: each changed day replaces that day's rows in one transaction, launches are
/// upserted by (machine, ledger id, time). Syncing again changes nothing; a sync that broke off is finished by the
/// next one; days the machine no longer has (Claude Code removes old transcripts) stay in the store as last sent.
/// </summary>
public sealed class TeamSync(Func<TeamStoreAddress, ITeamStore> stores, Doctor doctor, TimeProvider clock)
{
    private const int LaunchBatch = 500;

    public async Task<SyncReport> RunAsync(HostContext host, SeatConfig config, SyncRequest request, CancellationToken cancellationToken = default)
    {
        var warnings = new List<string>();
        var machineId = MachineIdentity.LoadOrCreate(host);
        var person = First(request.Person, config.Person, host.User);
        var name = First(request.Machine, config.Machine, host.MachineName);

        await using var store = stores(request.Store);
        await store.OpenAsync(cancellationToken);
        await store.LockMachineAsync(machineId, cancellationToken);

        // Gathered under the lock, so a later sync of this machine never lands older facts over newer ones.
        var ledger = TeamLedgerFacts.Read(host, warnings);
        var data = UsageLoader.Load(host, new UsageLoadOptions { ConfigDir = request.ConfigDir });
        warnings.AddRange(data.Warnings);
        var builder = new UsageReportBuilder(data, request.Query);
        if (builder.UnknownModels.Count > 0)
            warnings.Add("no price for " + string.Join(", ", builder.UnknownModels) + ": their tokens are sent, their cost is unknown");
        var usage = TeamUsageFacts.Collect(builder, LedgerUsageFacts.SourceBySession(ledger));
        var launches = ledger.Select(e => TeamLedgerFacts.ToFact(e, request.Key, request.Query.TimeZone, host.Home)).ToList();
        var diagnosis = await doctor.DiagnoseAsync(host, new DoctorOptions(request.ConfigDir), cancellationToken);
        var doctorFacts = new DoctorFacts(diagnosis.Verdict.Name(), diagnosis.Credential.Kind.Name(),
            TeamLedgerFacts.ShortenHome(diagnosis.Credential.Source.ToString(), host.Home), request.Key.Keyed(diagnosis.Credential.Fingerprint),
            diagnosis.Findings.Count(f => f.Severity == Severity.Error), diagnosis.Findings.Count(f => f.Severity == Severity.Warning));
        var machine = new MachineFacts(machineId, name, host.User, person, request.Query.TimeZone.Id, request.Version, doctorFacts, clock.GetUtcNow());
        await store.SaveMachineAsync(machine, cancellationToken);

        var storedDays = await store.DayHashesAsync(machineId, cancellationToken);
        int daysSent = 0, daysUnchanged = 0, rowsSent = 0;
        var days = usage.GroupBy(u => u.Day).OrderBy(g => g.Key).ToList();
        foreach (var day in days)
        {
            var rows = day.ToList();
            var hash = DayHash(rows);
            if (storedDays.TryGetValue(day.Key, out var stored) && stored == hash) { daysUnchanged++; continue; }
            await store.ReplaceDayAsync(machineId, day.Key, rows, hash, cancellationToken);
            daysSent++;
            rowsSent += rows.Count;
        }

        var storedLaunches = await store.LaunchHashesAsync(machineId, cancellationToken);
        var changed = launches.Select(l => (Launch: l, Hash: LaunchHash(l)))
            .Where(x => !storedLaunches.TryGetValue((x.Launch.LedgerId, x.Launch.Time), out var h) || h != x.Hash)
            .ToList();
        foreach (var chunk in changed.Chunk(LaunchBatch)) await store.UpsertLaunchesAsync(machineId, chunk, cancellationToken);

        var finished = machine with { SyncedAt = clock.GetUtcNow() };
        await store.SaveMachineAsync(finished, cancellationToken);
        return new SyncReport(store.Address, machineId, name, person, host.User, finished.TimeZone,
            new SyncCounts(days.Count, daysSent, daysUnchanged), rowsSent,
            new SyncCounts(launches.Count, changed.Count, launches.Count - changed.Count),
            doctorFacts, builder.Totals(), UsageReportBuilder.IsoTime(finished.SyncedAt), warnings);
    }

    private static string First(params string?[] names) => names.First(n => !string.IsNullOrWhiteSpace(n))!.Trim();

    /// <summary>The content of a day's rows; equal hashes mean the store already holds the day as it is here.</summary>
    public static string DayHash(IEnumerable<UsageFact> rows)
    {
        var sb = new StringBuilder("usage/v1\n");
        foreach (var f in rows.OrderBy(f => f.Model, StringComparer.Ordinal).ThenBy(f => f.Project, StringComparer.Ordinal).ThenBy(f => f.BillingSource, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{f.Day:yyyy-MM-dd}\t{f.Model}\t{f.Project}\t{f.BillingSource}\t{f.InputTokens}\t{f.OutputTokens}\t")
              .Append(CultureInfo.InvariantCulture, $"{f.CacheCreationTokens}\t{f.CacheReadTokens}\t{f.TotalTokens}\t{f.CostUsd:R}\t{f.Entries}\t{f.UnpricedEntries}\n");
        }
        return Sha(sb.ToString());
    }

    public static string LaunchHash(LaunchFact l) => Sha(string.Create(CultureInfo.InvariantCulture,
        $"launch/v1\n{l.LedgerId}\t{l.Time.UtcTicks}\t{l.Day:yyyy-MM-dd}\t{l.Owner}\t{l.Beneficiary}\t{l.Mode}\t{l.Verdict}\t{l.Proven}\t{l.CredentialKind}\t{l.CredentialSource}\t" +
        $"{l.Fingerprint}\t{l.Forced}\t{l.Overage}\t{l.CostUsd:R}\t{l.InputTokens}\t{l.OutputTokens}\t{l.CacheCreationTokens}\t{l.CacheReadTokens}\t{l.RateLimitType}\t{l.RateLimitStatus}"));

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
