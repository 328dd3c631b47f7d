namespace SeatGuard.Core.Usage;

/// <summary>Which usage report.</summary>
public enum UsageReportKind { Daily, Weekly, Monthly, Session, Blocks }
