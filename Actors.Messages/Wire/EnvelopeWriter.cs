using System.Text.Json;

namespace Actors.Messages.Wire;

/// <summary>Writes the beehive JSON layout; optional members are omitted when empty (Go's omitempty).</summary>
internal static class EnvelopeWriter
{
    public static void Write(Utf8JsonWriter writer, MessageEnvelope envelope)
    {
        writer.WriteStartObject();
        WriteHeader(writer, envelope.Header);
        WriteRoute(writer, envelope.Route);
        writer.WritePropertyName(WireNames.Content);
        envelope.Content.WriteTo(writer);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteHeader(Utf8JsonWriter writer, MessageHeader header)
    {
        writer.WriteStartObject(WireNames.Header);
        writer.WriteString(WireNames.MsgId, header.MsgId);
        WriteIfSet(writer, WireNames.ParentMsgId, header.ParentMsgId);
        writer.WriteNumber(WireNames.Timestamp, header.Timestamp);
        WriteIfSet(writer, WireNames.ResourceVersion, header.ResourceVersion);
        if (header.Sync)
        {
            writer.WriteBoolean(WireNames.Sync, true);
        }

        WriteIfSet(writer, WireNames.Type, header.Type);
        writer.WriteEndObject();
    }

    private static void WriteRoute(Utf8JsonWriter writer, MessageRoute route)
    {
        writer.WriteStartObject(WireNames.Route);
        WriteIfSet(writer, WireNames.Source, route.Source);
        WriteIfSet(writer, WireNames.Destination, route.Destination);
        WriteIfSet(writer, WireNames.Group, route.Group);
        WriteIfSet(writer, WireNames.Operation, route.Operation);
        WriteIfSet(writer, WireNames.Resource, route.Resource);
        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }
}
