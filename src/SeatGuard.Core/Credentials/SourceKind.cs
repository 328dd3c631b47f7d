using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

/// <summary>Where a credential can come from.</summary>
public enum SourceKind { None, Environment, Settings, File, Keychain }
