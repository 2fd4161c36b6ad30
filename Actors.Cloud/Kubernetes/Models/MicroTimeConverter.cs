using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>metav1.MicroTime: RFC 3339 in UTC with microseconds ("2024-05-01T10:00:00.123456Z").</summary>
public sealed class MicroTimeConverter : JsonConverter<DateTimeOffset?>
{
    private readonly KubernetesTimeConverter _reader = new();

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => _reader.Read(ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStringValue(value.Value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }

    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'";
}
