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

    private static MessageEnvelope Router(MessageHeader header, string operation, string topic, MessageContent content) => new(
        header,
        new MessageRoute(ModuleNames.RouterEventBus, Groups.User, operation, topic),
        content);
}
