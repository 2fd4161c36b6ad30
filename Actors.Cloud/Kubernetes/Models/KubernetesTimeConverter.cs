using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>metav1.Time: RFC 3339 in UTC with second precision ("2024-05-01T10:00:00Z").</summary>
public sealed class KubernetesTimeConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        var text = reader.GetString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            throw new JsonException($"'{text}' is not an RFC 3339 time");
        }
        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStringValue(value.Value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }

    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";
}
