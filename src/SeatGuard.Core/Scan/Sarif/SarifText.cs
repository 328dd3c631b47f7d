using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>A SARIF text message.</summary>
/// <param name="Text">The text.</param>
public sealed record SarifText(string Text);
