using System.Text.Json;
using System.Text.RegularExpressions;
using Actors.Messages.Json;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Messages.CloudHub;

/// <summary>Envelope ↔ record for CloudHub, its upstream dispatch and the wire resource rules (pure).</summary>
public static partial class CloudHubTranslator
{
    /// <summary>
    /// The connect event for the edgecontroller group: route <c>{source:"cloudhub", group:"resource",
    /// operation:"connected", resource:"node/&lt;id&gt;"}</c>, content <c>{event_type, timestamp (s), client_id}</c>.
    /// </summary>
    public static MessageEnvelope ToEnvelope(NodeConnected message, MessageHeader header) =>
        ConnectEvent(message.NodeId, message.At, Operations.Connected, header);

    /// <summary>The disconnect event (operation <c>disconnected</c>).</summary>
    public static MessageEnvelope ToEnvelope(NodeDisconnected message, MessageHeader header) =>
        ConnectEvent(message.NodeId, message.At, Operations.Disconnected, header);

    /// <summary>Recognises a connect or disconnect event; null for other envelopes or a malformed content.</summary>
    public static ICloudHubMessage? TryParseConnectEvent(MessageEnvelope envelope)
    {
        if (envelope.Route.Source != ModuleNames.CloudHub || envelope.Content.Kind != ContentKind.Object)
        {
            return null;
        }

        ConnectEventContent? content;
        try
        {
            content = envelope.Content.Deserialize(MessagesJsonContext.Default.ConnectEventContent);
        }
        catch (JsonException)
        {
            return null;
        }

        if (content is null || string.IsNullOrEmpty(content.ClientId))
        {
            return null;
        }

        var at = DateTimeOffset.FromUnixTimeSeconds(content.Timestamp);
        return envelope.Route.Operation switch
        {
            Operations.Connected => new NodeConnected(content.ClientId, at),
            Operations.Disconnected => new NodeDisconnected(content.ClientId, at),
            _ => null,
        };
    }

    /// <summary>Downstream to the wire: CloudHub's <c>TrimMessage</c> drops <c>node/&lt;id&gt;/</c>.</summary>
    public static MessageEnvelope ToWire(MessageEnvelope envelope) =>
        envelope with { Route = envelope.Route.WithResource(ResourcePaths.TrimForEdge(envelope.Route.Resource)) };

    /// <summary>
    /// KubeEdge's <c>DispatchUpstream</c>, in order: keepalive; volume results → response; <c>response</c> → ACK;
    /// <c>error</c> → log; user upload → router; task messages → taskmanager group; <c>k8s/ca.crt</c> → CloudHub;
    /// sources that are cloud modules → drop; otherwise prefix <c>node/&lt;id&gt;/</c> and publish (metaserver →
    /// dynamiccontroller, twin → devicecontroller group, else edgecontroller group).
    /// </summary>
    public static UpstreamDispatch ClassifyUpstream(string nodeId, MessageEnvelope envelope)
    {
        var route = envelope.Route;
        if (route.Operation == Operations.Keepalive)
        {
            return new UpstreamDispatch(UpstreamDispatchKind.Keepalive, nodeId, envelope);
        }

        if (VolumeResource().IsMatch(route.Resource))
        {
            return new UpstreamDispatch(UpstreamDispatchKind.Response, envelope.Header.ParentMsgId, envelope);
        }

        return route.Operation switch
        {
            Operations.Response => new UpstreamDispatch(UpstreamDispatchKind.Ack, envelope.Header.ParentMsgId, envelope),
            Operations.Error => new UpstreamDispatch(UpstreamDispatchKind.LogOnly, nodeId, envelope),
            _ => ClassifyPublish(nodeId, envelope),
        };
    }

    /// <summary>Upstream from the wire: prefix <c>node/&lt;id&gt;/</c> to the edge's resource.</summary>
    public static MessageEnvelope FromWire(string nodeId, MessageEnvelope envelope) =>
        envelope with { Route = envelope.Route.WithResource(ResourcePaths.PrefixForCloud(nodeId, envelope.Route.Resource)) };

    /// <summary>
    /// CloudHub's <c>IsToEdge</c>: everything goes to the edge except legacy <c>edgemgr</c> messages that are
    /// cloud-internal (membership get; twin delta/document/get; auth_info get; node delete).
    /// </summary>
    public static bool IsToEdge(MessageEnvelope envelope)
    {
        var route = envelope.Route;
        if (route.Source != ModuleNames.EdgeManager)
        {
            return true;
        }

        var resource = ResourcePaths.TrimForEdge(route.Resource);
        bool Internal(string part, params string[] operations) =>
            operations.Contains(route.Operation) && resource.Contains(part, StringComparison.Ordinal);
        return !(Internal(ResourceTypes.Membership, Operations.Get)
            || Internal(ResourceTypes.Twin, Operations.Delta, Operations.Document, Operations.Get)
            || Internal("auth_info", Operations.Get)
            || Internal(ResourceTypes.Node, Operations.Delete));
    }

    /// <summary>CloudHub's <c>IsNodeStopped</c>: a delete of the node object ends the node's session.</summary>
    public static bool IsNodeStopped(MessageEnvelope envelope) =>
        envelope.Route.Operation == Operations.Delete
        && NodeResource.TryParse(envelope.Route.Resource, out var resource)
        && resource.ResourceType == ResourceTypes.Node;

    private static UpstreamDispatch ClassifyPublish(string nodeId, MessageEnvelope envelope)
    {
        var route = envelope.Route;
        if (route.Operation == Operations.Upload && route.Group == Groups.User)
        {
            return new UpstreamDispatch(UpstreamDispatchKind.Module, ModuleNames.Router, FromWire(nodeId, envelope));
        }

        if (route.Group == Groups.TaskManager || route.Source == ModuleNames.TaskManager)
        {
            return new UpstreamDispatch(UpstreamDispatchKind.Group, Groups.TaskManager, FromWire(nodeId, envelope));
        }

        if (route.Resource == ResourceTypes.K8sCaCert)
        {
            return new UpstreamDispatch(UpstreamDispatchKind.K8sCaRequest, nodeId, envelope);
        }

        if (route.Source is ModuleNames.CloudHub or ModuleNames.CloudStream or ModuleNames.DeviceController
            or ModuleNames.EdgeController or ModuleNames.SyncController)
        {
            return new UpstreamDispatch(UpstreamDispatchKind.Drop, $"source '{route.Source}' is a cloud module", envelope);
        }

        var forwarded = FromWire(nodeId, envelope);
        return route.Source switch
        {
            ModuleNames.MetaServer => new UpstreamDispatch(UpstreamDispatchKind.Module, ModuleNames.DynamicController, forwarded),
            ModuleNames.DeviceTwin => new UpstreamDispatch(UpstreamDispatchKind.Group, Groups.DeviceController, forwarded),
            _ => new UpstreamDispatch(UpstreamDispatchKind.Group, Groups.EdgeController, forwarded),
        };
    }

    private static MessageEnvelope ConnectEvent(string nodeId, DateTimeOffset at, string operation, MessageHeader header)
    {
        var content = new ConnectEventContent(operation, at.ToUnixTimeSeconds(), nodeId);
        return new MessageEnvelope(
            header,
            new MessageRoute(ModuleNames.CloudHub, Groups.Resource, operation, $"{ResourceTypes.NodePrefix}/{nodeId}"),
            MessageContent.From(content, MessagesJsonContext.Default.ConnectEventContent));
    }

    [GeneratedRegex(@"^\w[-\w.+]*/volume/\w[-\w.+]*")]
    private static partial Regex VolumeResource();
}
