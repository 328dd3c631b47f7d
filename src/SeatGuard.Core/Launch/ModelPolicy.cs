using System.Globalization;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Policy;

namespace SeatGuard.Core.Launch;

/// <summary>
/// <c>run --model-policy FILE</c>: a small, data-driven choice of model per launch — e.g. heavy reasoning on Opus,
/// routine runs on Sonnet, a step down when the 7-day window is nearly used. The first rule whose conditions hold
/// decides; a <c>--model</c> given on the command line wins unless the rule says <c>override: yes</c>. Off unless a
/// file is given.
/// <code>
/// rules:
///   - name: weekly-limit-near
///     when: { sevenDayAbove: 0.8 }
///     model: sonnet
///     override: yes
///   - name: heavy-reasoning
///     when: { promptMatches: [architecture, design review, prove] }
///     model: opus
///   - name: routine
///     model: sonnet
/// </code>
/// </summary>
public sealed class ModelPolicy(string file, IReadOnlyList<ModelPolicyRule> rules)
{
    private static readonly string[] RuleKeys = ["name", "when", "model", "override"];
    private static readonly string[] WhenKeys = ["promptMatches", "promptLongerThan", "fiveHourAbove", "sevenDayAbove", "modelRequested"];

    /// <summary>The policy file's path.</summary>
    public string File => file;

    /// <summary>The rules, in order (the first that holds decides).</summary>
    public IReadOnlyList<ModelPolicyRule> Rules => rules;

    /// <summary>Reads a model policy file (YAML); bad input → <see cref="InputException"/>.</summary>
    public static ModelPolicy Load(HostContext host, string path)
    {
        var full = Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(host.WorkingDirectory, path));
        var text = UserFiles.ReadText(full, "model policy", m => new InputException($"{path}: {m}"));
        return Parse(text, path);
    }

    /// <summary>Parses a model policy's text; <paramref name="file"/> names it in errors.</summary>
    public static ModelPolicy Parse(string text, string file)
    {
        var doc = YamlMap.Parse(text, file);
        doc.OnlyKeys(["rules"]);
        var rules = new List<ModelPolicyRule>();
        foreach (var map in doc.Maps("rules"))
        {
            map.OnlyKeys(RuleKeys);
            var name = map.Text("name") ?? $"rule {rules.Count + 1}";
            var model = map.Text("model") ?? throw map.Error($"rule '{name}' needs 'model'");
            var when = map.Map("when");
            when?.OnlyKeys(WhenKeys);
            rules.Add(new ModelPolicyRule(name, model, map.YesNo("override") ?? false,
                when?.List("promptMatches") ?? [], when is null ? null : Int(when, "promptLongerThan"),
                when is null ? null : Fraction(when, "fiveHourAbove"), when is null ? null : Fraction(when, "sevenDayAbove"),
                when?.List("modelRequested") ?? []));
        }
        if (rules.Count == 0) throw new PolicyDataException(file, 1, "a model policy needs 'rules' (a list of {name, when, model})");
        return new ModelPolicy(file, rules);
    }

    /// <summary>Decides the model for a launch.</summary>
    /// <param name="requested">The --model on the command line, or null.</param>
    /// <param name="prompt">The prompt text on the command line (empty when it comes on stdin).</param>
    /// <param name="fiveHour">The 5-hour window's last recorded utilisation (0–1) while it has not reset, or null.</param>
    /// <param name="sevenDay">The 7-day window's, likewise.</param>
    public ModelDecision Decide(string? requested, string prompt, double? fiveHour, double? sevenDay)
    {
        foreach (var rule in rules)
        {
            var why = new List<string>();
            if (rule.PromptMatches.Count > 0)
            {
                var hit = rule.PromptMatches.FirstOrDefault(p => prompt.Contains(p, StringComparison.OrdinalIgnoreCase));
                if (hit is null) continue;
                why.Add($"the prompt mentions \"{hit}\"");
            }
            if (rule.PromptLongerThan is { } n)
            {
                if (prompt.Length <= n) continue;
                why.Add($"the prompt is longer than {n} characters");
            }
            if (rule.FiveHourAbove is { } f5)
            {
                if (fiveHour is not { } u5 || u5 <= f5) continue;
                why.Add($"the 5-hour window was last {Percent(u5)} used (above {Percent(f5)})");
            }
            if (rule.SevenDayAbove is { } f7)
            {
                if (sevenDay is not { } u7 || u7 <= f7) continue;
                why.Add($"the 7-day window was last {Percent(u7)} used (above {Percent(f7)})");
            }
            if (rule.ModelRequested.Count > 0)
            {
                bool match = rule.ModelRequested.Any(p => p == "none" ? requested is null : requested is not null && Wildcard.Matches(p, requested));
                if (!match) continue;
                why.Add(requested is null ? "no --model was given" : $"--model {requested} was asked for");
            }
            if (why.Count == 0) why.Add("it applies to every launch");
            if (requested is not null && !rule.Override)
                return new ModelDecision(requested, rule.Name, string.Join(", ", why) + $"; the --model {requested} on the command line wins (the rule does not override)", false);
            bool changed = !string.Equals(requested, rule.Model, StringComparison.OrdinalIgnoreCase);
            return new ModelDecision(rule.Model, rule.Name, string.Join(", ", why), changed);
        }
        return new ModelDecision(null, null, "none of " + rules.Count + " rules matched", false);
    }

    /// <summary>The claude arguments with the decided model (replacing any --model).</summary>
    public static List<string> Apply(IReadOnlyList<string> args, ModelDecision decision)
    {
        if (decision.Model is null || !decision.Changed) return [.. args];
        var list = ClaudeArguments.Parse(args).Without("--model");
        int end = list.IndexOf("--");
        list.Insert(end < 0 ? list.Count : end, "--model");
        list.Insert(end < 0 ? list.Count : end + 1, decision.Model);
        return list;
    }

    private static string Percent(double f) => Math.Round(f * 100).ToString(CultureInfo.InvariantCulture) + "%";

    private static int? Int(YamlMap map, string key) =>
        map.Text(key) is not { } t ? null
        : int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new PolicyDataException(map.File, map.LineOf(key), $"'{key}' must be a whole number, not '{t}'");

    /// <summary>0.8, 80% or 80 (above 1 means percent).</summary>
    private static double? Fraction(YamlMap map, string key)
    {
        if (map.Text(key) is not { } t) return null;
        var s = t.TrimEnd('%').Trim();
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0)
            throw new PolicyDataException(map.File, map.LineOf(key), $"'{key}' must be a fraction (0.8) or a percentage (80%), not '{t}'");
        return t.EndsWith('%') || v > 1 ? v / 100 : v;
    }
}
