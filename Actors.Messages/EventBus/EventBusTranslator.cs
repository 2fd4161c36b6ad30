using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Messages.EventBus;

/// <summary>Envelope ↔ record for EventBus: router traffic in group <c>user</c>, resource = MQTT topic.</summary>
public static class EventBusTranslator
{
    /// <summary>Recognises EventBus traffic; null with a reason otherwise.</summary>
    public static IEventBusMessage? TryParse(MessageEnvelope envelope, out string? reason)
    {
        reason = null;
        var route = envelope.Route;
        if (route.Group != Groups.User || route.Resource.Length == 0)
        {
            reason = $"group '{route.Group}' / resource '{route.Resource}' is not EventBus traffic";
            return null;
        }

        IEventBusMessage? parsed = route.Operation switch
        {
            Operations.Publish => new PublishFromCloud(route.Resource, BodyOf(envelope.Content)),
            Operations.Subscribe => new SubscribeTopic(route.Resource),
            Operations.Unsubscribe => new UnsubscribeTopic(route.Resource),
            Operations.Upload => new UploadToCloud(route.Resource, BodyOf(envelope.Content)),
            _ => null,
        };
        reason = parsed is null ? $"operation '{route.Operation}' is not EventBus traffic" : null;
        return parsed;
    }

    /// <summary>
    /// What module <c>eventbus</c> is asked to do, whatever the source and group (KubeEdge switches on the operation
    /// only): <c>publish</c>, <c>subscribe</c>, <c>unsubscribe</c> (resource = topic) and <c>message</c>. Null with a
    /// reason otherwise.
    /// </summary>
    public static IEventBusMessage? TryParseCommand(MessageEnvelope envelope, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        reason = null;
        var route = envelope.Route;
        if (route.Operation == EventBusTopics.MessageOperation)
        {
            return ParseMessageJson(envelope.Content, out reason);
        }

        if (route.Resource.Length == 0)
        {
            reason = $"operation '{route.Operation}' without a topic (resource)";
            return null;
        }

        IEventBusMessage? parsed = route.Operation switch
        {
            Operations.Publish => new PublishFromCloud(route.Resource, BodyOf(envelope.Content)),
            Operations.Subscribe => new SubscribeTopic(route.Resource),
            Operations.Unsubscribe => new UnsubscribeTopic(route.Resource),
            _ => null,
        };
        reason = parsed is null ? $"operation '{route.Operation}' is not handled by eventbus" : null;
        return parsed;
    }

    /// <summary>An MQTT message as the bus sees it: device/node topics for DeviceTwin, everything else for the cloud.</summary>
    public static IEventBusMessage FromMqtt(string topic, string payload)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(payload);
        return EventBusTopics.IsTwinTopic(topic) ? new DeviceEventFromMqtt(topic, payload) : new UploadToCloud(topic, payload);
    }

    /// <summary>Edge → DeviceTwin: source <c>bus</c>, group <c>user</c>, operation <c>response</c>, resource = base64url(topic).</summary>
    public static MessageEnvelope ToEnvelope(DeviceEventFromMqtt message, MessageHeader header)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(
            header,
            new MessageRoute(ModuleNames.BusSource, Groups.User, Operations.Response, EventBusTopics.EncodeResource(message.Topic)),
            MessageContent.FromString(message.Payload));
    }

    /// <summary>A module asks eventbus to publish <paramref name="payload"/> on <paramref name="topic"/> (operation <c>publish</c>).</summary>
    public static MessageEnvelope PublishRequest(string source, string topic, string payload, MessageHeader header) => new(
        header,
        new MessageRoute(source, Groups.Bus, Operations.Publish, topic),
        MessageContent.FromString(payload));

    public static MessageEnvelope ToEnvelope(PublishFromCloud message, MessageHeader header) =>
        Router(header, Operations.Publish, message.Topic, MessageContent.FromString(message.Body));

    public static MessageEnvelope ToEnvelope(SubscribeTopic message, MessageHeader header) =>
        Router(header, Operations.Subscribe, message.Topic, MessageContent.Null);

    public static MessageEnvelope ToEnvelope(UnsubscribeTopic message, MessageHeader header) =>
        Router(header, Operations.Unsubscribe, message.Topic, MessageContent.Null);

    /// <summary>Edge → cloud: source <c>bus</c>, group <c>user</c>, operation <c>upload</c>, content = payload string.</summary>
    public static MessageEnvelope ToEnvelope(UploadToCloud message, MessageHeader header) => new(
        header,
        new MessageRoute(ModuleNames.BusSource, Groups.User, Operations.Upload, message.Topic),
        MessageContent.FromString(message.Payload));

    /// <summary>A string content as is; any other JSON as its text (what Go's GetContentData gives the bus).</summary>
    private static string BodyOf(MessageContent content) => content.Kind switch
    {
        ContentKind.String => content.AsString()!,
        ContentKind.Null => string.Empty,
        _ => content.ToString(),
    };

    private static PublishMessageJson? ParseMessageJson(MessageContent content, out string? reason)
    {
        reason = "operation 'message' needs content {\"message\":{\"topic\":...}}";
        System.Text.Json.JsonElement root;
        try
        {
            root = content.Kind switch
            {
                ContentKind.Object => content.ToElement(),
                ContentKind.String => System.Text.Json.JsonDocument.Parse(content.AsString()!).RootElement.Clone(),
                _ => default,
            };
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        if (root.ValueKind != System.Text.Json.JsonValueKind.Object || !root.TryGetProperty("message", out var message) || message.ValueKind != System.Text.Json.JsonValueKind.Object
            || !message.TryGetProperty("topic", out var topic) || topic.ValueKind != System.Text.Json.JsonValueKind.String
            || topic.GetString() is not { Length: > 0 } name)
        {
            return null;
        }

        reason = null;
        return new PublishMessageJson(name, message.GetRawText());
    }

    private static MessageEnvelope Router(MessageHeader header, string operation, string topic, MessageContent content) => new(
        header,
        new MessageRoute(ModuleNames.RouterEventBus, Groups.User, operation, topic),
        content);
}
