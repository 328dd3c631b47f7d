namespace SeatGuard.Core.Usage;

/// <summary>Which usage report.</summary>
/// <summary>The usage reports.</summary>
public enum UsageReportKind
{
    /// <summary>By day.</summary>
    Daily,

    /// <summary>By week.</summary>
    Weekly,

    /// <summary>By month.</summary>
    Monthly,

    /// <summary>By session.</summary>
    Session,

    /// <summary>By 5-hour block.</summary>
    Blocks,
}
