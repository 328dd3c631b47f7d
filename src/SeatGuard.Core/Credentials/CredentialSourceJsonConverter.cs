using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

/// <summary>Writes and reads <see cref="CredentialSource"/> as the contract's string.</summary>
public sealed class CredentialSourceJsonConverter : JsonConverter<CredentialSource>
{
    /// <inheritdoc />
    public override CredentialSource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => CredentialSource.Parse(reader.GetString());

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CredentialSource value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
