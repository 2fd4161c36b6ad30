using System.Buffers;
using System.Text.Json;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>The envelopes MetaManager builds: ACKs, errors, query answers and cloud-bound copies.</summary>
internal static class MetaEnvelopes
{
    /// <summary>KubeEdge's ACK: <c>NewRespByMessage(msg, "OK")</c> (operation response, parent = the cloud message's id).</summary>
    public static MessageEnvelope Ack(MessageEnvelope cloudMessage, TimeProvider time) =>
        MessageEnvelope.ResponseTo(cloudMessage, MessageHeader.New(time), MessageContent.FromString(WellKnownContent.Ok));

    /// <summary>An <c>OK</c> answer to an edge request, from <c>metamanager</c>.</summary>
    public static MessageEnvelope Ok(MessageEnvelope request, TimeProvider time) => FromMeta(
        MessageEnvelope.ResponseTo(request, MessageHeader.New(time), MessageContent.FromString(WellKnownContent.Ok)));

    /// <summary>An error answer (operation <c>error</c>, content = text).</summary>
    public static MessageEnvelope Error(MessageEnvelope request, string error, TimeProvider time) =>
        FromMeta(MessageEnvelope.ErrorTo(request, MessageHeader.New(time), error));

    /// <summary>A query answer: content is a JSON array of the stored object texts, as KubeEdge replies.</summary>
    public static MessageEnvelope QueryAnswer(MessageEnvelope request, IEnumerable<string> values, TimeProvider time) => FromMeta(
        MessageEnvelope.ResponseTo(request, MessageHeader.New(time), StringArray(values)));

    /// <summary>A copy of an edge request for the cloud with a fresh id (<c>processRemote</c>).</summary>
    public static MessageEnvelope ForCloud(MessageEnvelope request, TimeProvider time) =>
        request with { Header = MessageHeader.New(time) with { ResourceVersion = request.Header.ResourceVersion } };

    /// <summary>A JSON array of strings.</summary>
    public static MessageContent StringArray(IEnumerable<string> values) => Array(values, (w, v) => w.WriteStringValue(v));

    /// <summary>A JSON array of raw JSON values (each already valid JSON).</summary>
    public static MessageContent RawArray(IEnumerable<string> values) => Array(values, (w, v) => w.WriteRawValue(v, skipInputValidation: false));

    private static MessageContent Array(IEnumerable<string> values, Action<Utf8JsonWriter, string> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                write(writer, value);
            }

            writer.WriteEndArray();
        }

        return MessageContent.FromJson(buffer.WrittenSpan);
    }

    private static MessageEnvelope FromMeta(MessageEnvelope e) => e with { Route = e.Route with { Source = ModuleNames.MetaManager } };
}
