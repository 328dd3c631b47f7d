using System.Collections;

namespace SeatGuard.Core.Usage;

/// <summary>
/// The cells a report selected, as positions into the cells' canonical order (4 bytes a cell, not a copy of each
/// 136-byte cell: a year of cells copied was megabytes of fresh memory and a collection on every run).
/// </summary>
internal sealed class CellSelection(IReadOnlyList<UsageCell> ordered, int[] positions, int start, int count) : IReadOnlyList<UsageCell>
{
    /// <summary>An empty selection from <paramref name="ordered"/> with room for <paramref name="capacity"/> cells.</summary>
    public CellSelection(IReadOnlyList<UsageCell> ordered, int capacity) : this(ordered, new int[Math.Max(0, capacity)], 0, 0) { }

    /// <summary>Selects the cell at <paramref name="position"/> of the order (positions ascending).</summary>
    public void Add(int position)
    {
        if (start != 0 || start + count >= positions.Length) throw new InvalidOperationException("selection is full or a slice");
        positions[count++] = position;
    }

    /// <summary>The number of cells selected.</summary>
    public int Count => count;

    /// <summary>A selected cell.</summary>
    public UsageCell this[int index] => (uint)index < (uint)count ? ordered[positions[start + index]] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The selected cells from <paramref name="from"/> on.</summary>
    public CellSelection Slice(int from) => new(ordered, positions, start + from, count - from);

    public IEnumerator<UsageCell> GetEnumerator()
    {
        for (int i = 0; i < count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
