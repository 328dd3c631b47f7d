using Npgsql;
using SeatGuard.Core.Common;
using SeatGuard.Core.Team;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Team;

public sealed class TeamStoreAddressTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    public void Dispose() => _sandbox.Dispose();

    private NpgsqlConnectionStringBuilder Parse(string text, Dictionary<string, string>? env, out string display)
    {
        var address = TeamStoreAddress.Parse(text, _sandbox.Host(env));
        display = address.Display;
        address.ToString().ShouldBe(address.Display);
        return new NpgsqlConnectionStringBuilder(address.ConnectionString);
    }

    [Fact]
    public void UrlPartsBecomeTheConnectionAndTheDisplayHasNoPassword()
    {
        var password = "p@ss:w/rd" + FakeTokens.Body(8);
        var b = Parse($"postgresql://alice:{Uri.EscapeDataString(password)}@db.example:6432/team%20store?sslmode=verify-full&application_name=sg", null, out var display);

        b.Host.ShouldBe("db.example");
        b.Port.ShouldBe(6432);
        b.Username.ShouldBe("alice");
        b.Password.ShouldBe(password);
        b.Database.ShouldBe("team store");
        b.SslMode.ShouldBe(SslMode.VerifyFull);
        b.ApplicationName.ShouldBe("sg");
        display.ShouldBe("postgresql://alice@db.example:6432/team store");
        display.ShouldNotContain(password);
    }

    [Fact]
    public void DefaultsComeFromThePgVariablesAndTheOsUserLikePsql()
    {
        var b = Parse("postgres://db.example", new() { ["USER"] = "bob", ["PGPASSWORD"] = "from-env-" + FakeTokens.Body(6) }, out var display);

        b.Username.ShouldBe("bob");
        b.Database.ShouldBe("bob");
        b.Password!.ShouldStartWith("from-env-");
        display.ShouldBe("postgresql://bob@db.example/bob");
    }

    [Fact]
    public void IPv6AndSeveralHostsAreUnderstood()
    {
        Parse("postgresql://u@[::1]:5433/d", null, out _).Host.ShouldBe("::1");
        Parse("postgresql://u@h1:5433,h2/d", null, out _).Host.ShouldBe("h1:5433,h2");
    }

    [Fact]
    public void AKeyValueConnectionStringIsAcceptedToo()
    {
        var b = Parse("Host=db.example;Database=team;Username=carol;Password=secret-" + FakeTokens.Body(5), null, out var display);
        b.Database.ShouldBe("team");
        display.ShouldBe("postgresql://carol@db.example/team");
    }

    [Theory]
    [InlineData("mysql://u@h/d", "mysql://")]
    [InlineData("postgresql://u@h/d?frobnicate=1", "frobnicate")]
    [InlineData("postgresql://u@h:99999/d", "port")]
    [InlineData("postgresql://u@h/d?sslmode=sometimes", "sslmode")]
    public void WrongAddressesAreBadInputThatNamesTheProblem(string text, string named) =>
        Should.Throw<InputException>(() => TeamStoreAddress.Parse(text, _sandbox.Host())).Message.ShouldContain(named);

    [Fact]
    public void ANonUrlNeverEchoesItsText()
    {
        var secretish = "supersecret" + FakeTokens.Body(10);
        Should.Throw<InputException>(() => TeamStoreAddress.Parse(secretish, _sandbox.Host())).Message.ShouldNotContain(secretish);
    }

    [Fact]
    public void TheStoreComesFromTheOptionThenTheVariableThenTheConfig()
    {
        var host = _sandbox.Host(new() { ["SEATGUARD_STORE"] = "postgresql://env@h/d" });
        TeamStoreAddress.Resolve("postgresql://opt@h/d", host, "postgresql://cfg@h/d").Display.ShouldContain("opt@");
        TeamStoreAddress.Resolve(null, host, "postgresql://cfg@h/d").Display.ShouldContain("env@");
        TeamStoreAddress.Resolve(null, _sandbox.Host(), "postgresql://cfg@h/d").Display.ShouldContain("cfg@");
        Should.Throw<InputException>(() => TeamStoreAddress.Resolve(null, _sandbox.Host(), null)).Message.ShouldContain("--store");
    }
}
