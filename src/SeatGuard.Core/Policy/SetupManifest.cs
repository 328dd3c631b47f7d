using SeatGuard.Core.Common;
using System.Globalization;

namespace SeatGuard.Core.Policy;

/// <summary>
/// A small YAML description of a setup, mapped to the framework's five answers and to the named
/// scenarios it matches. See docs/policy.md for the fields and the mapping.
/// </summary>
public sealed record SetupManifest(
    string? Name,
    string RunsFor,
    string Consumers,
    string Work,
    string Harness,
    string DeployedOn,
    int Users,
    int Contributors,
    string Credential,
    bool Resold)
{
    /// <summary>Allowed values of <c>runsFor</c>.</summary>
    public static readonly IReadOnlyList<string> RunsForValues = ["me", "team", "clients", "customers"];
    /// <summary>Allowed values of <c>consumers</c>.</summary>
    public static readonly IReadOnlyList<string> ConsumerValues = ["me", "team", "clients", "customers", "public"];
    /// <summary>Allowed values of <c>work</c>.</summary>
    public static readonly IReadOnlyList<string> WorkValues = ["mine", "employer", "client", "others"];
    /// <summary>Allowed values of <c>harness</c>.</summary>
    public static readonly IReadOnlyList<string> HarnessValues = ["claude-code", "agent-sdk", "first-party-app", "third-party"];
    /// <summary>Allowed values of <c>deployed</c>.</summary>
    public static readonly IReadOnlyList<string> DeployedValues = ["laptop", "ci", "server", "container", "saas"];
    /// <summary>Allowed values of <c>credential</c>.</summary>
    public static readonly IReadOnlyList<string> CredentialValues = ["own-login", "setup-token", "shipped", "shared", "extracted"];

    private static readonly string[] Keys =
        ["name", "runsFor", "consumers", "work", "harness", "deployedOn", "users", "contributors", "credential", "resold"];

    /// <summary>Reads and parses a manifest file.</summary>
    public static SetupManifest Load(string path) => Parse(Common.Files.UserFiles.ReadText(path, "manifest"), path);

    /// <summary>Parses manifest YAML; <paramref name="file"/> names it in errors.</summary>
    public static SetupManifest Parse(string text, string file)
    {
        var map = YamlMap.Parse(text, file);
        map.OnlyKeys(Keys);
        return new SetupManifest(
            map.Text("name"),
            Choice(map, "runsFor", RunsForValues, null),
            Choice(map, "consumers", ConsumerValues, null),
            Choice(map, "work", WorkValues, null),
            Choice(map, "harness", HarnessValues, null),
            Choice(map, "deployedOn", DeployedValues, null),
            Count(map, "users", required: true),
            Count(map, "contributors", required: false),
            Choice(map, "credential", CredentialValues, "own-login"),
            map.YesNo("resold") ?? false);
    }

    private static string Choice(YamlMap map, string key, IReadOnlyList<string> allowed, string? fallback)
    {
        var value = map.Text(key);
        if (value is null)
            return fallback ?? throw map.Error($"the manifest needs '{key}' (one of: {string.Join(", ", allowed)})");
        if (!allowed.Contains(value))
            throw new PolicyDataException(map.File, map.LineOf(key), $"'{key}' is '{value}' (allowed: {string.Join(", ", allowed)})");
        return value;
    }

    private static int Count(YamlMap map, string key, bool required)
    {
        var value = map.Text(key);
        if (value is null)
            return required ? throw map.Error($"the manifest needs '{key}' (how many people, a whole number of at least 1)") : 1;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
            throw new PolicyDataException(map.File, map.LineOf(key), $"'{key}' must be a whole number of at least 1, not '{value}'");
        return n;
    }

    /// <summary>The red scenarios this setup matches, in the book's order.</summary>
    public IReadOnlyList<string> RedMatches()
    {
        var ids = new List<string>();
        if (RunsFor == "customers") ids.Add("product-users-hit-your-token");
        if (DeployedOn == "saas" && (Users > 1 || RunsFor != "me")) ids.Add("multi-tenant-saas");
        if (Credential == "shared") ids.Add("pooled-subscription");
        if (Resold) ids.Add("reselling");
        if (Credential == "extracted") ids.Add("extracting-tokens");
        return ids;
    }

    /// <summary>The gray scenarios this setup matches, in the book's order.</summary>
    public IReadOnlyList<string> GrayMatches()
    {
        var ids = new List<string>();
        if (Work == "client" || RunsFor == "clients" || Consumers == "clients") ids.Add("agency-client-work");
        if (RunsFor == "me" && Consumers == "team") ids.Add("slack-bot-multiple-consumers");
        if (Credential == "shipped") ids.Add("oss-cli-ships-token");
        if (RunsFor == "team" && Credential != "shared") ids.Add("internal-team-tool");
        if (Harness == "third-party") ids.Add("third-party-harness");
        return ids;
    }

    /// <summary>The green scenario that describes this setup best (used when nothing else matched).</summary>
    public string GreenMatch() =>
        Harness == "first-party-app" ? "first-party-apps"
        : DeployedOn == "ci" ? "ci-own-repository"
        : Harness == "agent-sdk" ? "own-agents-sdk"
        : Work == "employer" ? "work-you-author"
        : "personal-scripts";

    /// <summary>The five answers, in framework order, by the same rules a person would apply.</summary>
    public bool[] Answers() =>
    [
        // q1: only I am served — one user, one contributor, my requests, a credential nobody else holds.
        RunsFor == "me" && Users == 1 && Contributors == 1 && Credential is not ("shipped" or "shared"),
        // q2: anyone else reads the output.
        Consumers != "me" || Users > 1,
        // q3: the work is mine (at home or engineering I author for my employer).
        Work is "mine" or "employer" && RunsFor is "me" or "team",
        // q4: a gray scenario.
        GrayMatches().Count > 0,
        // q5: a red scenario.
        RedMatches().Count > 0,
    ];

    /// <summary>
    /// Evaluates the setup through the framework. <see cref="Decision.Matches"/> lists the red and gray
    /// scenarios it matches, or, for a green verdict, the green scenario that describes it.
    /// </summary>
    public Decision Decide(PolicyBook book)
    {
        var answers = Answers();
        var decision = PolicyEvaluator.Evaluate(book, answers, [.. RedMatches(), .. GrayMatches()]);
        if (decision.Tier == Tier.Green) decision = PolicyEvaluator.Evaluate(book, answers, [GreenMatch()]);
        return decision with { Scenario = decision.Matches.FirstOrDefault() };
    }
}
