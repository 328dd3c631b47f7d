using System.Security.Cryptography;
using SeatGuard.Core.Ledger;

namespace SeatGuard.TestKit;

/// <summary>One simulated machine of a team: a sandbox home with transcripts, a ledger, a credential and a person.</summary>
public sealed class TeamMachineHome : IDisposable
{
    public required SandboxHome Sandbox { get; init; }
    public required string Person { get; init; }
    public required string Machine { get; init; }
    public required string OsUser { get; init; }
    /// <summary>The machine's environment (HOME, USER, TZ, the team key, its Claude credential); add the store URL to it.</summary>
    public required Dictionary<string, string> Env { get; init; }

    /// <summary>The session ids of the transcripts in this home (file names under projects/).</summary>
    public IReadOnlyList<string> Sessions() =>
        Directory.EnumerateFiles(Path.Combine(Sandbox.ClaudeDir, "projects"), "*.jsonl", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}subagents{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f)).Distinct().Order(StringComparer.Ordinal).ToList();

    public void Dispose() => Sandbox.Dispose();
}

/// <summary>Builds team machines for the sync and team-report tests: transcripts, overlapping copies, ledger launches.</summary>
public static class TeamSamples
{
    /// <summary>A team secret made at run time.</summary>
    public static string NewTeamKey() => "team-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static TeamMachineHome Machine(string person, string machine, string osUser, string timeZone, string teamKey, string? oauthToken, int corpusSeed, int days = 20)
    {
        var sandbox = new SandboxHome();
        if (corpusSeed > 0)
        {
            TranscriptCorpus.Generate(sandbox.ClaudeDir, CorpusOptions.Everything with
            {
                Seed = corpusSeed, Projects = 2, SessionsPerProject = 3, TurnsPerSession = 12, Days = days, ToolResultBytes = 200, HugeToolResults = 0,
                Start = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero),
            });
        }
        var env = ProcessRunner.CleanEnvironment(sandbox.Home);
        env["USER"] = osUser;
        env["TZ"] = timeZone;
        env["SEATGUARD_TEAM_KEY"] = teamKey;
        if (oauthToken is not null) env["CLAUDE_CODE_OAUTH_TOKEN"] = oauthToken;
        return new TeamMachineHome { Sandbox = sandbox, Person = person, Machine = machine, OsUser = osUser, Env = env };
    }

    /// <summary>Copies some of <paramref name="from"/>'s transcript files into <paramref name="to"/> (the same sessions on two machines).</summary>
    public static void CopyTranscripts(TeamMachineHome from, TeamMachineHome to, int every = 2)
    {
        var root = Path.Combine(from.Sandbox.ClaudeDir, "projects");
        var files = Directory.EnumerateFiles(root, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        for (int i = 0; i < files.Count; i += every)
        {
            var target = Path.Combine(to.Sandbox.ClaudeDir, "projects", Path.GetRelativePath(root, files[i]));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(files[i], target, overwrite: true);
        }
    }

    /// <summary>Appends launches to the machine's ledger (where <c>seatguard run</c> would record them).</summary>
    public static void AddLaunches(TeamMachineHome m, params LedgerEntry[] launches)
    {
        using var ledger = LedgerStore.Open(LedgerStore.DefaultPath(m.Sandbox.Host(m.Env)));
        foreach (var l in launches) ledger.Append(l);
    }

    /// <summary>A ledger row: the shape `seatguard run` records (one helper, so a ledger change is one edit here).</summary>
    public static LedgerEntry Launch(DateTimeOffset time, string owner, string beneficiary, string verdict, string? token, string? sessionId = null,
        bool forced = false, bool overage = false, double? cost = 0.01, string mode = "subscription")
    {
        var kind = verdict.StartsWith("subscription", StringComparison.Ordinal) ? "oauth-token" : "api-key";
        var source = kind == "oauth-token" ? "env:CLAUDE_CODE_OAUTH_TOKEN" : "env:ANTHROPIC_API_KEY";
        return new LedgerEntry(0, time, "claude -p hi", "/work/project", beneficiary, owner, mode, kind, source,
            token is null ? null : SeatGuard.Core.Common.Redactor.Fingerprint(token), verdict, 0, sessionId, cost, 100, 20, 0, 0, forced,
            forced ? "FORCED" : null, kind == "oauth-token" ? "five_hour" : null, kind == "oauth-token" ? "allowed" : null, kind == "oauth-token" ? 0.2 : null,
            kind == "oauth-token" ? overage : null);
    }
}
