using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>intstr.IntOrString: a port number or a named port / percentage.</summary>
[JsonConverter(typeof(IntOrStringConverter))]
public readonly record struct IntOrString
{
    public IntOrString(int value)
    {
        IntValue = value;
        StringValue = null;
    }

    public IntOrString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        IntValue = 0;
        StringValue = value;
    }

    public int IntValue { get; }

    public string? StringValue { get; }

    public bool IsInt => StringValue is null;

    public static implicit operator IntOrString(int value) => new(value);

    public static implicit operator IntOrString(string value) => new(value);

    public override string ToString() => StringValue ?? IntValue.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Reads a JSON number or string; writes back the same kind.</summary>
public sealed class IntOrStringConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType switch
        {
            JsonTokenType.Number => new IntOrString(reader.GetInt32()),
            JsonTokenType.String => new IntOrString(reader.GetString()!),
            _ => throw new JsonException($"expected a number or a string for IntOrString, got {reader.TokenType}"),
        };

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        if (value.IsInt)
        {
            writer.WriteNumberValue(value.IntValue);
        }
        else
        {
            writer.WriteStringValue(value.StringValue);
        }
    }
}
