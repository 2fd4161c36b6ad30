using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Actors.Kernel.Persistence.Serialization;

namespace Actors.Kernel.Persistence.Delivery;

/// <summary>
/// Lets an <see cref="AtLeastOnceDeliverySnapshot"/> (or a snapshot record containing one) go
/// through a <see cref="SerializerRegistry"/>: the <c>object</c> message of each
/// <see cref="UnconfirmedDelivery"/> is written with its registered manifest and read back as the
/// same type. Add it to the registry's JSON options before the first registration:
/// <code>
/// var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
/// var registry = new SerializerRegistry(json);
/// json.Converters.Add(new UnconfirmedDeliveryJsonConverter(registry));
/// registry.Register&lt;AtLeastOnceDeliverySnapshot&gt;("alo-delivery-snapshot.v1").Register&lt;MyMessage&gt;("my-message.v1");
/// </code>
/// Every delivered message type must be registered too.
/// </summary>
public sealed class UnconfirmedDeliveryJsonConverter(SerializerRegistry registry) : JsonConverter<UnconfirmedDelivery>
{
    public override UnconfirmedDelivery Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object ||
            !root.TryGetProperty("deliveryId", out var id) || !id.TryGetInt64(out var deliveryId) ||
            !root.TryGetProperty("destination", out var destination) || destination.ValueKind != JsonValueKind.String ||
            !root.TryGetProperty("manifest", out var manifest) || manifest.ValueKind != JsonValueKind.String ||
            !root.TryGetProperty("message", out var message))
        {
            throw new JsonException("An unconfirmed delivery needs deliveryId, destination, manifest and message.");
        }

        int? serializerId = root.TryGetProperty("serializerId", out var sid) && sid.TryGetInt32(out var s) ? s : null;
        object value;
        try
        {
            value = registry.Deserialize(manifest.GetString()!, serializerId, Encoding.UTF8.GetBytes(message.GetRawText()));
        }
        catch (PersistenceSerializationException ex)
        {
            throw new JsonException("Unconfirmed delivery " + deliveryId + ": " + ex.Message, ex);
        }

        return new UnconfirmedDelivery(deliveryId, destination.GetString()!, value);
    }

    public override void Write(Utf8JsonWriter writer, UnconfirmedDelivery value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var payload = registry.Serialize(value.Message);
        writer.WriteStartObject();
        writer.WriteNumber("deliveryId", value.DeliveryId);
        writer.WriteString("destination", value.Destination);
        writer.WriteString("manifest", payload.Manifest);
        writer.WriteNumber("serializerId", payload.SerializerId);
        writer.WritePropertyName("message");
        writer.WriteRawValue(payload.Bytes, skipInputValidation: true);
        writer.WriteEndObject();
    }
}
