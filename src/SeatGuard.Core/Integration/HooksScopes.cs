using SeatGuard.Core.Common;

namespace SeatGuard.Core.Integration;

public static class HooksScopes
{
    public const string User = "user";
    public const string Project = "project";
}
