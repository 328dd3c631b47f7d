using SeatGuard.Core.Common;
using YamlDotNet.RepresentationModel;

namespace SeatGuard.Core.Scan;

/// <summary>
/// GitHub Actions workflows, parsed with YamlDotNet: Claude Code run on a subscription OAuth token
/// (claude-code-action's <c>claude_code_oauth_token</c>, or <c>CLAUDE_CODE_OAUTH_TOKEN</c> in an <c>env</c>),
/// and who can trigger it (triggers, <c>allowed_non_write_users</c>, <c>allowed_bots</c>, contributors).
/// </summary>
internal static class WorkflowDetector
{
    private static readonly string[] CommentTriggers = ["issue_comment", "issues", "pull_request_review_comment", "pull_request_review", "discussion", "discussion_comment"];

    private sealed class Analysis
    {
        public readonly List<YamlNode> OAuthUses = [];
        public readonly List<YamlNode> OpenToAnyone = [];
        public readonly List<YamlNode> OthersCanTrigger = [];
    }

    public static void Detect(ScanUnit unit, IReadOnlyList<ScanRule> rules, List<Hit> hits)
    {
        if (!unit.WholeFile || rules.Count == 0) return;
        var a = Analyze(unit.Text);
        if (a is null || a.OAuthUses.Count == 0) return;
        int contributors = -1;
        bool contributorsKnown = false;
        foreach (var rule in rules)
        {
            switch (rule.Check)
            {
                case "open-to-anyone":
                    foreach (var n in a.OpenToAnyone) hits.Add(At(rule, n));
                    break;
                case "others-can-trigger":
                    foreach (var n in a.OthersCanTrigger) hits.Add(At(rule, n));
                    break;
                case "shared-repo" or "own-repo":
                    if (!contributorsKnown) { contributors = unit.HumanContributors(); contributorsKnown = true; }
                    bool shared = contributors > 1;
                    bool own = contributors == 1 && a.OpenToAnyone.Count == 0 && a.OthersCanTrigger.Count == 0;
                    if (rule.Check == "shared-repo" ? shared : own) hits.Add(At(rule, a.OAuthUses[0]));
                    break;
            }
        }
    }

    private static Hit At(ScanRule rule, YamlNode node) =>
        new(rule, (int)Math.Max(0, node.Start.Index), Math.Max(1, (int)(node.End.Index - node.Start.Index)), null);

    private static Analysis? Analyze(string text)
    {
        YamlStream stream;
        try
        {
            // A workflow file is repository data: bounded depth and alias expansion (GitHub accepts anchors).
            stream = Common.YamlText.Load(text, allowAliases: true);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return null;
        var a = new Analysis();

        foreach (var (name, node) in Triggers(root))
        {
            if (name == "pull_request_target") a.OpenToAnyone.Add(node);
            else if (CommentTriggers.Contains(name)) a.OthersCanTrigger.Add(node);
        }
        CollectEnvOAuth(root, a);
        if (Get(root, "jobs") is YamlMappingNode jobs)
        {
            foreach (var job in jobs.Children.Values.OfType<YamlMappingNode>())
            {
                CollectEnvOAuth(job, a);
                if (Get(job, "steps") is not YamlSequenceNode steps) continue;
                foreach (var step in steps.Children.OfType<YamlMappingNode>())
                {
                    CollectEnvOAuth(step, a);
                    if (Get(step, "uses") is not YamlScalarNode { Value: { } uses } ||
                        !uses.StartsWith("anthropics/claude-code-", StringComparison.OrdinalIgnoreCase)) continue;
                    if (Get(step, "with") is not YamlMappingNode with) continue;
                    var oauthKey = with.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == "claude_code_oauth_token");
                    if (oauthKey is not null) a.OAuthUses.Add(oauthKey);
                    foreach (var key in new[] { "allowed_non_write_users", "allowed_bots" })
                    {
                        if (Get(with, key) is not YamlScalarNode { Value: { } v } node) continue;
                        v = v.Trim().Trim('"', '\'');
                        if (v.Length == 0) continue;
                        (v == "*" ? a.OpenToAnyone : a.OthersCanTrigger).Add(node);
                    }
                }
            }
        }
        return a;
    }

    private static void CollectEnvOAuth(YamlMappingNode owner, Analysis a)
    {
        if (Get(owner, "env") is not YamlMappingNode env) return;
        foreach (var key in env.Children.Keys.OfType<YamlScalarNode>())
        {
            if (key.Value == "CLAUDE_CODE_OAUTH_TOKEN") a.OAuthUses.Add(key);
        }
    }

    private static IEnumerable<(string Name, YamlNode Node)> Triggers(YamlMappingNode root)
    {
        // YAML 1.1 readers turn a bare `on` into true; YamlDotNet's representation keeps the text.
        var on = Get(root, "on") ?? Get(root, "true");
        switch (on)
        {
            case YamlScalarNode { Value: { } s }:
                yield return (s, on);
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children.OfType<YamlScalarNode>()) yield return (item.Value ?? "", item);
                break;
            case YamlMappingNode map:
                foreach (var key in map.Children.Keys.OfType<YamlScalarNode>()) yield return (key.Value ?? "", key);
                break;
        }
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
}
