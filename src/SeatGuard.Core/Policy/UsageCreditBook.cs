using System.Text.RegularExpressions;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Policy;

/// <summary>
/// The policy book's <c>usageCredits</c> section: the embedded rules, with a user policy file's rules laid over them
/// by id (the same file <see cref="PolicyBookLoader"/> reads). Every problem names the file and line at fault.
/// </summary>
public static partial class UsageCreditBook
{
    /// <summary>The policy book section that holds the rules.</summary>
    public const string SectionName = "usageCredits";

    private static readonly string[] Keys = ["id", "title", "models", "plans", "draws", "since", "status", "confidence", "setting", "headless", "note", "sources"];
    private static readonly string[] DrawsValues = [UsageCreditRule.FirstRequest, UsageCreditRule.AfterAllowance];
    private static readonly string[] StatusValues = [UsageCreditRule.Active, "paused", "retired"];
    private static readonly string[] ConfidenceValues = ["verified", "reported", "uncertain"];

    private static readonly Lazy<IReadOnlyList<UsageCreditRule>> Embedded = new(() => Load([(PolicyBookLoader.EmbeddedName, PolicyBookLoader.ReadEmbedded())]));

    /// <summary>The rules of the policy book built into SeatGuard.</summary>
    public static IReadOnlyList<UsageCreditRule> LoadEmbedded() => Embedded.Value;

    /// <summary>
    /// The rules of the book in force (<see cref="PolicyBookLoader.BaseBook"/>: the one <c>policy update</c> installed, else
    /// the embedded one; a base book without this section keeps the embedded rules) plus those of the user policy file
    /// (<paramref name="explicitFile"/>, else ~/.config/seatguard/policy.yaml).
    /// </summary>
    public static IReadOnlyList<UsageCreditRule> Load(HostContext host, string? explicitFile = null)
    {
        var files = new List<(string Name, string Text)>();
        var (name, text) = PolicyBookLoader.BaseBook(host);
        if (name != PolicyBookLoader.EmbeddedName && !YamlMap.Parse(text, name).Has(SectionName)) (name, text) = (PolicyBookLoader.EmbeddedName, PolicyBookLoader.ReadEmbedded());
        files.Add((name, text));
        var user = PolicyBookLoader.UserFile(host, explicitFile);
        if (user is not null) files.Add((user, UserFiles.ReadText(user, "policy file", m => new PolicyDataException(user, 0, m))));
        return files.Count == 1 && name == PolicyBookLoader.EmbeddedName ? LoadEmbedded() : Load(files);
    }

    /// <summary>The rules of the given files, later files replacing earlier rules with the same id.</summary>
    public static IReadOnlyList<UsageCreditRule> Load(IReadOnlyList<(string Name, string Text)> files)
    {
        var rules = new List<UsageCreditRule>();
        foreach (var (name, text) in files)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var map in YamlMap.Parse(text, name).Maps(SectionName))
            {
                var rule = Read(map);
                if (!seen.Add(rule.Id)) throw map.Error($"'{rule.Id}' appears twice in '{SectionName}'");
                int at = rules.FindIndex(r => r.Id == rule.Id);
                if (at >= 0) rules[at] = rule;
                else rules.Add(rule);
            }
        }
        return rules;
    }

    private static UsageCreditRule Read(YamlMap map)
    {
        map.OnlyKeys(Keys);
        string Required(string key) => map.Text(key) ?? throw new PolicyDataException(map.File, map.LineOf(key), $"a '{SectionName}' entry needs '{key}'");
        string OneOf(string key, string[] allowed, string? fallback)
        {
            var value = map.Text(key) ?? fallback ?? throw new PolicyDataException(map.File, map.LineOf(key), $"a '{SectionName}' entry needs '{key}'");
            return allowed.Contains(value) ? value : throw new PolicyDataException(map.File, map.LineOf(key), $"'{key}' is '{value}' (allowed: {string.Join(", ", allowed)})");
        }
        string DateOf(string key, string value) =>
            DatePattern().IsMatch(value) ? value : throw new PolicyDataException(map.File, map.LineOf(key), $"'{key}' must be YYYY, YYYY-MM or YYYY-MM-DD, not '{value}'");

        var id = Required("id");
        var models = map.List("models") is { Count: > 0 } m ? m : throw new PolicyDataException(map.File, map.LineOf("models"), $"'{id}' needs 'models' (patterns; \"*\" for every model)");
        var plans = map.List("plans") is { Count: > 0 } p ? p : throw new PolicyDataException(map.File, map.LineOf("plans"), $"'{id}' needs 'plans'");
        if (plans.FirstOrDefault(x => !SubscriptionPlans.Names.Contains(x)) is { } badPlan)
            throw new PolicyDataException(map.File, map.LineOf("plans"), $"'plans' has '{badPlan}' (allowed: {string.Join(", ", SubscriptionPlans.Names)})");
        var sources = new List<UsageCreditSource>();
        foreach (var s in map.Maps("sources"))
        {
            s.OnlyKeys(["url", "read"]);
            var url = s.Text("url") ?? throw s.Error("a source needs 'url'");
            var read = s.Text("read");
            if (read is not null && (!DatePattern().IsMatch(read) || read.Length != 10)) throw new PolicyDataException(s.File, s.LineOf("read"), $"'read' must be YYYY-MM-DD, not '{read}'");
            sources.Add(new UsageCreditSource(url, read));
        }
        if (sources.Count == 0) throw new PolicyDataException(map.File, map.LineOf("sources"), $"'{id}' needs at least one source (url and read date)");
        return new UsageCreditRule(id, Required("title"), models, plans, OneOf("draws", DrawsValues, null), DateOf("since", Required("since")),
            OneOf("status", StatusValues, UsageCreditRule.Active), OneOf("confidence", ConfidenceValues, null), map.Text("setting"),
            map.YesNo("headless") ?? false, map.Text("note"), sources);
    }

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex DatePattern();
}
