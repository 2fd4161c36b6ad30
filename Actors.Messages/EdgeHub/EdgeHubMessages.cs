using Actors.Messages.Wire;

namespace Actors.Messages.EdgeHub;

/// <summary>Messages of the edge's cloud link (module <c>websocket</c>, group <c>hub</c>).</summary>
public interface IEdgeHubMessage;

/// <summary>The edge's heartbeat to the cloud (content <c>"ping"</c>); the cloud does not answer it.</summary>
public sealed record EdgeKeepalive : IEdgeHubMessage;

/// <summary>
/// The edge's acknowledgement of a cloud message: a <c>response</c> whose parent id is the cloud msg_id and whose
/// source, group and resource are copied from it, content <c>"OK"</c>.
/// </summary>
public sealed record DeliveryAck(string AckedMsgId, string Source, string Group, string Resource) : IEdgeHubMessage
{
    /// <summary>The ACK for a received cloud message.</summary>
    public static DeliveryAck For(MessageEnvelope received) =>
        new(received.Header.MsgId, received.Route.Source, received.Route.Group, received.Route.Resource);
}

/// <summary>A module hands EdgeHub an envelope for the cloud.</summary>
public sealed record SendToCloud(MessageEnvelope Envelope) : IEdgeHubMessage;

/// <summary>EdgeHub decoded an envelope from the cloud.</summary>
public sealed record ReceivedFromCloud(MessageEnvelope Envelope) : IEdgeHubMessage;

/// <summary>Where EdgeHub delivers a cloud message (KubeEdge's <c>messagehandler</c> order).</summary>
public enum EdgeDispatchKind
{
    /// <summary>An answer to an edge SendSync: deliver by parent id (<c>SendResp</c>).</summary>
    Response,

    /// <summary>Broadcast to the group in <see cref="EdgeDispatch.Target"/>.</summary>
    Group,

    /// <summary>Send to the module in <see cref="EdgeDispatch.Target"/>.</summary>
    Module,

    /// <summary>No handler matches: drop and log.</summary>
    Drop,
}

/// <summary>The routing decision for one cloud message.</summary>
public sealed record EdgeDispatch(EdgeDispatchKind Kind, string Target);
