namespace SeatGuard.Core.Credentials;

/// <summary>A credential header set through <c>ANTHROPIC_CUSTOM_HEADERS</c> (<c>authorization</c> or <c>x-api-key</c>), by fingerprint.</summary>
public sealed record CustomHeader(string Header, string Fingerprint)
{
    /// <summary>The credential headers in a <c>ANTHROPIC_CUSTOM_HEADERS</c> value ("Name: value" lines).</summary>
    public static IReadOnlyList<CustomHeader> Parse(string value)
    {
        var list = new List<CustomHeader>();
        foreach (var line in value.Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var name = line[..colon].Trim().ToLowerInvariant();
            var v = line[(colon + 1)..].Trim();
            if (name == "authorization" && v.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) v = v[7..].Trim();
            if (name is "authorization" or "x-api-key" && v.Length > 0)
                list.Add(new CustomHeader(name, Common.Redactor.Fingerprint(v)));
        }
        return list;
    }
}
