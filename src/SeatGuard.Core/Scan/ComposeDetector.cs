using YamlDotNet.RepresentationModel;

namespace SeatGuard.Core.Scan;

/// <summary>
/// Docker Compose files, parsed: a named volume mounted at a Claude Code configuration directory
/// (<c>…/.claude</c>) holds one login; when two or more services mount the same volume, they all run on
/// that one seat (check <c>shared-config-volume</c>). A volume used by a single service, where the container
/// logs in by itself, is not reported.
/// </summary>
internal static class ComposeDetector
{
    public static readonly string[] Checks = ["shared-config-volume"];

    public static void Detect(ScanUnit unit, ScanRule rule, List<Hit> hits)
    {
        if (!unit.WholeFile || rule.Check != "shared-config-volume") return;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(unit.Text));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return;
        if (Get(root, "services") is not YamlMappingNode services) return;
        var uses = new Dictionary<string, List<(string Service, YamlNode Node)>>(StringComparer.Ordinal);
        foreach (var (nameNode, serviceNode) in services.Children)
        {
            if (nameNode is not YamlScalarNode { Value: { } service } || serviceNode is not YamlMappingNode svc) continue;
            if (Get(svc, "volumes") is not YamlSequenceNode volumes) continue;
            foreach (var v in volumes.Children)
            {
                string? source = null, target = null;
                switch (v)
                {
                    case YamlScalarNode { Value: { } s }:
                        var parts = s.Split(':');
                        if (parts.Length >= 2) (source, target) = (parts[0], parts[1]);
                        break;
                    case YamlMappingNode m:
                        source = (Get(m, "source") as YamlScalarNode)?.Value;
                        target = (Get(m, "target") as YamlScalarNode)?.Value;
                        if ((Get(m, "type") as YamlScalarNode)?.Value is { } type && type != "volume") source = null;
                        break;
                }
                if (source is null || target is null || !IsNamedVolume(source) || !IsClaudeConfig(target)) continue;
                if (!uses.TryGetValue(source, out var list)) uses[source] = list = [];
                list.Add((service, v));
            }
        }
        foreach (var list in uses.Values)
        {
            if (list.Select(x => x.Service).Distinct().Count() < 2) continue;
            foreach (var (_, node) in list) hits.Add(new Hit(rule, (int)node.Start.Index, Math.Max(1, (int)(node.End.Index - node.Start.Index)), null));
        }
    }

    private static bool IsNamedVolume(string source) =>
        source.Length > 0 && !source.StartsWith('.') && !source.StartsWith('/') && !source.StartsWith('~') && !source.StartsWith('$') && !source.Contains('/');

    private static bool IsClaudeConfig(string target)
    {
        var t = target.TrimEnd('/');
        return t.EndsWith("/.claude", StringComparison.Ordinal) || t == ".claude";
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
}
