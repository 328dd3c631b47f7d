using System.Text.Json.Nodes;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;

namespace SeatGuard.Core.Integration;

/// <summary>A Claude Code settings file that could not be used; nothing was written.</summary>
public sealed class SettingsFileException(string message) : InputException(message);
