using Npgsql;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Team;

/// <summary>
/// Where the team store is: a <c>postgresql://user:password@host:port/database?sslmode=require</c> URL (libpq's
/// form) or an Npgsql <c>Host=…;Database=…</c> connection string, resolved the way <c>psql</c> resolves it
/// (password from the URL, else <c>PGPASSWORD</c>, else <c>PGPASSFILE</c> or <c>~/.pgpass</c>; user from the URL, else
/// <c>PGUSER</c>, else the OS user). <see cref="Display"/> never shows the password.
/// </summary>
public sealed class TeamStoreAddress
{
    public const string Variable = "SEATGUARD_STORE";

    private static readonly Dictionary<string, string> QueryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["host"] = "Host", ["port"] = "Port", ["user"] = "Username", ["password"] = "Password", ["dbname"] = "Database",
        ["sslmode"] = "SSL Mode", ["sslrootcert"] = "Root Certificate", ["sslcert"] = "SSL Certificate", ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password", ["connect_timeout"] = "Timeout", ["application_name"] = "Application Name",
        ["target_session_attrs"] = "Target Session Attributes", ["options"] = "Options", ["channel_binding"] = "Channel Binding",
    };

    /// <summary>The address for people: <c>postgresql://user@host:port/database</c>, no password.</summary>
    public string Display { get; }

    /// <summary>The Npgsql connection string, password included: never printed.</summary>
    internal string ConnectionString { get; }

    private TeamStoreAddress(string display, string connectionString)
    {
        Display = display;
        ConnectionString = connectionString;
    }

    public override string ToString() => Display;

    /// <summary>
    /// The store named by <paramref name="given"/> (<c>--store</c>), else <c>SEATGUARD_STORE</c>, else <c>teamStore</c> in
    /// SeatGuard's config file; none → <see cref="InputException"/>.
    /// </summary>
    public static TeamStoreAddress Resolve(string? given, HostContext host, string? configured)
    {
        var text = !string.IsNullOrWhiteSpace(given) ? given : host.Get(Variable) is { Length: > 0 } env ? env : configured;
        if (string.IsNullOrWhiteSpace(text))
            throw new InputException($"no team store: pass --store postgresql://USER@HOST/DATABASE, set {Variable}, or put \"teamStore\" in SeatGuard's config.json");
        return Parse(text.Trim(), host);
    }

    public static TeamStoreAddress Parse(string text, HostContext host)
    {
        NpgsqlConnectionStringBuilder b;
        if (text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
            b = FromUrl(text);
        else if (text.Contains('=', StringComparison.Ordinal) && !text.Contains("://", StringComparison.Ordinal))
        {
            try { b = new NpgsqlConnectionStringBuilder(text); }
            catch (ArgumentException e) { throw new InputException($"the team store connection string is not valid ({FirstLine(e.Message)})"); }
        }
        else throw new InputException($"the team store must be a postgresql:// URL or an Npgsql connection string{Scheme(text)}");

        if (string.IsNullOrEmpty(b.Host)) b.Host = "localhost";
        if (string.IsNullOrEmpty(b.Username)) b.Username = host.Get("PGUSER") is { Length: > 0 } u ? u : host.User;
        if (string.IsNullOrEmpty(b.Database)) b.Database = host.Get("PGDATABASE") is { Length: > 0 } d ? d : b.Username;
        if (string.IsNullOrEmpty(b.Password))
        {
            if (host.Get("PGPASSWORD") is { Length: > 0 } p) b.Password = p;
            else if (string.IsNullOrEmpty(b.Passfile))
            {
                var passfile = host.Get("PGPASSFILE") is { Length: > 0 } pf ? pf : Path.Combine(host.Home, ".pgpass");
                if (File.Exists(passfile)) b.Passfile = passfile;
            }
        }
        if (string.IsNullOrEmpty(b.ApplicationName)) b.ApplicationName = "seatguard";
        b.Pooling = false;
        if (!text.Contains("timeout", StringComparison.OrdinalIgnoreCase)) b.Timeout = 15;
        b.CommandTimeout = 120;

        var port = b.Host!.Contains(',', StringComparison.Ordinal) || b.Port == NpgsqlConnection.DefaultPort ? "" : ":" + b.Port;
        var display = $"postgresql://{b.Username}@{b.Host}{port}/{b.Database}";
        return new TeamStoreAddress(display, b.ConnectionString);
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        int end = rest.IndexOfAny(['/', '?']);
        var authority = end < 0 ? rest : rest[..end];
        var tail = end < 0 ? "" : rest[end..];
        var b = new NpgsqlConnectionStringBuilder();
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            int colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            b.Username = Decode(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) b.Password = Decode(userInfo[(colon + 1)..]);
        }
        if (authority.Length > 0)
        {
            var hosts = authority.Split(',');
            if (hosts.Length == 1)
            {
                var (h, p) = HostAndPort(hosts[0]);
                b.Host = h;
                if (p is not null) b.Port = ParsePort(p);
            }
            else b.Host = string.Join(',', hosts.Select(x => { var (h, p) = HostAndPort(x); return p is null ? h : $"{h}:{ParsePort(p)}"; }));
        }
        int q = tail.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? tail : tail[..q];
        if (path.StartsWith('/')) path = path[1..];
        if (path.Length > 0) b.Database = Decode(path);
        if (q >= 0)
        {
            foreach (var pair in tail[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Decode(eq < 0 ? pair : pair[..eq]);
                var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
                if (!QueryKeys.TryGetValue(key, out var npgsqlKey))
                    throw new InputException($"the team store URL has an unsupported parameter '{key}' (supported: {string.Join(", ", QueryKeys.Keys)})");
                if (key.Equals("sslmode", StringComparison.OrdinalIgnoreCase)) value = SslMode(value);
                try { b[npgsqlKey] = value; }
                catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
                {
                    throw new InputException($"the team store URL parameter {key} is not valid ({FirstLine(e.Message)})");
                }
            }
        }
        return b;
    }

    private static string SslMode(string libpq) => libpq.ToLowerInvariant() switch
    {
        "disable" => "Disable",
        "allow" => "Allow",
        "prefer" => "Prefer",
        "require" => "Require",
        "verify-ca" => "VerifyCA",
        "verify-full" => "VerifyFull",
        _ => throw new InputException($"sslmode must be disable, allow, prefer, require, verify-ca or verify-full, not '{libpq}'"),
    };

    private static (string Host, string? Port) HostAndPort(string text)
    {
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw new InputException("the team store URL has an unclosed '[' in its host");
            var h = text[1..close];
            return (h, close + 1 < text.Length && text[close + 1] == ':' ? text[(close + 2)..] : null);
        }
        int colon = text.LastIndexOf(':');
        return colon < 0 ? (Decode(text), null) : (Decode(text[..colon]), text[(colon + 1)..]);
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new InputException($"the team store URL has an invalid port '{text}'");

    private static string Decode(string s)
    {
        try { return Uri.UnescapeDataString(s); }
        catch (UriFormatException) { throw new InputException("the team store URL has an invalid %-escape"); }
    }

    /// <summary>Names a wrong scheme; says nothing else about the text (it may hold a password).</summary>
    private static string Scheme(string text)
    {
        var i = text.IndexOf("://", StringComparison.Ordinal);
        return i > 0 && i < 20 && text[..i].All(char.IsAsciiLetterOrDigit) ? $", not a {text[..i]}:// address" : "";
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
