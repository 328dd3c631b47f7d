using SeatGuard.Core.Common;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Common;

/// <summary>
/// Where Claude Code's files are: <c>CLAUDE_CONFIG_DIR</c> is one literal directory for settings, credentials and
/// global state (measured on 2.1.330 and 2.1.332: no comma splitting, no ~ expansion, relative to the working
/// directory); transcripts are read from ccusage's comma list and Claude Code's literal directory.
/// </summary>
public sealed class ClaudePathsTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private HostContext Host(string? configDir) =>
        _sandbox.Host(configDir is null ? null : new() { ["CLAUDE_CONFIG_DIR"] = configDir });

    [Fact]
    public void DefaultIsHomeDotClaude()
    {
        ClaudePaths.ConfigDir(Host(null)).ShouldBe(Path.Combine(_sandbox.Home, ".claude"));
        ClaudePaths.GlobalStateFile(Host(null)).ShouldBe(Path.Combine(_sandbox.Home, ".claude.json"));
    }

    [Fact]
    public void ACommaIsPartOfTheDirectoryName()
    {
        var value = Path.Combine(_sandbox.Root, "a") + "," + Path.Combine(_sandbox.Root, "b");
        ClaudePaths.ConfigDir(Host(value)).ShouldBe(value);
        ClaudePaths.GlobalStateFile(Host(value)).ShouldBe(Path.Combine(value, ".claude.json"));
    }

    [Fact]
    public void ATildeIsNotExpandedAndARelativePathIsRelativeToTheWorkingDirectory()
    {
        ClaudePaths.ConfigDir(Host("~/cfg")).ShouldBe(Path.Combine(_sandbox.Project, "~", "cfg"));
        ClaudePaths.ConfigDir(Host("a,b")).ShouldBe(Path.Combine(_sandbox.Project, "a,b"));
    }

    [Fact]
    public void AnEmptyValueIsTheWorkingDirectoryForSettingsButNotForGlobalState()
    {
        ClaudePaths.ConfigDir(Host("")).ShouldBe(_sandbox.Project);
        ClaudePaths.GlobalStateFile(Host("")).ShouldBe(Path.Combine(_sandbox.Home, ".claude.json"));
    }

    [Fact]
    public void TranscriptsUseCcusagesListAndClaudeCodesLiteralDirectory()
    {
        var a = Path.Combine(_sandbox.Root, "a");
        var b = Path.Combine(_sandbox.Root, "b");
        var literal = a + "," + b;
        ClaudePaths.TranscriptRoots(Host(literal)).ShouldBe([a, b]);
        Directory.CreateDirectory(Path.Combine(literal, "projects"));
        ClaudePaths.TranscriptRoots(Host(literal)).ShouldBe([a, b, literal]);
    }

    [Fact]
    public void AnEmptyConfigDirAddsTheWorkingDirectoryWhereClaudeCodeWritesTranscripts()
    {
        string[] defaults = [Path.Combine(_sandbox.Home, ".config", "claude"), Path.Combine(_sandbox.Home, ".claude")];
        ClaudePaths.TranscriptRoots(Host("")).ShouldBe(defaults);
        Directory.CreateDirectory(Path.Combine(_sandbox.Project, "projects"));
        ClaudePaths.TranscriptRoots(Host("")).ShouldBe([.. defaults, _sandbox.Project]);
    }

    [Fact]
    public void ManagedDropInsFollowTheBaseFileByName()
    {
        var files = ClaudePaths.ManagedSettingsFiles(_sandbox.Host());
        files[0].ShouldBe(ClaudePaths.ManagedSettingsFile(_sandbox.Host()));
        files.Skip(1).ShouldBe(files.Skip(1).OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal));
    }
}
