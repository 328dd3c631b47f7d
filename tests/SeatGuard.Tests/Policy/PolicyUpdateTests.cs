using System.Text.Json;
using SeatGuard.Core.Policy;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Policy;

/// <summary><c>policy update</c> and <c>policy diff</c> from files and a loopback server; the book's age note.</summary>
public sealed class PolicyUpdateTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static string Embedded => PolicyBookLoader.ReadEmbedded();

    /// <summary>The embedded book with a new version and date, one scenario moved to red, one event added.</summary>
    private static string Newer(string version = "2027.1.1", string date = "2027-01-05")
    {
        var text = Embedded.Replace("version: \"2026.12.1\"", $"version: \"{version}\"", StringComparison.Ordinal)
                           .Replace("\ndate: 2026-12-01", $"\ndate: {date}", StringComparison.Ordinal);
        text.ShouldContain(version);
        // agency-client-work: gray/api-key → red/stop.
        int at = text.IndexOf("- id: agency-client-work", StringComparison.Ordinal);
        int tier = text.IndexOf("tier: gray", at, StringComparison.Ordinal);
        text = text[..tier] + "tier: red" + text[(tier + "tier: gray".Length)..];
        int cred = text.IndexOf("credential: api-key", at, StringComparison.Ordinal);
        text = text[..cred] + "credential: stop" + text[(cred + "credential: api-key".Length)..];
        int events = text.IndexOf("\nevents:\n", StringComparison.Ordinal) + "\nevents:\n".Length;
        text = text[..events] + """
              - id: 2027-01-test-event
                date: 2027-01-04
                title: A test event
                summary: Something changed.
                sources: [anthropic-legal]

            """.Replace("            ", "  ", StringComparison.Ordinal) + text[events..];
        return text;
    }

    private Task<CliResult> Run(params string[] args) => CliHarness.RunAsync(_sandbox, null, args);

    [Fact]
    public async Task UpdateFromAFileInstallsTheBookAndShowNamesIt()
    {
        var file = _sandbox.WriteText(Path.Combine(_sandbox.Root, "newer.yaml"), Newer());

        var r = await Run("policy", "update", "--from", file, "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        var json = JsonDocument.Parse(r.StdOut).RootElement;
        json.GetProperty("version").GetString().ShouldBe("2027.1.1");
        json.GetProperty("previousVersion").GetString().ShouldBe("2026.12.1");
        var changed = json.GetProperty("changes").GetProperty("changedScenarios").EnumerateArray().Single();
        changed.GetProperty("id").GetString().ShouldBe("agency-client-work");
        changed.GetProperty("fromTier").GetString().ShouldBe("gray");
        changed.GetProperty("toTier").GetString().ShouldBe("red");
        json.GetProperty("changes").GetProperty("addedEvents").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ShouldBe(["2027-01-test-event"]);

        var show = await Run("policy", "show", "--json");
        var book = JsonDocument.Parse(show.StdOut).RootElement;
        book.GetProperty("version").GetString().ShouldBe("2027.1.1");
        book.GetProperty("loadedFrom")[0].GetString().ShouldBe(PolicyBookLoader.InstalledPath(_sandbox.Host()));
        (await Run("decide", "--scenario", "agency-client-work", "--json")).ExitCode.ShouldBe(1); // now red
    }

    [Fact]
    public async Task UpdateFromALoopbackAddressAndDiffFromOne()
    {
        await using var server = await LoopbackFileServer.StartAsync();
        var url = server.Serve("/book.yaml", Newer());

        var diff = await Run("policy", "diff", "--from", url, "--json");
        diff.ExitCode.ShouldBe(0, diff.ToString());
        var d = JsonDocument.Parse(diff.StdOut).RootElement;
        d.GetProperty("from").GetProperty("version").GetString().ShouldBe("2026.12.1");
        d.GetProperty("to").GetProperty("version").GetString().ShouldBe("2027.1.1");
        d.GetProperty("changedScenarios")[0].GetProperty("toCredential").GetString().ShouldBe("stop");
        File.Exists(PolicyBookLoader.InstalledPath(_sandbox.Host())).ShouldBeFalse(); // diff installs nothing

        var update = await Run("policy", "update", "--from", url);
        update.ExitCode.ShouldBe(0, update.ToString());
        update.StdOut.ShouldContain("2027.1.1");
        update.StdOut.ShouldContain("agency-client-work");

        var after = await Run("policy", "diff", "--json");
        JsonDocument.Parse(after.StdOut).RootElement.GetProperty("to").GetProperty("version").GetString().ShouldBe("2027.1.1");
    }

    [Fact]
    public async Task AnOlderBookIsRefusedUnlessForced()
    {
        var file = _sandbox.WriteText(Path.Combine(_sandbox.Root, "older.yaml"), Newer("2026.1.1", "2026-01-02"));

        var refused = await Run("policy", "update", "--from", file);
        refused.ExitCode.ShouldBe(2);
        refused.StdErr.ShouldContain("older than the one built into this SeatGuard");
        File.Exists(PolicyBookLoader.InstalledPath(_sandbox.Host())).ShouldBeFalse();

        var forced = await Run("policy", "update", "--from", file, "--force", "--json");
        forced.ExitCode.ShouldBe(0, forced.ToString());
        JsonDocument.Parse(forced.StdOut).RootElement.GetProperty("forced").GetBoolean().ShouldBeTrue();
        PolicyBookLoader.Load(_sandbox.Host()).Version.ShouldBe("2026.1.1");
    }

    [Fact]
    public async Task AnInstalledBookOlderThanTheEmbeddedOneIsNotUsedUnlessItWasForced()
    {
        var path = PolicyBookLoader.InstalledPath(_sandbox.Host());
        _sandbox.WriteText(path, Newer("2026.1.1", "2026-01-02")); // as after upgrading SeatGuard past an installed book

        PolicyBookLoader.Load(_sandbox.Host()).Version.ShouldBe("2026.12.1");
        PolicyFreshness.InForce(_sandbox.Host()).Version.ShouldBe("2026.12.1");
    }

    [Theory]
    [InlineData("version: \"2027.1.1\"\ndate: 2027-01-01\nscenarios:\n  - id: x\n", "has no '")]
    [InlineData("rule: [", "not valid YAML")]
    public async Task APartialOrBrokenBookIsRefusedWithItsLine(string text, string problem)
    {
        var file = _sandbox.WriteText(Path.Combine(_sandbox.Root, "bad.yaml"), text);

        var r = await Run("policy", "update", "--from", file);

        r.ExitCode.ShouldBe(2);
        r.StdErr.ShouldContain(problem);
        r.StdErr.Trim().Split('\n').Length.ShouldBe(1);
        File.Exists(PolicyBookLoader.InstalledPath(_sandbox.Host())).ShouldBeFalse();
    }

    [Fact]
    public async Task HostileAddressesAreRefused()
    {
        await using var server = await LoopbackFileServer.StartAsync();
        var redirect = server.Redirect("/moved", "file:///etc/passwd");
        var endless = server.Endless("/huge");

        var r1 = await Run("policy", "update", "--from", redirect);
        r1.ExitCode.ShouldBe(2);
        r1.StdErr.ShouldContain("does not follow redirects");

        var r2 = await Run("policy", "update", "--from", endless);
        r2.ExitCode.ShouldBe(2);
        r2.StdErr.ShouldContain("larger than");

        var r3 = await Run("policy", "update", "--from", "http://example.invalid/book.yaml");
        r3.ExitCode.ShouldBe(2);
        r3.StdErr.ShouldContain("only https://");

        var r4 = await Run("policy", "update", "--from", "ftp://example.invalid/book.yaml");
        r4.ExitCode.ShouldBe(2);
        File.Exists(PolicyBookLoader.InstalledPath(_sandbox.Host())).ShouldBeFalse();
    }

    [Fact]
    public async Task AnAddressWithCredentialsIsNeverPrinted()
    {
        await using var server = await LoopbackFileServer.StartAsync();
        server.Serve("/book.yaml", "rule: [");
        var secret = "s3cret-" + Guid.NewGuid().ToString("N");
        var url = server.BaseUrl.Replace("http://", $"http://user:{secret}@", StringComparison.Ordinal) + "/book.yaml?token=" + secret;

        var r = await Run("policy", "update", "--from", url);

        r.ExitCode.ShouldBe(2);
        (r.StdOut + r.StdErr).ShouldNotContain(secret);
    }

    [Fact]
    public async Task DecideAndDoctorSayWhenTheBookIsOld()
    {
        var fresh = new DateTimeOffset(2026, 12, 20, 12, 0, 0, TimeSpan.Zero);
        var late = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

        (await CliHarness.RunAtAsync(_sandbox, null, null, fresh, "decide", "--answers", "yes,no,yes,no,no")).StdErr.ShouldNotContain("days old");
        var decide = await CliHarness.RunAtAsync(_sandbox, null, null, late, "decide", "--answers", "yes,no,yes,no,no");
        decide.StdErr.ShouldContain("days old");
        decide.StdErr.ShouldContain("seatguard policy update");
        var doctor = await CliHarness.RunAtAsync(_sandbox, null, null, late, "doctor");
        doctor.StdErr.ShouldContain("days old");
        (await CliHarness.RunAtAsync(_sandbox, null, null, fresh, "doctor")).StdErr.ShouldNotContain("days old");
    }

    [Theory]
    [InlineData("2026.12.1", "2026.12.1", 0)]
    [InlineData("2026.12.2", "2026.12.10", -1)]
    [InlineData("2027.1.1", "2026.12.1", 1)]
    [InlineData("2026.12", "2026.12.0", 0)]
    public void VersionsCompareByNumbers(string a, string b, int sign) => Math.Sign(PolicyVersion.Compare(a, b)).ShouldBe(sign);
}
