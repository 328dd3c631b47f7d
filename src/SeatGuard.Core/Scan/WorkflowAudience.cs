namespace SeatGuard.Core.Scan;

/// <summary>
/// Who can make a workflow job run, as far as its triggers, the action's own checks and its <c>if:</c>
/// gates tell: a set of named people (the repository owner is one of them), anyone with write access
/// (members and collaborators), or anyone at all. <see cref="And"/> keeps the narrower, <see cref="Or"/>
/// the wider; two named sets meet in their intersection and join in their union.
/// </summary>
internal readonly record struct WorkflowAudience(WorkflowAudience.Kind Who, IReadOnlySet<string> Names)
{
    public enum Kind { Named, Writers, Anyone }

    public const string Owner = "\u0001repository-owner";

    public static readonly WorkflowAudience Anyone = new(Kind.Anyone, new HashSet<string>());
    public static readonly WorkflowAudience Writers = new(Kind.Writers, new HashSet<string>());
    public static WorkflowAudience People(IEnumerable<string> names) => new(Kind.Named, new HashSet<string>(names, StringComparer.OrdinalIgnoreCase));
    public static readonly WorkflowAudience RepositoryOwner = People([Owner]);

    /// <summary>At most one person (the owner, or one named account) can run it.</summary>
    public bool IsOnePerson => Who == Kind.Named && Names.Count <= 1;

    public WorkflowAudience And(WorkflowAudience other)
    {
        if (Who == Kind.Named && other.Who == Kind.Named) return People(Names.Intersect(other.Names, StringComparer.OrdinalIgnoreCase));
        return Who <= other.Who ? this : other;
    }

    public WorkflowAudience Or(WorkflowAudience other)
    {
        if (Who == Kind.Named && other.Who == Kind.Named) return People(Names.Union(other.Names, StringComparer.OrdinalIgnoreCase));
        return Who >= other.Who ? this : other;
    }
}
