using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SeatGuard.Core.Policy;

/// <summary>
/// A YAML mapping read strictly, with every error pointing at the file and line at fault. The
/// representation model is used instead of object binding so that unknown keys, wrong shapes and bad
/// values are all reported with their line, and so that nothing depends on reflection.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    public string File { get; }
    public long Line => _node.Start.Line;

    private YamlMap(YamlMappingNode node, string file)
    {
        _node = node;
        File = file;
    }

    /// <summary>Parses a whole document whose top level must be a mapping; an empty document is an empty mapping.</summary>
    public static YamlMap Parse(string text, string file)
    {
        YamlStream stream;
        try
        {
            stream = Common.YamlText.Load(text);
        }
        catch (YamlException ex)
        {
            throw new PolicyDataException(file, Math.Max(1, ex.Start.Line), "not valid YAML: " + FirstLine(ex.InnerException?.Message ?? ex.Message));
        }
        if (stream.Documents.Count == 0) return new YamlMap(new YamlMappingNode(), file);
        if (stream.Documents.Count > 1) throw new PolicyDataException(file, stream.Documents[1].RootNode.Start.Line, "expected one YAML document, found several");
        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" }) return new YamlMap(new YamlMappingNode(), file);
        if (root is not YamlMappingNode map) throw new PolicyDataException(file, root.Start.Line, "expected a mapping (key: value lines) at the top level");
        return new YamlMap(map, file);
    }

    private static string FirstLine(string message)
    {
        // YamlDotNet prefixes its messages with "(Line: 3, Col: 1, Idx: 20) - (…): "; the caller prints the line itself.
        int cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = cut >= 0 ? message[(cut + 3)..] : message;
        int nl = text.IndexOf('\n');
        return nl >= 0 ? text[..nl] : text;
    }

    public PolicyDataException Error(YamlNode node, string problem) => new(File, node.Start.Line, problem);

    public PolicyDataException Error(string problem) => new(File, Line, problem);

    /// <summary>Fails on the first key not in <paramref name="allowed"/>.</summary>
    public void OnlyKeys(IReadOnlyCollection<string> allowed)
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
                throw Error(key, $"unknown key '{name}' (expected one of: {string.Join(", ", allowed)})");
        }
    }

    public bool Has(string key) => Find(key) is not null;

    public YamlNode? Find(string key)
    {
        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode { Value: var name } && name == key) return v;
        }
        return null;
    }

    public long LineOf(string key) => Find(key)?.Start.Line ?? Line;

    /// <summary>A scalar value; null when the key is absent or empty.</summary>
    public string? Text(string key)
    {
        var node = Find(key);
        if (node is null) return null;
        if (node is not YamlScalarNode scalar) throw Error(node, $"'{key}' must be a single value, not a list or mapping");
        return string.IsNullOrWhiteSpace(scalar.Value) || scalar.Value == "~" ? null : scalar.Value.Trim();
    }

    /// <summary>A list of scalars (a flow list <c>[a, b]</c> or block list), or a single scalar as a one-item list.</summary>
    public IReadOnlyList<string>? List(string key)
    {
        var node = Find(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode s:
                return string.IsNullOrWhiteSpace(s.Value) ? [] : [s.Value.Trim()];
            case YamlSequenceNode seq:
                var items = new List<string>();
                foreach (var item in seq.Children)
                {
                    if (item is not YamlScalarNode { Value: { } v }) throw Error(item, $"'{key}' must list single values");
                    items.Add(v.Trim());
                }
                return items;
            default:
                throw Error(node, $"'{key}' must be a list");
        }
    }

    public YamlMap? Map(string key)
    {
        var node = Find(key);
        if (node is null) return null;
        if (node is not YamlMappingNode map) throw Error(node, $"'{key}' must be a mapping (key: value lines)");
        return new YamlMap(map, File);
    }

    /// <summary>Each entry of a list of mappings.</summary>
    public IReadOnlyList<YamlMap> Maps(string key)
    {
        var node = Find(key);
        if (node is null) return [];
        if (node is YamlScalarNode { Value: null or "" }) return [];
        if (node is not YamlSequenceNode seq) throw Error(node, $"'{key}' must be a list of entries");
        var result = new List<YamlMap>();
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m) throw Error(item, $"each entry of '{key}' must be a mapping (key: value lines)");
            result.Add(new YamlMap(m, File));
        }
        return result;
    }

    /// <summary>yes/no in any of YAML's usual spellings, or null when absent.</summary>
    public bool? YesNo(string key)
    {
        var text = Text(key);
        if (text is null) return null;
        return ParseYesNo(text) ?? throw Error(Find(key)!, $"'{key}' must be yes or no, not '{text}'");
    }

    /// <summary>yes/y/no/n, and YAML's true/false.</summary>
    public static bool? ParseYesNo(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        var other => PolicyEvaluator.ParseAnswer(other),
    };
}
