using Actors.Messages.Wire;

namespace Actors.Messages.CloudHub;

/// <summary>Messages of the cloud's edge link (module and group <c>cloudhub</c>).</summary>
public interface ICloudHubMessage;

/// <summary>A node session started (published to the edgecontroller group).</summary>
public sealed record NodeConnected(string NodeId, DateTimeOffset At) : ICloudHubMessage;

/// <summary>A node session ended.</summary>
public sealed record NodeDisconnected(string NodeId, DateTimeOffset At) : ICloudHubMessage;

/// <summary>A node's keepalive arrived.</summary>
public sealed record NodeKeepaliveReceived(string NodeId, DateTimeOffset At) : ICloudHubMessage;

/// <summary>A controller hands CloudHub an envelope for a node (resource in the cloud form <c>node/&lt;id&gt;/…</c>).</summary>
public sealed record DownstreamMessage(string NodeId, MessageEnvelope Envelope) : ICloudHubMessage;

/// <summary>An envelope arrived from a node (resource as the edge sent it).</summary>
public sealed record UpstreamMessage(string NodeId, MessageEnvelope Envelope) : ICloudHubMessage;

/// <summary>A node acknowledged the cloud message <paramref name="AckedMsgId"/>.</summary>
public sealed record AckReceived(string NodeId, string AckedMsgId) : ICloudHubMessage;

/// <summary>What CloudHub does with a message from a node (KubeEdge's <c>DispatchUpstream</c> order).</summary>
public enum UpstreamDispatchKind
{
    /// <summary>Reset the node's keepalive timer.</summary>
    Keepalive,

    /// <summary>Answer to a cloud SendSync (volume results): deliver by parent id.</summary>
    Response,

    /// <summary>An ACK of a cloud message (<c>parent_msg_id</c> in <see cref="UpstreamDispatch.Target"/>).</summary>
    Ack,

    /// <summary>An error report: log only.</summary>
    LogOnly,

    /// <summary>CloudHub answers itself (the edge asked for <c>k8s/ca.crt</c>).</summary>
    K8sCaRequest,

    /// <summary>Send to the module named in <see cref="UpstreamDispatch.Target"/>.</summary>
    Module,

    /// <summary>Broadcast to the group named in <see cref="UpstreamDispatch.Target"/>.</summary>
    Group,

    /// <summary>Refused (e.g. an edge message pretending to come from a cloud module); reason in Target.</summary>
    Drop,
}

/// <summary>The decision for one upstream message; <paramref name="Envelope"/> has the cloud-form resource.</summary>
public sealed record UpstreamDispatch(UpstreamDispatchKind Kind, string Target, MessageEnvelope Envelope);
