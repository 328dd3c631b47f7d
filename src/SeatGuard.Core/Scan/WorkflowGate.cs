namespace SeatGuard.Core.Scan;

/// <summary>
/// Reads a GitHub Actions <c>if:</c> expression for who it lets through: comparisons of the actor or of
/// an event user's login with a literal or with <c>github.repository_owner</c>, <c>author_association</c>
/// checks (OWNER, MEMBER, COLLABORATOR), <c>contains(fromJSON('[…]'), …)</c> lists of either, and
/// "no forks" tests on pull requests. <c>&amp;&amp;</c> narrows, <c>||</c> widens; anything else (event names,
/// comment bodies, labels, negations) restricts nobody. Unparseable text restricts nobody either.
/// </summary>
internal static class WorkflowGate
{
    private static readonly string[] LoginFields =
    [
        "github.actor", "github.triggering_actor", "github.event.sender.login", "github.event.comment.user.login",
        "github.event.issue.user.login", "github.event.pull_request.user.login", "github.event.review.user.login",
        "github.event.discussion.user.login",
    ];

    public static WorkflowAudience Of(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) return WorkflowAudience.Anyone;
        var text = expression.Trim();
        if (text.StartsWith("${{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal)) text = text[3..^2];
        text = text.Replace("${{", " ").Replace("}}", " ");
        try
        {
            var p = new Parser(Tokenize(text));
            var node = p.ParseOr();
            return p.AtEnd ? node.Audience : WorkflowAudience.Anyone;
        }
        catch (FormatException)
        {
            return WorkflowAudience.Anyone;
        }
    }

    private abstract record Node
    {
        public virtual WorkflowAudience Audience => WorkflowAudience.Anyone;
    }

    private sealed record Value(string Text, bool IsLiteral) : Node;

    private sealed record Call(string Name, IReadOnlyList<Node> Args) : Node
    {
        public override WorkflowAudience Audience
        {
            get
            {
                if (!Name.Equals("contains", StringComparison.OrdinalIgnoreCase) || Args.Count != 2 || Args[1] is not Value { IsLiteral: false } subject) return WorkflowAudience.Anyone;
                var items = Args[0] switch
                {
                    Call { Name: var n, Args: [Value { IsLiteral: true } json] } when n.Equals("fromJSON", StringComparison.OrdinalIgnoreCase) => ListItems(json.Text),
                    Value { IsLiteral: true } list => ListItems(list.Text),
                    _ => null,
                };
                if (items is null) return WorkflowAudience.Anyone;
                return Restriction(subject.Text, items);
            }
        }
    }

    private sealed record Compare(string Op, Node Left, Node Right) : Node
    {
        public override WorkflowAudience Audience
        {
            get
            {
                if (Op != "==") return WorkflowAudience.Anyone;
                if (Left is not Value l || Right is not Value r) return WorkflowAudience.Anyone;
                if (!l.IsLiteral && !r.IsLiteral)
                {
                    var (a, b) = (l.Text.ToLowerInvariant(), r.Text.ToLowerInvariant());
                    if ((IsLogin(a) && b == "github.repository_owner") || (IsLogin(b) && a == "github.repository_owner")) return WorkflowAudience.RepositoryOwner;
                    if ((a.EndsWith("head.repo.full_name", StringComparison.Ordinal) && b == "github.repository") || (b.EndsWith("head.repo.full_name", StringComparison.Ordinal) && a == "github.repository")) return WorkflowAudience.Writers;
                    return WorkflowAudience.Anyone;
                }
                var (subject, literal) = l.IsLiteral ? (r, l) : (l, r);
                if (subject.IsLiteral) return WorkflowAudience.Anyone;
                if (subject.Text.EndsWith("head.repo.fork", StringComparison.OrdinalIgnoreCase) && literal.Text == "false") return WorkflowAudience.Writers;
                return Restriction(subject.Text, [literal.Text]);
            }
        }
    }

    private sealed record Not(Node Inner) : Node;

    private sealed record And(Node Left, Node Right) : Node
    {
        public override WorkflowAudience Audience => Left.Audience.And(Right.Audience);
    }

    private sealed record Or(Node Left, Node Right) : Node
    {
        public override WorkflowAudience Audience => Left.Audience.Or(Right.Audience);
    }

    private static bool IsLogin(string subject) => LoginFields.Contains(subject.ToLowerInvariant());

    /// <summary>What "<paramref name="field"/> is one of <paramref name="values"/>" restricts.</summary>
    private static WorkflowAudience Restriction(string subject, IReadOnlyList<string> values)
    {
        var f = subject.ToLowerInvariant();
        if (IsLogin(f)) return WorkflowAudience.People(values);
        if (f.EndsWith("author_association", StringComparison.Ordinal) || f.EndsWith(".association", StringComparison.Ordinal))
        {
            var audience = WorkflowAudience.People([]);
            foreach (var v in values)
            {
                audience = audience.Or(v.ToUpperInvariant() switch
                {
                    "OWNER" => WorkflowAudience.RepositoryOwner,
                    "MEMBER" or "COLLABORATOR" => WorkflowAudience.Writers,
                    _ => WorkflowAudience.Anyone,
                });
            }
            return audience;
        }
        return WorkflowAudience.Anyone;
    }

    private static List<string>? ListItems(string text)
    {
        var t = text.Trim();
        if (t.StartsWith('[') && t.EndsWith(']')) t = t[1..^1];
        var items = t.Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                     .Select(x => x.Trim('"', '\'')).Where(x => x.Length > 0).ToList();
        return items.Count == 0 ? null : items;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '\'')
            {
                var sb = new System.Text.StringBuilder("'");
                i++;
                while (i < text.Length)
                {
                    if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'') { sb.Append('\''); i += 2; continue; }
                    if (text[i] == '\'') { i++; break; }
                    sb.Append(text[i++]);
                }
                tokens.Add(sb.ToString());
                continue;
            }
            if (i + 1 < text.Length && (text.AsSpan(i, 2) is "&&" or "||" or "==" or "!=" or "<=" or ">="))
            {
                tokens.Add(text.Substring(i, 2));
                i += 2;
                continue;
            }
            if ("()!,<>[]".Contains(c))
            {
                tokens.Add(c.ToString());
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.' or '*')) i++;
            if (i == start) throw new FormatException($"unexpected '{c}'");
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _at;

        public bool AtEnd => _at >= tokens.Count;

        private string? Peek => _at < tokens.Count ? tokens[_at] : null;

        private string Next() => _at < tokens.Count ? tokens[_at++] : throw new FormatException("unexpected end");

        public Node ParseOr()
        {
            var left = ParseAnd();
            while (Peek == "||") { Next(); left = new Or(left, ParseAnd()); }
            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseCompare();
            while (Peek == "&&") { Next(); left = new And(left, ParseCompare()); }
            return left;
        }

        private Node ParseCompare()
        {
            var left = ParseUnary();
            while (Peek is "==" or "!=" or "<" or ">" or "<=" or ">=")
            {
                var op = Next();
                left = new Compare(op, left, ParseUnary());
            }
            return left;
        }

        private Node ParseUnary()
        {
            if (Peek == "!") { Next(); return new Not(ParseUnary()); }
            return ParsePrimary();
        }

        private Node ParsePrimary()
        {
            var t = Next();
            if (t == "(")
            {
                var inner = ParseOr();
                if (Next() != ")") throw new FormatException("missing )");
                return inner;
            }
            if (t.StartsWith('\'')) return new Value(t[1..], true);
            if (Peek == "(")
            {
                Next();
                var args = new List<Node>();
                if (Peek != ")")
                {
                    args.Add(ParseOr());
                    while (Peek == ",") { Next(); args.Add(ParseOr()); }
                }
                if (Next() != ")") throw new FormatException("missing )");
                return new Call(t, args);
            }
            // property access with an index: github.event['x'] — keep the name, skip the index
            while (Peek == "[")
            {
                Next();
                var key = Next();
                if (Next() != "]") throw new FormatException("missing ]");
                t += "." + key.Trim('\'');
            }
            bool literal = t is "true" or "false" or "null" || double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
            return new Value(t, literal);
        }
    }
}
