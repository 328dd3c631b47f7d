using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>A SARIF rule's help text.</summary>
/// <param name="Text">Plain text.</param>
/// <param name="Markdown">Markdown.</param>
public sealed record SarifHelp(string Text, string Markdown);
