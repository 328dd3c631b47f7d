using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

/// <summary>Where a credential can come from.</summary>
public enum SourceKind
{
    /// <summary>Nowhere: no credential.</summary>
    None,

    /// <summary>An environment variable.</summary>
    Environment,

    /// <summary>A settings file.</summary>
    Settings,

    /// <summary>A file such as <c>.credentials.json</c>.</summary>
    File,

    /// <summary>The macOS keychain.</summary>
    Keychain,
}
