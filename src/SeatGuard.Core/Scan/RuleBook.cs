using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SeatGuard.Core.Scan;

/// <summary>
/// The scan rules: the embedded <c>Scan/rules.yaml</c>, optionally extended by a user file whose
/// <c>rules:</c> add (or replace, by id) and whose <c>disable:</c> removes rules.
/// Every problem in a rules file is reported as <c>file:line: what</c>.
/// </summary>
public sealed class RuleBook
{
    /// <summary>The embedded rules' resource name.</summary>
    public const string EmbeddedName = "rules.yaml";
    private const string BuiltIn = "built-in";
    private static readonly string[] Detectors = ["token", "pattern", "workflow", "settings", "compose"];
    private static readonly string[] WorkflowChecks = [.. WorkflowDetector.Checks];
    private static readonly string[] ComposeChecks = [.. ComposeDetector.Checks];

    /// <summary>The effective rules: built-in ones, plus the user file's additions, minus what it disables.</summary>
    public IReadOnlyList<ScanRule> Rules { get; }

    private RuleBook(IReadOnlyList<ScanRule> rules) => Rules = rules;

    /// <summary>The built-in rules, plus the user file when given.</summary>
    public static RuleBook Load(string? userRulesPath = null)
    {
        var rules = new List<ScanRule>(BuiltInRules.Value);
        if (userRulesPath is not null)
        {
            var text = UserFiles.ReadText(userRulesPath, "rules file", m => new ScanInputException(m));
            Merge(rules, text, userRulesPath, userRulesPath);
        }
        return new RuleBook(rules);
    }

    // The built-in rules are parsed once per process; a rule is immutable (its expressions are built on first use, once).
    private static readonly Lazy<IReadOnlyList<ScanRule>> BuiltInRules = new(() =>
    {
        var rules = new List<ScanRule>();
        Merge(rules, EmbeddedData.ReadText(EmbeddedName), "rules.yaml (built-in)", BuiltIn);
        return rules.ToArray();
    });

    private static void Merge(List<ScanRule> rules, string yaml, string fileName, string origin)
    {
        YamlStream stream;
        try
        {
            stream = Common.YamlText.Load(yaml, allowAliases: true); // the built-in rules share fragments through anchors
        }
        catch (YamlException ex)
        {
            throw new ScanInputException($"{fileName}:{ex.Start.Line}: {ex.Message}");
        }
        if (stream.Documents.Count == 0) return;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ScanInputException($"{fileName}:{stream.Documents[0].RootNode.Start.Line}: expected a mapping with 'rules:' and/or 'disable:'");

        if (Child(root, "disable") is { } disable)
        {
            foreach (var idNode in Sequence(disable, fileName, "disable"))
            {
                var id = Scalar(idNode, fileName, "disable entry");
                if (rules.RemoveAll(r => r.Id == id) == 0)
                    throw new ScanInputException($"{fileName}:{idNode.Start.Line}: disable: no rule with id '{id}'");
            }
        }
        if (Child(root, "rules") is { } list)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in Sequence(list, fileName, "rules"))
            {
                var rule = ParseRule(node, fileName, origin);
                if (!seen.Add(rule.Id)) throw new ScanInputException($"{fileName}:{node.Start.Line}: duplicate rule id '{rule.Id}'");
                int existing = rules.FindIndex(r => r.Id == rule.Id);
                if (existing >= 0) rules[existing] = rule; else rules.Add(rule);
            }
        }
    }

    private static ScanRule ParseRule(YamlNode node, string file, string origin)
    {
        if (node is not YamlMappingNode map) throw new ScanInputException($"{file}:{node.Start.Line}: a rule must be a mapping");
        string Req(string key) => Child(map, key) is { } n ? Scalar(n, file, key) : throw new ScanInputException($"{file}:{map.Start.Line}: rule is missing '{key}'");
        string? Opt(string key) => Child(map, key) is { } n ? Scalar(n, file, key) : null;
        IReadOnlyList<string> List(string key) => Child(map, key) is { } n ? Sequence(n, file, key).Select(x => Scalar(x, file, key)).ToArray() : [];
        int Int(string key, int fallback)
        {
            var text = Opt(key);
            if (text is null) return fallback;
            return int.TryParse(text, out var v) && v >= 0 ? v : throw new ScanInputException($"{file}:{Child(map, key)!.Start.Line}: '{key}' must be a non-negative number");
        }
        Lazy<Regex> Build(string text, YamlNode at, string key)
        {
            Regex Make() => new(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
            // Built-in expressions are covered by tests and built on first use; a user's are checked now.
            if (origin == BuiltIn) return new Lazy<Regex>(Make);
            try
            {
                var regex = Make();
                return new Lazy<Regex>(regex);
            }
            catch (ArgumentException ex)
            {
                throw new ScanInputException($"{file}:{at.Start.Line}: bad regular expression in '{key}': {ex.Message}");
            }
        }
        Lazy<Regex>? Rx(string key) => Child(map, key) is { } n ? Build(Scalar(n, file, key), n, key) : null;
        // One expression or a list of them.
        IReadOnlyList<Lazy<Regex>> Rxs(string key) => Child(map, key) switch
        {
            null => [],
            YamlSequenceNode seq => seq.Children.Select(x => Build(Scalar(x, file, key), x, key)).ToArray(),
            var n => [Build(Scalar(n, file, key), n, key)],
        };

        var id = Req("id");
        if (!Regex.IsMatch(id, "^[a-z0-9]+(-[a-z0-9]+)*$")) throw new ScanInputException($"{file}:{map.Start.Line}: rule id '{id}' must be kebab-case");
        var tierText = Req("tier");
        if (!Tiers.TryParse(tierText, out var tier)) throw new ScanInputException($"{file}:{Child(map, "tier")!.Start.Line}: tier must be red, gray or green, not '{tierText}'");
        var detector = Req("detector");
        if (!Detectors.Contains(detector)) throw new ScanInputException($"{file}:{Child(map, "detector")!.Start.Line}: unknown detector '{detector}' ({string.Join(", ", Detectors)})");
        var scope = Opt("scope") ?? "file";
        if (scope is not ("file" or "package")) throw new ScanInputException($"{file}:{Child(map, "scope")!.Start.Line}: scope must be file or package, not '{scope}'");
        var context = Opt("context") ?? (detector == "token" ? "any" : "aware");
        if (context is not ("any" or "aware")) throw new ScanInputException($"{file}:{Child(map, "context")!.Start.Line}: context must be any or aware, not '{context}'");

        var rule = new ScanRule
        {
            Id = id,
            Tier = tier,
            Title = Req("title"),
            Message = Req("message"),
            Fix = Req("fix"),
            Scenario = Opt("scenario"),
            Detector = detector,
            Keywords = List("keywords"),
            Prefilter = Child(map, "prefilter") is null ? List("keywords") : List("prefilter"),
            Paths = List("paths").Select(p => new PathGlob(p)).ToArray(),
            ExcludePaths = List("exclude").Select(p => new PathGlob(p)).ToArray(),
            TokenPrefix = Opt("prefix"),
            TokenMin = Int("length", Int("min", 0)),
            TokenMax = Int("length", Int("max", 0)),
            TokenSuffix = Opt("suffix"),
            PatternRegex = Rx("pattern"),
            RequiresAll = Rxs("requires"),
            UnlessAny = Rxs("unless"),
            PackageScope = scope == "package",
            Window = Opt("window") == "file" ? PatternDetector.WholeFile : Int("window", 0),
            AnyContext = context == "any",
            Check = Opt("check"),
            SettingsKeys = List("keys"),
            Origin = origin,
            Examples = Examples(map, file),
        };
        string where = $"{file}:{map.Start.Line}: rule '{id}'";
        if (rule.Keywords.Count == 0 || rule.Keywords.Any(string.IsNullOrWhiteSpace)) throw new ScanInputException($"{where} needs 'keywords' (at least one word the detector's matches contain)");
        if (rule.Prefilter.Count == 0 || rule.Prefilter.Any(string.IsNullOrWhiteSpace)) throw new ScanInputException($"{where}: 'prefilter' needs at least one word");
        switch (detector)
        {
            case "token" when rule.TokenPrefix is null || rule.TokenMin <= 0 || rule.TokenMax < rule.TokenMin:
                throw new ScanInputException($"{where}: a token rule needs 'prefix' and 'length' or 'min' <= 'max'");
            case "pattern" when rule.PatternRegex is null:
                throw new ScanInputException($"{where}: a pattern rule needs 'pattern'");
            case "workflow" when !WorkflowChecks.Contains(rule.Check):
                throw new ScanInputException($"{where}: a workflow rule needs 'check' ({string.Join(", ", WorkflowChecks)})");
            case "compose" when !ComposeChecks.Contains(rule.Check):
                throw new ScanInputException($"{where}: a compose rule needs 'check' ({string.Join(", ", ComposeChecks)})");
            case "settings" when rule.SettingsKeys.Count == 0:
                throw new ScanInputException($"{where}: a settings rule needs 'keys'");
        }
        return rule;
    }

    /// <summary><c>examples:</c> a list of <c>{path, hit}</c> or <c>{path, miss}</c>; <c>line</c> (optional) is where a hit must be reported.</summary>
    private static IReadOnlyList<RuleExample> Examples(YamlMappingNode map, string file)
    {
        if (Child(map, "examples") is not { } node) return [];
        var list = new List<RuleExample>();
        foreach (var item in Sequence(node, file, "examples"))
        {
            if (item is not YamlMappingNode e) throw new ScanInputException($"{file}:{item.Start.Line}: an example must be a mapping with 'hit' or 'miss'");
            var hit = Child(e, "hit");
            var miss = Child(e, "miss");
            if ((hit is null) == (miss is null)) throw new ScanInputException($"{file}:{item.Start.Line}: an example has exactly one of 'hit' and 'miss'");
            var path = Child(e, "path") is { } p ? Scalar(p, file, "path") : "example.txt";
            int line = Child(e, "line") is { } l && int.TryParse(Scalar(l, file, "line"), out var n) ? n : 0;
            list.Add(new RuleExample(hit is not null, path, Scalar(hit ?? miss!, file, hit is not null ? "hit" : "miss"), line));
        }
        return list;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static IEnumerable<YamlNode> Sequence(YamlNode node, string file, string what) =>
        node is YamlSequenceNode seq ? seq.Children : throw new ScanInputException($"{file}:{node.Start.Line}: '{what}' must be a list");

    private static string Scalar(YamlNode node, string file, string what) =>
        node is YamlScalarNode { Value: { } v } ? v : throw new ScanInputException($"{file}:{node.Start.Line}: '{what}' must be a single value");
}
