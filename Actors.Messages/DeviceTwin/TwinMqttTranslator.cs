using System.Diagnostics.CodeAnalysis;
using System.Text;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Messages.DeviceTwin;

/// <summary>
/// MQTT traffic between EventBus and DeviceTwin, in KubeEdge's envelope shapes (kubeedge.md §5). EventBus → twin group:
/// <c>{source:"bus", group:"user", operation:"response", resource: base64url(topic)}</c> with the payload as a string
/// content. Twin → module eventbus: <c>{source:"twin", group:"user", operation:"publish", resource: topic}</c> with the
/// payload as a string content. Parsing also accepts a plain <c>$hw/…</c> topic as resource and any operation, so a
/// bridge that does not base64-encode still reaches DeviceTwin.
/// </summary>
public static class TwinMqttTranslator
{
    /// <summary>Every DeviceTwin topic starts with this.</summary>
    public const string TopicPrefix = "$hw/events/";

    /// <summary>The envelope EventBus sends to group <c>twin</c> for an MQTT message on <paramref name="topic"/>.</summary>
    public static MessageEnvelope FromMqtt(string topic, string payload, MessageHeader header)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(payload);
        return new MessageEnvelope(
            header,
            new MessageRoute(ModuleNames.BusSource, Groups.User, Operations.Response, EncodeTopic(topic)),
            MessageContent.FromString(payload));
    }

    /// <summary>The envelope DeviceTwin sends to module <c>eventbus</c> to publish <paramref name="payload"/>.</summary>
    public static MessageEnvelope ToPublish(string topic, string payload, MessageHeader header)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(payload);
        return new MessageEnvelope(
            header,
            new MessageRoute(ModuleNames.DeviceTwin, Groups.User, Operations.Publish, topic),
            MessageContent.FromString(payload));
    }

    /// <summary>Reads a publish request (resource = topic, content = payload); false for any other envelope.</summary>
    public static bool TryParsePublish(MessageEnvelope envelope, [NotNullWhen(true)] out string? topic, [NotNullWhen(true)] out string? payload)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        topic = null;
        payload = null;
        if (envelope.Route.Operation != Operations.Publish || envelope.Route.Resource.Length == 0)
        {
            return false;
        }

        topic = envelope.Route.Resource;
        payload = PayloadOf(envelope.Content);
        return true;
    }

    /// <summary>
    /// Reads an MQTT message EventBus forwarded (source <c>bus</c>): the topic (decoded from base64url, or taken as is
    /// when it already starts with <see cref="TopicPrefix"/>) and the payload. False when the envelope is not one.
    /// </summary>
    public static bool TryParseMqtt(MessageEnvelope envelope, [NotNullWhen(true)] out string? topic, [NotNullWhen(true)] out string? payload)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        topic = null;
        payload = null;
        if (envelope.Route.Source != ModuleNames.BusSource)
        {
            return false;
        }

        var resource = envelope.Route.Resource;
        topic = resource.StartsWith(TopicPrefix, StringComparison.Ordinal) ? resource : DecodeTopic(resource);
        if (topic is null || !topic.StartsWith(TopicPrefix, StringComparison.Ordinal))
        {
            topic = null;
            return false;
        }

        payload = PayloadOf(envelope.Content);
        return true;
    }

    /// <summary>Go's <c>base64.URLEncoding</c> (URL alphabet, padded).</summary>
    public static string EncodeTopic(string topic) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(topic)).Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes base64url with or without padding; null when the text is not base64url.</summary>
    public static string? DecodeTopic(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var text = encoded.Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }

    private static string PayloadOf(MessageContent content) => content.Kind switch
    {
        ContentKind.String => content.AsString()!,
        ContentKind.Null => string.Empty,
        _ => content.ToString(),
    };
}
