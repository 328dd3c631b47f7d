using SeatGuard.Core.Common.Files;
using Shouldly;
using Xunit;

namespace SeatGuard.Tests.Common;

/// <summary>The Linux lister: types from d_type, sizes and times of only the entries asked for, as .NET reports them.</summary>
public sealed class StatDirectoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-statdir-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ListsTypesAndTheSizesAndTimesAskedFor()
    {
        if (!OperatingSystem.IsLinux()) { StatDirectory.IsSupported.ShouldBeFalse(); return; }
        File.WriteAllText(Path.Combine(_dir, "a.jsonl"), "12345");
        var when = new DateTime(2025, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc).AddTicks(2345);
        File.SetLastWriteTimeUtc(Path.Combine(_dir, "a.jsonl"), when);
        File.WriteAllText(Path.Combine(_dir, "b.txt"), "xy");
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        File.CreateSymbolicLink(Path.Combine(_dir, "link.jsonl"), Path.Combine(_dir, "a.jsonl"));
        File.CreateSymbolicLink(Path.Combine(_dir, "dirlink.jsonl"), Path.Combine(_dir, "sub"));
        File.CreateSymbolicLink(Path.Combine(_dir, "dangling.jsonl"), Path.Combine(_dir, "nowhere"));

        var entries = StatDirectory.List(_dir, name => name.EndsWith(".jsonl", StringComparison.Ordinal));

        StatDirectory.IsSupported.ShouldBeTrue();
        entries.ShouldNotBeNull();
        var byName = entries.ToDictionary(e => e.Name);
        byName.Keys.Order(StringComparer.Ordinal).ShouldBe(["a.jsonl", "b.txt", "dangling.jsonl", "link.jsonl", "sub"]); // a link to a directory is neither
        byName["a.jsonl"].Kind.ShouldBe(RawDirectory.EntryKind.File);
        byName["a.jsonl"].Size.ShouldBe(5);
        byName["a.jsonl"].LastWriteUtc.ShouldBe(new FileInfo(Path.Combine(_dir, "a.jsonl")).LastWriteTimeUtc);
        byName["a.jsonl"].LastWriteUtc.Ticks.ShouldBe(when.Ticks);
        byName["link.jsonl"].Kind.ShouldBe(RawDirectory.EntryKind.Link);
        byName["link.jsonl"].Size.ShouldBe(5); // the file it names
        byName["sub"].Kind.ShouldBe(RawDirectory.EntryKind.Directory);
        byName["b.txt"].Size.ShouldBe(0); // not asked for: not stat-ed
        byName["b.txt"].LastWriteUtc.ShouldBe(default);
    }

    [Fact]
    public void AMissingDirectoryOrAFileIsNull()
    {
        if (!OperatingSystem.IsLinux()) return;
        StatDirectory.List(Path.Combine(_dir, "missing"), _ => true).ShouldBeNull();
        File.WriteAllText(Path.Combine(_dir, "f"), "");
        StatDirectory.List(Path.Combine(_dir, "f"), _ => true).ShouldBeNull();
        StatDirectory.IsSupported.ShouldBeTrue();
    }
}
