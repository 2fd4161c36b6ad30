using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.EdgeController;

/// <summary>
/// Builds the EdgeController's envelopes in KubeEdge's shape (pure): route
/// <c>{source:"edgecontroller", group:"resource", operation, resource:"node/&lt;n&gt;/&lt;ns&gt;/&lt;type&gt;/&lt;name&gt;"}</c>,
/// the object's JSON as content and its resourceVersion in the header.
/// </summary>
public static class EdgeEnvelopes
{
    /// <summary>An object for a node (insert/update/delete), <c>null</c> namespace for cluster-scoped objects.</summary>
    public static MessageEnvelope Object(
        TimeProvider time, string nodeId, string? @namespace, string resourceType, string name, string operation,
        string? resourceVersion, byte[]? json)
    {
        var resource = NodeResource.Create(nodeId, string.IsNullOrEmpty(@namespace) ? ResourceTypes.NullNamespace : @namespace, resourceType, name);
        var header = MessageHeader.New(time) with { ResourceVersion = resourceVersion ?? string.Empty };
        return new MessageEnvelope(
            header,
            new MessageRoute(ModuleNames.EdgeController, Groups.Resource, operation, resource.ToString()),
            json is null ? MessageContent.Null : MessageContent.FromJson(json));
    }

    /// <summary>
    /// The answer to an edge request (query, node insert, lease): operation <c>response</c>, the request's cloud-form
    /// resource, parent id = the request's id, the object and its resourceVersion.
    /// </summary>
    public static MessageEnvelope Response(TimeProvider time, MessageEnvelope request, string? resourceVersion, byte[] json)
    {
        var header = MessageHeader.New(time) with { ParentMsgId = request.Header.MsgId, ResourceVersion = resourceVersion ?? string.Empty };
        return new MessageEnvelope(
            header,
            new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Response, request.Route.Resource),
            MessageContent.FromJson(json));
    }

    /// <summary>A refused or failed request: operation <c>error</c> (KubeEdge's <c>ResponseErrorOperation</c>), content = the reason.</summary>
    public static MessageEnvelope Error(TimeProvider time, MessageEnvelope request, string reason)
    {
        var header = MessageHeader.New(time) with { ParentMsgId = request.Header.MsgId };
        return new MessageEnvelope(
            header,
            new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Error, request.Route.Resource),
            MessageContent.FromString(reason));
    }
}
