namespace SeatGuard.Core.Common;

public enum HostOs { Linux, MacOS, Windows }
