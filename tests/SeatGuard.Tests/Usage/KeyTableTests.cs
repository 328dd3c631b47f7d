using CsCheck;
using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

public sealed class KeyTableTests
{
    [Fact]
    public void HoldsWhatADictionaryHoldsUpToItsCapacity()
    {
        // Keys from a small range collide on their slots (probing), zero is a key like any other.
        Gen.Select(Gen.Int[1, 300], Gen.Select(Gen.ULong[0, 400], Gen.Int[0, 1000]).Array[0, 300]).Sample((capacity, ops) =>
        {
            var table = new KeyTable(capacity);
            var expected = new Dictionary<ulong, int>();
            foreach (var (key, value) in ops)
            {
                if (expected.Count >= capacity && !expected.ContainsKey(key)) continue; // sized for `capacity` keys
                bool found = table.Find(key, out int slot, out int got);
                found.ShouldBe(expected.TryGetValue(key, out int want));
                if (found) got.ShouldBe(want);
                table.Set(slot, key, value);
                expected[key] = value;
            }
            table.Count.ShouldBe(expected.Count);
            foreach (var (key, value) in expected)
            {
                table.Find(key, out _, out int got).ShouldBeTrue();
                got.ShouldBe(value);
            }
            for (ulong k = 401; k < 420; k++) table.Contains(k).ShouldBeFalse();
        }, iter: 500);
    }

    [Fact]
    public void RefusesMoreKeysThanItHasRoomFor()
    {
        var table = new KeyTable(12);
        var ex = Should.Throw<InvalidOperationException>(() =>
        {
            for (ulong k = 0; k < 1000; k++) table.Add(k);
        });
        ex.Message.ShouldContain("full");
        table.Count.ShouldBeGreaterThanOrEqualTo(12);
    }
}
