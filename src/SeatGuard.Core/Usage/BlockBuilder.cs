namespace SeatGuard.Core.Usage;

/// <summary>
/// 5-hour blocks: a block starts at its first entry's time floored to the UTC hour and lasts 5 hours; an entry more
/// than 5 hours after the block's start or after the previous entry starts a new block; a gap longer than 5 hours
/// after the previous entry is reported as a gap block (from previous entry + 5 h to the next entry). Built from cells
/// slot by slot: a quarter-hour slot never straddles a block's end (blocks start on the hour and last whole quarter
/// hours of at least an hour), and a gap of five hours cannot fall inside a slot, so this is exactly the entry-by-entry rule.
/// </summary>
internal static class BlockBuilder
{
    public static List<BlockRow> Build(IReadOnlyList<UsageCell> cells, List<double> costs, List<bool> unpriced, List<string> names, UsageQuery query, long? tokenLimit)
    {
        var blocks = new List<BlockRow>();
        long len = (long)query.BlockLength.TotalMilliseconds;
        BlockRow? current = null;
        long startMs = 0, lastMs = 0;
        int i = 0;
        while (i < cells.Count)
        {
            // One slot: its cells are consecutive (cells are ordered by slot).
            int end = i;
            long slotMin = long.MaxValue, slotMax = long.MinValue;
            while (end < cells.Count && cells[end].Slot == cells[i].Slot)
            {
                slotMin = Math.Min(slotMin, cells[end].MinMs);
                slotMax = Math.Max(slotMax, cells[end].MaxMs);
                end++;
            }
            long t = slotMin;
            if (current is not null && (t - startMs > len || t - lastMs > len))
            {
                if (t - lastMs > len)
                {
                    var gapStart = DateTimeOffset.FromUnixTimeMilliseconds(lastMs + len);
                    var gapEnd = DateTimeOffset.FromUnixTimeMilliseconds(t);
                    blocks.Add(new BlockRow
                    {
                        Id = "gap-" + UsageReportBuilder.IsoTime(gapStart), StartTime = UsageReportBuilder.IsoTime(gapStart),
                        EndTime = UsageReportBuilder.IsoTime(gapEnd), IsGap = true, Start = gapStart, End = gapEnd,
                    });
                }
                current = null;
            }
            if (current is null)
            {
                startMs = t - (((t % 3_600_000) + 3_600_000) % 3_600_000);
                var start = DateTimeOffset.FromUnixTimeMilliseconds(startMs);
                var blockEnd = DateTimeOffset.FromUnixTimeMilliseconds(startMs + len);
                current = new BlockRow
                {
                    Id = UsageReportBuilder.IsoTime(start), StartTime = UsageReportBuilder.IsoTime(start), EndTime = UsageReportBuilder.IsoTime(blockEnd),
                    Start = start, End = blockEnd, FirstEntry = DateTimeOffset.FromUnixTimeMilliseconds(t),
                };
                blocks.Add(current);
            }
            for (int k = i; k < end; k++)
            {
                var c = cells[k];
                current.Entries += c.Count;
                current.TokenCounts.InputTokens += c.Input;
                current.TokenCounts.OutputTokens += c.Output;
                current.TokenCounts.CacheCreationInputTokens += c.CacheCreation;
                current.TokenCounts.CacheReadInputTokens += c.CacheRead;
                current.TotalTokens += c.TotalTokens;
                var model = names[k];
                current.AddCost(model, costs[k], unpriced[k]);
                if (!current.Models.Contains(model)) current.Models.Add(model);
            }
            lastMs = slotMax;
            current.LastEntry = DateTimeOffset.FromUnixTimeMilliseconds(slotMax);
            current.ActualEndTime = UsageReportBuilder.IsoTime(slotMax);
            i = end;
        }
        foreach (var b in blocks)
        {
            if (b.IsGap || b.LastEntry is not { } last) continue;
            b.IsActive = query.Now - last < query.BlockLength && query.Now < b.End;
            if (!b.IsActive) continue;
            b.BurnRate = Burn(b);
            b.Projection = Project(b, query.Now);
            if (tokenLimit is { } limit && limit > 0 && b.Projection is { } p)
            {
                double pct = p.TotalTokens * 100d / limit;
                var status = p.TotalTokens > limit ? "exceeds" : p.TotalTokens > limit * 0.8 ? "warning" : "ok";
                b.TokenLimitStatus = new TokenLimitStatus(limit, p.TotalTokens, pct, status);
            }
        }
        return blocks;
    }

    /// <summary>Tokens and cost per time from the block's first to its last entry; null with under two distinct times.</summary>
    public static BurnRate? Burn(BlockRow b)
    {
        if (b.FirstEntry is not { } first || b.LastEntry is not { } last || b.Entries < 2) return null;
        double minutes = (last - first).TotalMinutes;
        if (minutes <= 0) return null;
        double indicator = (b.TokenCounts.InputTokens + b.TokenCounts.OutputTokens) / minutes;
        return new BurnRate(b.TotalTokens / minutes, indicator, b.KnownCost / minutes * 60);
    }

    /// <summary>Linear projection to the block's end.</summary>
    public static BlockProjection? Project(BlockRow b, DateTimeOffset now)
    {
        if (b.BurnRate is not { } rate) return null;
        double remaining = Math.Max(0, (b.End - now).TotalMinutes);
        long tokens = (long)Math.Round(b.TotalTokens + rate.TokensPerMinute * remaining);
        double cost = Math.Round((b.KnownCost + rate.CostPerHour / 60 * remaining) * 100) / 100;
        return new BlockProjection(tokens, cost, (long)Math.Round(remaining));
    }
}
