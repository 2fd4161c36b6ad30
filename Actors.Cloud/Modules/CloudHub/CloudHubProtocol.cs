using System.Net.WebSockets;
using Actors.Messages.CloudHub;

namespace Actors.Cloud.Modules.CloudHub;

/// <summary>What CloudHub sends to its upstream target: a classified edge message (resource already prefixed).</summary>
public sealed record CloudHubUpstream(string NodeId, UpstreamDispatch Dispatch);

/// <summary>The server accepted a WebSocket for a node; <paramref name="Done"/> completes when the session ends.</summary>
public sealed record NodeSocketAccepted(string NodeId, WebSocket Socket, TaskCompletionSource Done);

/// <summary>Ask CloudHub for the nodes with a live session (answered with <see cref="ConnectedNodes"/>).</summary>
public sealed record GetConnectedNodes
{
    public static GetConnectedNodes Instance { get; } = new();
}

/// <summary>The nodes with a live session.</summary>
public sealed record ConnectedNodes(IReadOnlyCollection<string> NodeIds);

/// <summary>Ask the CloudHub module what a node has acknowledged (answered with <see cref="AckedObjects"/>).</summary>
public sealed record GetAckedObjects(string NodeId);

/// <summary>The objects <paramref name="NodeId"/> acknowledged and still holds, as far as CloudHub knows.</summary>
public sealed record AckedObjects(string NodeId, IReadOnlyList<Sessions.AckedObject> Objects);

/// <summary>The server asks before upgrading whether a node may connect (node limit; replacing is always allowed).</summary>
public sealed record AdmitNode(string NodeId);

/// <summary>The answer to <see cref="AdmitNode"/>.</summary>
public sealed record NodeAdmission(bool Admitted);

/// <summary>Ask the CloudHub module for its bound ports (answered with <see cref="CloudHubEndpoints"/>).</summary>
public sealed record GetCloudHubEndpoints
{
    public static GetCloudHubEndpoints Instance { get; } = new();
}

/// <summary>The bound ports; 0 while a listener is not (yet) started or disabled.</summary>
public sealed record CloudHubEndpoints(int WebSocketPort, int HttpsPort);
