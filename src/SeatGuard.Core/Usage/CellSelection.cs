using System.Collections;

namespace SeatGuard.Core.Usage;

/// <summary>
/// The cells a report selected, as positions into the cells' storage (4 bytes a cell, not a copy of each 136-byte
/// cell: a year of cells copied was megabytes of fresh memory and a collection on every run), read in place.
/// </summary>
internal sealed class CellSelection(CellStorage storage, int[] positions, int start, int count) : IReadOnlyList<UsageCell>
{
    /// <summary>An empty selection from <paramref name="storage"/> with room for <paramref name="capacity"/> cells.</summary>
    public CellSelection(CellStorage storage, int capacity) : this(storage, new int[Math.Max(0, capacity)], 0, 0) { }

    /// <summary>Selects the cell at <paramref name="position"/> of the storage (in the cells' canonical order).</summary>
    public void Add(int position)
    {
        if (start != 0 || start + count >= positions.Length) throw new InvalidOperationException("selection is full or a slice");
        positions[count++] = position;
    }

    /// <summary>The number of cells selected.</summary>
    public int Count => count;

    /// <summary>A selected cell, where it is stored.</summary>
    public ref readonly UsageCell At(int index)
    {
        if ((uint)index >= (uint)count) throw new ArgumentOutOfRangeException(nameof(index));
        return ref storage.AsSpan()[positions[start + index]];
    }

    /// <summary>A selected cell.</summary>
    public UsageCell this[int index] => At(index);

    /// <summary>The selected cells from <paramref name="from"/> on.</summary>
    public CellSelection Slice(int from) => new(storage, positions, start + from, count - from);

    public IEnumerator<UsageCell> GetEnumerator()
    {
        for (int i = 0; i < count; i++) yield return At(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
