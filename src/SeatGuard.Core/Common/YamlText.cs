using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SeatGuard.Core.Common;

/// <summary>
/// The one way SeatGuard loads YAML (policy books, rules, setup manifests, scanned workflow files): a streaming pass
/// first refuses what would make loading or walking the document unbounded — nesting deeper than
/// <see cref="MaxDepth"/>, an alias inside the node it names (a cycle), aliases that expand to more than
/// <see cref="MaxExpandedNodes"/> nodes ("billion laughs") — and every failure of the YAML library comes out as one
/// <see cref="YamlException"/> with a line, never as another exception or a stack overflow.
/// </summary>
public static class YamlText
{
    /// <summary>The deepest nesting of mappings and sequences a YAML document may have.</summary>
    public const int MaxDepth = 64;
    /// <summary>The most nodes a document's aliases may expand to, in all.</summary>
    public const long MaxExpandedNodes = 1_000_000;

    /// <summary>Loads a YAML stream. <paramref name="allowAliases"/>: anchors and aliases are accepted (bounded as above); otherwise refused.</summary>
    /// <exception cref="YamlException">invalid YAML or a document beyond the bounds.</exception>
    public static YamlStream Load(string text, bool allowAliases = false)
    {
        try
        {
            Check(text, allowAliases);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream;
        }
        catch (YamlException)
        {
            throw;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or FormatException or OverflowException or KeyNotFoundException)
        {
            throw new YamlException(Mark.Empty, Mark.Empty, "not valid YAML (" + e.Message + ")");
        }
    }

    private static void Check(string text, bool allowAliases)
    {
        var parser = new Parser(new StringReader(text));
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Size)>();
        long total = 0;
        void Count(long n)
        {
            total += n;
            if (total > MaxExpandedNodes) throw new YamlException(parser.Current!.Start, parser.Current.End, $"the document expands to more than {MaxExpandedNodes:N0} nodes");
        }
        void Grow(long n)
        {
            if (open.Count == 0) return;
            var (a, size) = open.Pop();
            open.Push((a, size + n));
        }
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            switch (e)
            {
                case MappingStart or SequenceStart:
                    var anchor = ((NodeEvent)e).Anchor;
                    if (!anchor.IsEmpty && !allowAliases) throw new YamlException(e.Start, e.End, "anchors and aliases are not supported here");
                    if (open.Count >= MaxDepth) throw new YamlException(e.Start, e.End, $"nested deeper than {MaxDepth} levels");
                    Count(1);
                    open.Push((anchor.IsEmpty ? null : anchor.Value, 1));
                    break;
                case MappingEnd or SequenceEnd:
                    var (name, size) = open.Pop();
                    if (name is not null) sizes[name] = size;
                    Grow(size);
                    break;
                case Scalar s:
                    if (!s.Anchor.IsEmpty)
                    {
                        if (!allowAliases) throw new YamlException(e.Start, e.End, "anchors and aliases are not supported here");
                        sizes[s.Anchor.Value] = 1;
                    }
                    Count(1);
                    Grow(1);
                    break;
                case AnchorAlias alias:
                    if (!allowAliases) throw new YamlException(e.Start, e.End, "anchors and aliases are not supported here");
                    if (open.Any(o => o.Anchor == alias.Value.Value)) throw new YamlException(e.Start, e.End, $"the alias *{alias.Value.Value} is inside the node it names");
                    if (!sizes.TryGetValue(alias.Value.Value, out var aliasSize)) throw new YamlException(e.Start, e.End, $"the alias *{alias.Value.Value} names no anchor before it");
                    Count(aliasSize);
                    Grow(aliasSize);
                    break;
                case DocumentEnd:
                    sizes.Clear();
                    break;
            }
        }
    }
}
