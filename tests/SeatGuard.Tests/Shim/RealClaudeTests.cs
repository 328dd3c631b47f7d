using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Launch;
using SeatGuard.Core.Shim;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Shim;

/// <summary>The shim's search for the real Claude Code: never the shim itself, under any of its names, nor another SeatGuard shim.</summary>
public sealed class RealClaudeTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private string Dir(string name) => Directory.CreateDirectory(Path.Combine(_sandbox.Root, name)).FullName;

    private static string Real(string dir) => SandboxHome.WriteExecutable(Path.Combine(dir, "claude"), "#!/bin/sh\necho 'real claude'\n");

    private string Shim(string dir) => ClaudeShim.Install(dir, "seatguard", force: false).Path;

    private string Find(string? path, string? seatguardClaude = null, string? configured = null, string? shim = null)
    {
        var env = new Dictionary<string, string>();
        if (path is not null) env["PATH"] = path;
        if (seatguardClaude is not null) env["SEATGUARD_CLAUDE"] = seatguardClaude;
        var config = new SeatConfig("alice", Billing.Subscription, null) { Claude = configured };
        return RealClaude.Find(_sandbox.Host(env), config, shim);
    }

    [Fact]
    public void ThePathEntryAfterTheShimsDirectoryIsTheRealOne()
    {
        var shimDir = Dir("shim");
        var shim = Shim(shimDir);
        var real = Real(Dir("bin"));
        Find($"{shimDir}:{Path.GetDirectoryName(real)}", shim: shim).ShouldBe(real);
    }

    [Fact]
    public void SeatGuardClaudeAndTheConfigPointingAtTheShimAreSkipped()
    {
        var shimDir = Dir("shim");
        var shim = Shim(shimDir);
        var real = Real(Dir("bin"));
        Find(Path.GetDirectoryName(real), seatguardClaude: shim, configured: shim, shim: shim).ShouldBe(real);
    }

    [Fact]
    public void ASymlinkToTheShimAndACopyOfItElsewhereAreSkipped()
    {
        var shim = Shim(Dir("shim"));
        var linkDir = Dir("links");
        File.CreateSymbolicLink(Path.Combine(linkDir, "claude"), shim);
        var linkedDir = Path.Combine(_sandbox.Root, "linked-dir");
        Directory.CreateSymbolicLink(linkedDir, Path.GetDirectoryName(shim)!);
        var copy = Shim(Dir("copy")); // another SeatGuard shim (e.g. a second install): running it would loop too
        var real = Real(Dir("bin"));

        Find($"{linkDir}:{linkedDir}:{Path.GetDirectoryName(copy)}:{Path.GetDirectoryName(real)}", shim: shim).ShouldBe(real);
    }

    [Fact]
    public void TheShimFoundThroughARelativePathEntryIsSkipped()
    {
        var shim = Shim(Dir("shim"));
        var real = Real(Dir("bin"));
        var host = _sandbox.Host(new() { ["PATH"] = $".:{Path.GetDirectoryName(real)}" }, workingDirectory: Path.GetDirectoryName(shim));
        RealClaude.Find(host, new SeatConfig("alice", Billing.Subscription, null), "./claude").ShouldBe(real);
    }

    [Fact]
    public void ANonExecutableOrMissingCandidateIsPassedOver()
    {
        var plain = _sandbox.WriteText(Path.Combine(Dir("plain"), "claude"), "not executable");
        File.SetUnixFileMode(plain, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var real = Real(Dir("bin"));
        Find($"{Path.GetDirectoryName(plain)}:{Path.Combine(_sandbox.Root, "missing")}:{Path.GetDirectoryName(real)}", seatguardClaude: "/nonexistent/claude").ShouldBe(real);
    }

    [Fact]
    public void OnlyShimsFoundIsBadInputThatSaysWhatWasSkippedAndHowToFixIt()
    {
        var shim = Shim(Dir("shim"));
        var e = Should.Throw<InputException>(() => Find(Path.GetDirectoryName(shim), seatguardClaude: shim, shim: shim));
        e.Message.ShouldContain("cannot find the real Claude Code");
        e.Message.ShouldContain("is SeatGuard's shim");
        e.Message.ShouldContain("SEATGUARD_CLAUDE");
    }
}
