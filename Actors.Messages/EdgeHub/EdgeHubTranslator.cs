using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Messages.EdgeHub;

/// <summary>Envelope ↔ record for EdgeHub, and its routing of cloud messages (pure).</summary>
public static class EdgeHubTranslator
{
    /// <summary>Route <c>{source:"websocket", group:"resource", operation:"keepalive", resource:"node"}</c>, content "ping".</summary>
    public static MessageEnvelope ToEnvelope(EdgeKeepalive message, MessageHeader header) => new(
        header,
        new MessageRoute(ModuleNames.EdgeHub, Groups.Resource, Operations.Keepalive, ResourceTypes.Node),
        MessageContent.FromString(WellKnownContent.Ping));

    /// <summary>The ACK as beehive's <c>NewRespByMessage</c> builds it, content "OK".</summary>
    public static MessageEnvelope ToEnvelope(DeliveryAck message, MessageHeader header) => new(
        header with { ParentMsgId = message.AckedMsgId },
        new MessageRoute(message.Source, message.Group, Operations.Response, message.Resource),
        MessageContent.FromString(WellKnownContent.Ok));

    /// <summary>Recognises a keepalive or an ACK; null for other envelopes.</summary>
    public static IEdgeHubMessage? TryParse(MessageEnvelope envelope)
    {
        var route = envelope.Route;
        if (route.Operation == Operations.Keepalive)
        {
            return new EdgeKeepalive();
        }

        return route.Operation == Operations.Response && envelope.Header.IsResponse
            ? new DeliveryAck(envelope.Header.ParentMsgId, route.Source, route.Group, route.Resource)
            : null;
    }

    /// <summary>
    /// KubeEdge's edge-side dispatch of a cloud message, first match wins: group resource/func → SendResp when it has a
    /// parent id, else group meta; group twin → group twin; group user → SendResp with a parent id, else by source
    /// (router_eventbus → eventbus, router_servicebus → servicebus); group taskmanager → module taskmanager.
    /// </summary>
    public static EdgeDispatch RouteFromCloud(MessageEnvelope envelope)
    {
        var hasParent = envelope.Header.IsResponse;
        return envelope.Route.Group switch
        {
            Groups.Resource or Groups.Func => hasParent
                ? new EdgeDispatch(EdgeDispatchKind.Response, envelope.Header.ParentMsgId)
                : new EdgeDispatch(EdgeDispatchKind.Group, Groups.Meta),
            Groups.Twin => new EdgeDispatch(EdgeDispatchKind.Group, Groups.Twin),
            Groups.User when hasParent => new EdgeDispatch(EdgeDispatchKind.Response, envelope.Header.ParentMsgId),
            Groups.User => envelope.Route.Source switch
            {
                ModuleNames.RouterEventBus => new EdgeDispatch(EdgeDispatchKind.Module, ModuleNames.EventBus),
                ModuleNames.RouterServiceBus => new EdgeDispatch(EdgeDispatchKind.Module, ModuleNames.ServiceBus),
                _ => new EdgeDispatch(EdgeDispatchKind.Drop, $"no user handler for source '{envelope.Route.Source}'"),
            },
            Groups.TaskManager => new EdgeDispatch(EdgeDispatchKind.Module, ModuleNames.TaskManager),
            _ => new EdgeDispatch(EdgeDispatchKind.Drop, $"no handler for group '{envelope.Route.Group}'"),
        };
    }
}
