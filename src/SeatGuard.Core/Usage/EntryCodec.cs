using Microsoft.Data.Sqlite;

namespace SeatGuard.Core.Usage;

/// <summary>Compact binary form of entries (7-bit varints; models and transcript sources as string tables).</summary>
internal static class EntryCodec
{
    private const byte Version = 2;

    public static byte[] Encode(List<UsageEntry> entries)
    {
        using var ms = new MemoryStream(16 + entries.Count * 40);
        using var w = new BinaryWriter(ms);
        w.Write(Version);
        var models = new Dictionary<string, int>(StringComparer.Ordinal);
        var sources = new Dictionary<TranscriptSource, int>(ReferenceEqualityComparer.Instance);
        foreach (var e in entries)
        {
            models.TryAdd(e.Model, models.Count);
            sources.TryAdd(e.Source, sources.Count);
        }
        w.Write7BitEncodedInt(models.Count);
        foreach (var (name, _) in models.OrderBy(kv => kv.Value)) w.Write(name);
        w.Write7BitEncodedInt(sources.Count);
        foreach (var (src, _) in sources.OrderBy(kv => kv.Value))
        {
            w.Write(src.Path);
            w.Write(src.Project);
            w.Write(src.SessionId);
            w.Write(src.IsSubagent);
        }
        w.Write7BitEncodedInt(entries.Count);
        long lastTs = 0;
        foreach (var e in entries)
        {
            long delta = e.TimestampMs - lastTs;
            w.Write7BitEncodedInt64(delta >= 0 ? delta << 1 : ((-delta) << 1) | 1);
            lastTs = e.TimestampMs;
            w.Write(e.MessageKey);
            w.Write(e.DedupKey);
            w.Write((byte)e.Flags);
            w.Write7BitEncodedInt(models[e.Model]);
            w.Write7BitEncodedInt(sources[e.Source]);
            w.Write7BitEncodedInt64(e.InputTokens);
            w.Write7BitEncodedInt64(e.OutputTokens);
            w.Write7BitEncodedInt64(e.CacheWrite5mTokens);
            w.Write7BitEncodedInt64(e.CacheWrite1hTokens);
            w.Write7BitEncodedInt64(e.CacheReadTokens);
            if ((e.Flags & UsageEntryFlags.HasCostUsd) != 0) w.Write(e.CostUsd);
        }
        w.Flush();
        return ms.ToArray();
    }

    /// <param name="source">The file's source, used instead of the stored one (per-file rows); null for a snapshot.</param>
    /// <param name="bytes">The encoded entries.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static List<UsageEntry> Decode(byte[] bytes, TranscriptSource? source)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
        if (r.ReadByte() != Version) throw new InvalidDataException("cache entry version");
        var models = new string[r.Read7BitEncodedInt()];
        for (int i = 0; i < models.Length; i++) models[i] = string.Intern(r.ReadString());
        var sources = new TranscriptSource[r.Read7BitEncodedInt()];
        for (int i = 0; i < sources.Length; i++)
        {
            var stored = new TranscriptSource(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadBoolean());
            sources[i] = source ?? stored;
        }
        int count = r.Read7BitEncodedInt();
        var list = new List<UsageEntry>(count);
        long ts = 0;
        for (int i = 0; i < count; i++)
        {
            long d = r.Read7BitEncodedInt64();
            ts = (d & 1) == 0 ? ts + (d >> 1) : ts - (d >> 1);
            ulong msg = r.ReadUInt64();
            ulong key = r.ReadUInt64();
            var flags = (UsageEntryFlags)r.ReadByte();
            var model = models[r.Read7BitEncodedInt()];
            var src = sources[r.Read7BitEncodedInt()];
            list.Add(new UsageEntry
            {
                TimestampMs = ts, Source = src, Model = model, MessageKey = msg, DedupKey = key, Flags = flags,
                InputTokens = r.Read7BitEncodedInt64(), OutputTokens = r.Read7BitEncodedInt64(),
                CacheWrite5mTokens = r.Read7BitEncodedInt64(), CacheWrite1hTokens = r.Read7BitEncodedInt64(),
                CacheReadTokens = r.Read7BitEncodedInt64(),
                CostUsd = (flags & UsageEntryFlags.HasCostUsd) != 0 ? r.ReadDouble() : double.NaN,
            });
        }
        return list;
    }
}
