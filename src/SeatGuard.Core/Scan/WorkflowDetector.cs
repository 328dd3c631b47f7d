using System.Text.RegularExpressions;
using SeatGuard.Core.Common;
using YamlDotNet.RepresentationModel;

namespace SeatGuard.Core.Scan;

/// <summary>
/// GitHub Actions workflows, parsed with YamlDotNet. A Claude step is a claude-code-action or
/// claude-code-base-action step (Anthropic's or a fork's), another action that takes a Claude OAuth
/// input, or a job that runs the <c>claude</c> CLI with <c>CLAUDE_CODE_OAUTH_TOKEN</c> in its
/// environment. Who can make it run comes from the workflow's real triggers (a wildcard allow-list on a
/// schedule-only workflow opens nothing), from the action's own write-access check (which
/// claude-code-base-action, forks and raw CLI steps do not have) and from the job's and step's
/// <c>if:</c> gates (<see cref="WorkflowGate"/>). Checks: open-to-anyone, others-can-trigger,
/// shared-repo, own-repo, owner-only, third-party-action, login-credentials, output-shared.
/// </summary>
internal static class WorkflowDetector
{
    public static readonly string[] Checks = ["open-to-anyone", "others-can-trigger", "shared-repo", "own-repo", "owner-only", "third-party-action", "login-credentials", "output-shared"];

    /// <summary>Events whose actor need not have write access to the repository (pull_request_target runs fork code with secrets).</summary>
    private static readonly string[] OutsiderEvents = ["issue_comment", "issues", "pull_request_review_comment", "pull_request_review", "discussion", "discussion_comment", "pull_request_target", "workflow_run"];
    private static readonly string[] OAuthSecretNames = ["CLAUDE_CODE_OAUTH_TOKEN", "CLAUDE_OAUTH_TOKEN", "CLAUDE_CODE_TOKEN", "CLAUDE_SETUP_TOKEN"];
    private static readonly string[] LoginInputs = ["claudeaccesstoken", "claudereftreshtoken", "clauderefreshtoken", "claudeexpiresat", "claudecredentials", "claudecredentialsjson", "claudeoauthcredentials"];
    private static readonly string[] LoginSecretNames = ["CLAUDE_ACCESS_TOKEN", "CLAUDE_REFRESH_TOKEN", "CLAUDE_OAUTH_ACCESS_TOKEN", "CLAUDE_OAUTH_REFRESH_TOKEN", "CLAUDE_OAUTH_CREDENTIALS", "CLAUDE_CREDENTIALS", "CLAUDE_CREDENTIALS_JSON"];

    private static readonly Regex RunsClaude = new(@"(^|[\s;&|(`$""'])(npx\s+(-y\s+)?@anthropic-ai/claude-code(@\S+)?|(\S*/)?claude)(\s+(-p|--print|-c|--continue|--resume|--output-format|--model|--allowedTools|--allowed-tools|--max-turns|--dangerously-skip-permissions|--permission-mode|--append-system-prompt|--mcp-config|""|')|\s*$|\s*\|)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex PostsToChat = new(@"(hooks\.slack\.com|slack\.com/api/chat\.postMessage|discord(app)?\.com/api/webhooks|webhook\.office\.com|SLACK_WEBHOOK|DISCORD_WEBHOOK|TEAMS_WEBHOOK|chat\.googleapis\.com)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private enum StepKind { Official, Base, ThirdParty, Cli }

    private sealed record ClaudeStep(YamlNode Node, StepKind Kind, WorkflowAudience Who, IReadOnlyList<YamlNode> OpenNodes, IReadOnlyList<YamlNode> OthersNodes, bool ThirdParty);

    private sealed class Analysis
    {
        public readonly List<ClaudeStep> Steps = [];
        public readonly List<YamlNode> LoginCredentials = [];
        public readonly List<YamlNode> OutputShared = [];
    }

    public static void Detect(ScanUnit unit, IReadOnlyList<ScanRule> rules, List<Hit> hits)
    {
        if (!unit.WholeFile || rules.Count == 0) return;
        var a = Analyze(unit.Text);
        if (a is null) return;
        int contributors = -1;
        bool contributorsKnown = false;
        int Contributors()
        {
            if (!contributorsKnown) { contributors = unit.HumanContributors(); contributorsKnown = true; }
            return contributors;
        }
        foreach (var rule in rules)
        {
            switch (rule.Check)
            {
                case "open-to-anyone":
                    foreach (var s in a.Steps.Where(s => s.Who.Who == WorkflowAudience.Kind.Anyone)) Add(hits, rule, s.OpenNodes.Count > 0 ? s.OpenNodes : [s.Node]);
                    break;
                case "others-can-trigger":
                    foreach (var s in a.Steps.Where(s => s.Who.Who != WorkflowAudience.Kind.Anyone && !s.Who.IsOnePerson && s.OthersNodes.Count > 0)) Add(hits, rule, s.OthersNodes);
                    break;
                case "owner-only":
                    foreach (var s in a.Steps.Where(s => s.Who.IsOnePerson)) hits.Add(At(rule, s.Node));
                    break;
                case "third-party-action":
                    foreach (var s in a.Steps.Where(s => s.ThirdParty)) hits.Add(At(rule, s.Node));
                    break;
                case "login-credentials":
                    Add(hits, rule, a.LoginCredentials);
                    break;
                case "output-shared":
                    if (a.Steps.Count > 0) Add(hits, rule, a.OutputShared);
                    break;
                case "shared-repo":
                    // Several people push to the repository and the job is not gated to one person: several people's work runs on one seat.
                    var pooled = a.Steps.FirstOrDefault(s => !s.Who.IsOnePerson);
                    if (pooled is not null && Contributors() > 1) hits.Add(At(rule, pooled.Node));
                    break;
                case "own-repo":
                    // One human contributor, or none known (not a git repository, a file it does not track): only people who push run it.
                    if (a.Steps.Count > 0 && a.Steps.All(s => s.Who.Who == WorkflowAudience.Kind.Writers && s.OthersNodes.Count == 0) && Contributors() <= 1) hits.Add(At(rule, a.Steps[0].Node));
                    break;
            }
        }
    }

    private static void Add(List<Hit> hits, ScanRule rule, IEnumerable<YamlNode> nodes)
    {
        foreach (var n in nodes) hits.Add(At(rule, n));
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
        var triggers = Triggers(root).ToList();
        var outsider = triggers.Where(t => OutsiderEvents.Contains(t.Name)).ToList();
        bool pullRequest = triggers.Any(t => t.Name == "pull_request");
        var workflowEnv = EnvOAuth(root);
        CollectLoginEnv(root, a);
        if (Get(root, "jobs") is not YamlMappingNode jobs) return a;
        foreach (var job in jobs.Children.Values.OfType<YamlMappingNode>())
        {
            var jobGate = WorkflowGate.Of(Scalar(job, "if"));
            var jobEnv = EnvOAuth(job) ?? workflowEnv;
            CollectLoginEnv(job, a);
            if (Get(job, "steps") is not YamlSequenceNode steps) continue;
            bool jobHasClaude = false;
            var chatPosts = new List<YamlNode>();
            foreach (var step in steps.Children.OfType<YamlMappingNode>())
            {
                CollectLoginEnv(step, a);
                var gate = jobGate.And(WorkflowGate.Of(Scalar(step, "if")));
                var uses = Scalar(step, "uses");
                var run = Scalar(step, "run");
                if (uses is not null && (uses.Contains("slack-github-action", StringComparison.OrdinalIgnoreCase) || uses.Contains("discord", StringComparison.OrdinalIgnoreCase) && uses.Contains("webhook", StringComparison.OrdinalIgnoreCase)))
                    chatPosts.Add(Get(step, "uses")!);
                if (run is not null && PostsToChat.IsMatch(run)) chatPosts.Add(Get(step, "run")!);
                var env = EnvOAuth(step) ?? jobEnv;
                if (uses is not null)
                {
                    var action = uses.Split('@')[0].ToLowerInvariant();
                    bool official = action is "anthropics/claude-code-action";
                    // Forks of claude-code-action keep its write-access check; the base action, its forks and other wrappers have none.
                    bool actionFork = !official && action.EndsWith("/claude-code-action", StringComparison.Ordinal);
                    bool baseAction = action.EndsWith("/claude-code-base-action", StringComparison.Ordinal) || action.EndsWith("/base-action", StringComparison.Ordinal) && action.Contains("claude", StringComparison.Ordinal);
                    bool claudeAction = official || actionFork || baseAction || action.Contains("claude", StringComparison.Ordinal);
                    var with = Get(step, "with") as YamlMappingNode;
                    YamlNode? oauthKey = with?.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => IsOAuthInput(k.Value, with.Children[k], claudeAction));
                    if (with is not null)
                    {
                        foreach (var (key, value) in with.Children)
                        {
                            if (key is YamlScalarNode { Value: { } name } && (LoginInputs.Contains(Normalize(name)) || Normalize(name) == "useoauth" && value is YamlScalarNode { Value: "true" or "True" } || References(value, LoginSecretNames)))
                                a.LoginCredentials.Add(key);
                        }
                    }
                    if (oauthKey is null && claudeAction && env is not null) oauthKey = env;
                    if (oauthKey is not null)
                    {
                        jobHasClaude = true;
                        var kind = official || actionFork ? StepKind.Official : baseAction ? StepKind.Base : StepKind.ThirdParty;
                        a.Steps.Add(Step(oauthKey, kind, outsider, pullRequest, with, gate, thirdParty: !action.StartsWith("anthropics/", StringComparison.Ordinal)));
                    }
                    else if (claudeAction && a.LoginCredentials.Count > 0) jobHasClaude = true;
                    continue;
                }
                if (run is not null && RunsClaude.IsMatch(run) && env is not null)
                {
                    jobHasClaude = true;
                    a.Steps.Add(Step(env, StepKind.Cli, outsider, pullRequest, null, gate, thirdParty: false));
                }
            }
            if (jobHasClaude) a.OutputShared.AddRange(chatPosts);
        }
        return a;
    }

    private static ClaudeStep Step(YamlNode node, StepKind kind, List<(string Name, YamlNode Node)> outsider, bool pullRequest, YamlMappingNode? with, WorkflowAudience gate, bool thirdParty)
    {
        var open = new List<YamlNode>();
        var others = new List<YamlNode>();
        // Who the triggers let in: the official action lets only people with write access run it unless told otherwise.
        var who = WorkflowAudience.Writers;
        foreach (var (name, trigger) in outsider)
        {
            bool fork = name == "pull_request_target";
            if (kind == StepKind.Official && !fork) { others.Add(trigger); continue; }
            open.Add(trigger);
            who = WorkflowAudience.Anyone;
        }
        if (with is not null)
        {
            foreach (var key in new[] { "allowed_non_write_users", "allowed_bots" })
            {
                if (Get(with, key) is not YamlScalarNode { Value: { } v } allow) continue;
                v = v.Trim().Trim('"', '\'');
                if (v.Length == 0) continue;
                // A wildcard opens the seat only on events outsiders cause; bots also open pull requests,
                // which run with the repository's secrets when the bot pushes to the repository itself.
                if (outsider.Count > 0 && v == "*") { open.Add(allow); who = WorkflowAudience.Anyone; }
                else if (outsider.Count > 0 || key == "allowed_bots" && pullRequest) others.Add(allow);
            }
        }
        who = who.And(gate);
        // A gate that leaves one person makes the triggers harmless; one that leaves writers closes what was open.
        if (who.Who != WorkflowAudience.Kind.Anyone) { others.AddRange(open); open.Clear(); }
        return new ClaudeStep(node, kind, who, open, others, thirdParty);
    }

    private static bool IsOAuthInput(string? key, YamlNode value, bool claudeAction)
    {
        if (key is null) return false;
        var k = Normalize(key);
        if (k == "claudecodeoauthtoken") return true;
        if (claudeAction && k.Contains("oauth", StringComparison.Ordinal) && k.EndsWith("token", StringComparison.Ordinal)) return true;
        return References(value, OAuthSecretNames) && (claudeAction || k.Contains("claude", StringComparison.Ordinal));
    }

    private static bool References(YamlNode value, string[] names) =>
        value is YamlScalarNode { Value: { } v } && names.Any(n => v.Contains("secrets." + n, StringComparison.Ordinal) || v.Contains("env." + n, StringComparison.Ordinal));

    private static string Normalize(string key) => key.Replace("_", "").Replace("-", "").ToLowerInvariant();

    /// <summary>The env key that hands the subscription OAuth token to the steps, or null.</summary>
    private static YamlNode? EnvOAuth(YamlMappingNode owner) =>
        Get(owner, "env") is YamlMappingNode env ? env.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => OAuthSecretNames.Contains(k.Value ?? "") || k.Value == "CLAUDE_CODE_OAUTH_TOKEN") : null;

    private static void CollectLoginEnv(YamlMappingNode owner, Analysis a)
    {
        if (Get(owner, "env") is not YamlMappingNode env) return;
        foreach (var (key, value) in env.Children)
        {
            if (key is YamlScalarNode { Value: { } k } && (LoginSecretNames.Contains(k) || References(value, LoginSecretNames))) a.LoginCredentials.Add(key);
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

    private static string? Scalar(YamlMappingNode map, string key) => Get(map, key) is YamlScalarNode { Value: { } v } ? v : null;

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
}
