using System.Collections.Immutable;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Messages.Bus;

/// <summary>
/// Envelope ↔ record for the bus's connection broadcasts. KubeEdge's form: route
/// <c>{source:"edgehub", group:&lt;target group&gt;, resource:"node/connection", operation:"connect"}</c>, content
/// <c>"cloud_connected"</c> or <c>"cloud_disconnected"</c>.
/// </summary>
public static class BusTranslator
{
    /// <summary>The groups EdgeHub informs about the cloud link (KubeEdge's <c>edgehub.go</c>).</summary>
    public static ImmutableArray<string> ConnectionGroups { get; } =
        [Groups.Twin, Groups.Meta, Groups.Bus, Groups.TaskManager];

    /// <summary>The connect broadcast for one target group.</summary>
    public static MessageEnvelope ToEnvelope(CloudConnected message, string group, MessageHeader header) =>
        Connection(group, header with { Timestamp = message.At.ToUnixTimeMilliseconds() }, WellKnownContent.CloudConnected);

    /// <summary>The disconnect broadcast for one target group (the reason is not on the wire).</summary>
    public static MessageEnvelope ToEnvelope(CloudDisconnected message, string group, MessageHeader header) =>
        Connection(group, header with { Timestamp = message.At.ToUnixTimeMilliseconds() }, WellKnownContent.CloudDisconnected);

    /// <summary>Recognises a connection broadcast; null for any other envelope.</summary>
    public static IBusMessage? TryParseConnection(MessageEnvelope envelope)
    {
        if (envelope.Route.Resource != ResourceTypes.NodeConnection || envelope.Route.Operation != Operations.Connect)
        {
            return null;
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(envelope.Header.Timestamp);
        return envelope.Content.AsString() switch
        {
            WellKnownContent.CloudConnected => new CloudConnected(at),
            WellKnownContent.CloudDisconnected => new CloudDisconnected(at, string.Empty),
            _ => null,
        };
    }

    private static MessageEnvelope Connection(string group, MessageHeader header, string content) => new(
        header,
        new MessageRoute(ModuleNames.EdgeHubSource, group, Operations.Connect, ResourceTypes.NodeConnection),
        MessageContent.FromString(content));
}
