namespace SeatGuard.Core.Scan;

/// <summary>
/// A rule's own example: a file (path and text) the rule must report (<see cref="Hit"/>) or must not.
/// Token placeholders <c>{{oat}}</c>, <c>{{ort}}</c>, <c>{{api}}</c>, <c>{{admin}}</c> stand for fake tokens made at check time.
/// </summary>
public sealed record RuleExample(bool Hit, string Path, string Text, int Line);
