using Npgsql;

namespace SeatGuard.TestKit;

/// <summary>
/// The PostgreSQL server the team-store tests use: <c>SEATGUARD_TEST_POSTGRES</c> (a <c>postgresql://</c> URL of a
/// superuser on a throw-away cluster, which <c>.ci/postgres.sh start</c> makes and <c>.ci/run</c> exports). Each test
/// gets a database of its own.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "SEATGUARD_TEST_POSTGRES";

    public static string? ServerUrl => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? url : null;

    /// <summary>Why the tests cannot run here (null: they can, or they must: in CI a missing server is a failure, not a skip).</summary>
    public static string? SkipReason =>
        ServerUrl is null && Environment.GetEnvironmentVariable("CI") is not ("true" or "1")
            ? $"no PostgreSQL server: start one with `eval \"$(bash .ci/postgres.sh start)\"` (sets {Variable})"
            : null;

    public static string RequireServer() =>
        ServerUrl ?? throw new InvalidOperationException($"{Variable} is not set: .ci/run starts a PostgreSQL cluster and sets it (bash .ci/postgres.sh start)");

    /// <summary>A new, empty database on the test server; dropped on dispose.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var server = RequireServer();
        var name = "sg_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(ConnectionString(server)))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await cmd.ExecuteNonQueryAsync();
        }
        return new TestDatabase(server, name, WithDatabase(server, name));
    }

    /// <summary>The URL with another database in its path.</summary>
    public static string WithDatabase(string url, string database)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal) + 3;
        int slash = url.IndexOf('/', schemeEnd);
        int query = url.IndexOf('?', schemeEnd);
        var authority = slash < 0 ? (query < 0 ? url : url[..query]) : url[..slash];
        var tail = query < 0 ? "" : url[query..];
        return $"{authority}/{database}{tail}";
    }

    /// <summary>An Npgsql connection string for a test URL (the form .ci/postgres.sh prints).</summary>
    public static string ConnectionString(string url)
    {
        var uri = new Uri(url);
        var userInfo = uri.UserInfo.Split(':', 2);
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Username = Uri.UnescapeDataString(userInfo[0]),
            Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? db : "postgres",
            Pooling = false,
        }.ConnectionString;
    }

    /// <summary>(host, port) of a test URL.</summary>
    public static (string Host, int Port) Endpoint(string url)
    {
        var uri = new Uri(url);
        return (uri.Host, uri.Port > 0 ? uri.Port : 5432);
    }

    /// <summary>The URL pointed at another host and port (a proxy in front of the server).</summary>
    public static string WithEndpoint(string url, string host, int port)
    {
        var uri = new Uri(url);
        return new UriBuilder(uri) { Host = host, Port = port }.Uri.ToString();
    }
}

/// <summary>A database of its own for one test.</summary>
public sealed class TestDatabase(string server, string name, string url) : IAsyncDisposable
{
    public string Name { get; } = name;

    /// <summary>The database's postgresql:// URL (password included: a throw-away cluster's).</summary>
    public string Url { get; } = url;

    public string ConnectionString => TestPostgres.ConnectionString(Url);

    /// <summary>Runs a query and returns every row's first column as text.</summary>
    public async Task<List<string?>> ColumnAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<string?>();
        while (await r.ReadAsync()) list.Add(r.IsDBNull(0) ? null : Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return list;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Every text value of every table, for checks that no secret reached the store.</summary>
    public async Task<string> DumpAsync()
    {
        var tables = await ColumnAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
        var sb = new System.Text.StringBuilder();
        foreach (var t in tables)
            foreach (var row in await ColumnAsync($"SELECT row_to_json(x)::text FROM \"{t}\" x")) sb.Append(t).Append(": ").AppendLine(row);
        return sb.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString(server));
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException) { /* the cluster goes away at the end of the run anyway */ }
    }
}
