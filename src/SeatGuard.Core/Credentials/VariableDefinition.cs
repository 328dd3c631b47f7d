namespace SeatGuard.Core.Credentials;

/// <summary>
/// One definition of a billing variable in one layer. Secrets are kept only as fingerprint and prefix;
/// non-secret values (provider flags) are kept as they are, a base URL with its secret parts redacted (<see cref="Common.Redactor.RedactUrl"/>).
/// </summary>
public sealed record VariableDefinition(string Name, CredentialSource Source, bool NonEmpty, string? Fingerprint, string? Prefix, string? PlainValue)
{
    /// <summary>Where it is set, for messages: <c>env:X</c>, or <c>settings:project (/repo/.claude/settings.json)</c>.</summary>
    public string Location => Source.Path is null ? Source.ToString() : $"{Source} ({Source.Path})";
}
