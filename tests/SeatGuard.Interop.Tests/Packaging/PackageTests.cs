using System.IO.Compression;
using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Packaging;

/// <summary>Packs SeatGuard.Core and the seatguard tool into a local folder feed, once.</summary>
public sealed class PackedFeed : IDisposable
{
    public string Feed { get; }
    public string Root { get; }

    public PackedFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "seatguard-feed-" + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        foreach (var project in new[] { "src/SeatGuard.Core/SeatGuard.Core.csproj", "src/SeatGuard.Cli/SeatGuard.Cli.csproj" })
        {
            // Its own obj/bin (SeatGuardBuildKind), so packing never touches the build the tests run from.
            var r = ProcessRunner.RunAsync("dotnet", ["pack", Path.Combine(ToolPaths.RepoRoot, project), "-c", "Release", "-o", Feed, "-p:SeatGuardBuildKind=pack-test",
                    "--nologo", "-v", "quiet", "--disable-build-servers", "-p:UseSharedCompilation=false"],
                Env(Path.Combine(Root, "home")), ToolPaths.RepoRoot, timeout: TimeSpan.FromMinutes(10)).GetAwaiter().GetResult();
            if (r.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + r);
        }
    }

    /// <summary>A clean environment for dotnet in a sandbox HOME, with the machine's packages as the cache.</summary>
    public static Dictionary<string, string> Env(string home)
    {
        Directory.CreateDirectory(home);
        var env = ProcessRunner.CleanEnvironment(home);
        env["NUGET_PACKAGES"] = ToolPaths.NuGetPackages;
        env["DOTNET_CLI_HOME"] = home;
        env["DOTNET_NOLOGO"] = "1";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        return env;
    }

    /// <summary>A nuget.config with only the local feed (offline) and, optionally, the machine's packages as a read-only fallback.</summary>
    public string Config(string dir, bool fallbackToMachinePackages)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="{Feed}" /></packageSources>
              {(fallbackToMachinePackages ? $"<fallbackPackageFolders><add key=\"machine\" value=\"{ToolPaths.NuGetPackages}\" /></fallbackPackageFolders>" : "")}
            </configuration>
            """);
        return path;
    }

    /// <summary>The package file of <paramref name="id"/> (ids differ in more than case: seatguard, SeatGuard.Core).</summary>
    public string Package(string id) => Directory.GetFiles(Feed, "*.nupkg").Single(p => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(p), "^" + System.Text.RegularExpressions.Regex.Escape(id) + @"\.\d"));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// The packages as another machine gets them: `dotnet tool install -g seatguard` from a local folder feed (offline, a
/// throw-away HOME, DOTNET_CLI_HOME and NuGet cache), the library's package metadata and docs, and the multi-tenant
/// sample built against the packed library.
/// </summary>
public sealed class PackageTests(PackedFeed packed) : IClassFixture<PackedFeed>
{
    private static string Nuspec(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        return reader.ReadToEnd();
    }

    private static string[] Entries(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    [Fact]
    public void TheLibraryPackageHasItsMetadataDocsAndOnlyRealDependencies()
    {
        var nupkg = packed.Package("SeatGuard.Core");
        var nuspec = Nuspec(nupkg);
        nuspec.ShouldContain("<id>SeatGuard.Core</id>");
        nuspec.ShouldContain("<license type=\"expression\">MIT</license>");
        nuspec.ShouldContain("<description>The SeatGuard library");
        nuspec.ShouldContain("<repository type=\"git\"");
        nuspec.ShouldContain("<readme>library.md</readme>");
        var dependencies = System.Text.RegularExpressions.Regex.Matches(nuspec, "<dependency id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        // Exactly the packages the project references: no package for a project reference (SeatGuard.*), none missing.
        var referenced = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(ToolPaths.RepoRoot, "src", "SeatGuard.Core", "SeatGuard.Core.csproj")),
            "<PackageReference Include=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        referenced.ShouldNotBeEmpty();
        dependencies.ShouldBe(referenced, ignoreOrder: true);
        dependencies.ShouldNotContain(d => d.StartsWith("SeatGuard", StringComparison.Ordinal));
        var entries = Entries(nupkg);
        entries.ShouldContain("lib/net10.0/SeatGuard.Core.dll");
        entries.ShouldContain("lib/net10.0/SeatGuard.Core.xml");
    }

    [Fact]
    public void TheToolPackageIsADotnetToolThatBundlesTheLibrary()
    {
        var nupkg = packed.Package("seatguard");
        var nuspec = Nuspec(nupkg);
        nuspec.ShouldContain("<packageType name=\"DotnetTool\" />");
        nuspec.ShouldNotContain("<dependency");
        Entries(nupkg).ShouldContain("tools/net10.0/any/SeatGuard.Core.dll");
        Entries(nupkg).ShouldContain("tools/net10.0/any/DotnetToolSettings.xml");
    }

    [Fact]
    public async Task DotnetToolInstallFromALocalFeedPutsAWorkingSeatguardOnPath()
    {
        using var sandbox = new SandboxHome();
        var env = PackedFeed.Env(sandbox.Home);
        env["NUGET_PACKAGES"] = Path.Combine(sandbox.Root, "empty-nuget-cache");
        var config = packed.Config(Path.Combine(sandbox.Root, "cfg"), fallbackToMachinePackages: false);

        var toolInstall = await ProcessRunner.RunAsync("dotnet", ["tool", "install", "-g", "seatguard", "--configfile", config], env, sandbox.Root, timeout: TimeSpan.FromMinutes(5));

        toolInstall.ExitCode.ShouldBe(0, toolInstall.ToString());
        var tools = Path.Combine(sandbox.Home, ".dotnet", "tools");
        var shim = Path.Combine(tools, "seatguard");
        File.Exists(shim).ShouldBeTrue(toolInstall.ToString());
        env["PATH"] = tools + ":" + env["PATH"];
        var version = await ProcessRunner.RunAsync("seatguard", ["--version"], env, sandbox.Project);
        version.ExitCode.ShouldBe(0, version.ToString());
        version.StdOut.Trim().ShouldMatch(@"^\d+\.\d+\.\d+$");
        var ledger = await ProcessRunner.RunAsync("seatguard", ["ledger", "--json"], env, sandbox.Project);   // SQLite's native library loads
        ledger.ExitCode.ShouldBe(0, ledger.ToString());
        var hooks = await ProcessRunner.RunAsync("seatguard", ["hooks", "install"], env, sandbox.Project);
        hooks.ExitCode.ShouldBe(0, hooks.ToString());
        File.ReadAllText(sandbox.UserSettingsPath).ShouldContain(shim + " statusline");   // the shim, not the versioned store folder
        var install = await ProcessRunner.RunAsync("seatguard", ["install", "--prefix", Path.Combine(sandbox.Root, "prefix")], env, sandbox.Project);
        install.ExitCode.ShouldBe(0, install.ToString());   // the tool's own folder (not the shims' folder) is copied
        install.StdErr.ShouldContain("needs the .NET runtime");
        var copied = await ProcessRunner.RunAsync(Path.Combine(sandbox.Root, "prefix", "bin", "seatguard"), ["--version"], env, sandbox.Project);
        copied.StdOut.Trim().ShouldBe(version.StdOut.Trim(), copied.ToString());
    }

    [Fact]
    public async Task TheMultiTenantSampleBuildsAgainstThePackedLibraryAndPlansEachRequestForItsBeneficiary()
    {
        using var sandbox = new SandboxHome();
        var dir = Path.Combine(sandbox.Root, "samples");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            Directory.CreateDirectory(dir);
            File.Copy(Path.Combine(ToolPaths.RepoRoot, "samples", file), Path.Combine(dir, file));
        }
        var sample = Path.Combine(dir, "MultiTenantLauncher");
        Directory.CreateDirectory(sample);
        foreach (var f in Directory.GetFiles(Path.Combine(ToolPaths.RepoRoot, "samples", "MultiTenantLauncher")))
            File.Copy(f, Path.Combine(sample, Path.GetFileName(f)));
        packed.Config(dir, fallbackToMachinePackages: true);
        var env = PackedFeed.Env(sandbox.Home);
        env["NUGET_PACKAGES"] = Path.Combine(sandbox.Root, "nuget-cache");   // SeatGuard.Core comes from the feed, the rest from the fallback folder

        var build = await ProcessRunner.RunAsync("dotnet", ["build", sample, "-nologo", "-v", "quiet", "--disable-build-servers", "-p:UseSharedCompilation=false"],
            env, dir, timeout: TimeSpan.FromMinutes(10));

        build.ExitCode.ShouldBe(0, build.ToString());
        Directory.Exists(Path.Combine(sandbox.Root, "nuget-cache", "seatguard.core")).ShouldBeTrue();
        var run = ProcessRunner.CleanEnvironment(sandbox.Home);
        run["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken();
        run["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey();            // the machine's key: never used for anybody
        run["ANTHROPIC_API_KEY_BOB"] = FakeTokens.ApiKey();
        var requests = "{\"for\":\"alice\",\"prompt\":\"hi\"}\n{\"for\":\"bob\",\"prompt\":\"hi\"}\n{\"for\":\"carol\",\"prompt\":\"hi\"}\n";
        var result = await ProcessRunner.RunAsync("dotnet", [Path.Combine(sample, "bin", "Debug", "net10.0", "MultiTenantLauncher.dll"), "--owner", "alice"], run, sandbox.Project, stdin: requests);

        result.ExitCode.ShouldBe(4, result.ToString());   // one request was refused
        var lines = result.StdOut.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => (l.GetProperty("for").GetString(), l.GetProperty("decision").GetString()))
            .ShouldBe([("alice", "subscription"), ("bob", "api-key"), ("carol", "refused")]);
        lines[2].GetProperty("reason").GetString()!.ShouldContain("no API key is available for 'carol'");
        result.StdOut.ShouldNotContain(run["ANTHROPIC_API_KEY_BOB"][20..]);
    }
}
