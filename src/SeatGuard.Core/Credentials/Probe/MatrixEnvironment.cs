namespace SeatGuard.Core.Credentials.Probe;

/// <summary>One credential environment of the matrix: a name, what it exercises, and how to build it in a sandbox.</summary>
public sealed record MatrixEnvironment(string Name, string Rule, Action<MatrixSandbox> Setup)
{
    /// <summary>Returns <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
