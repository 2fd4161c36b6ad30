using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Messages.EdgeD;

/// <summary>Envelope ↔ record for EdgeD (edge-form resources; outgoing messages use source edged, group meta).</summary>
public static class EdgeDTranslator
{
    /// <summary>Namespace of node leases.</summary>
    public const string LeaseNamespace = "kube-node-lease";

    /// <summary>Recognises a pod change for EdgeD; null with a reason otherwise.</summary>
    public static IEdgeDMessage? TryParse(MessageEnvelope envelope, out string? reason)
    {
        reason = null;
        if (!EdgeResource.TryParse(envelope.Route.Resource, out var resource) || resource.IsList
            || resource.ResourceType != ResourceTypes.Pod)
        {
            reason = $"resource '{envelope.Route.Resource}' is not <namespace>/pod/<name>";
            return null;
        }

        IEdgeDMessage? parsed = envelope.Route.Operation switch
        {
            Operations.Insert or Operations.Update =>
                new PodUpserted(resource.Namespace, resource.Name, envelope.Header.ResourceVersion, envelope.Content),
            Operations.Delete => new PodDeleted(resource.Namespace, resource.Name, envelope.Content),
            _ => null,
        };
        reason = parsed is null ? $"operation '{envelope.Route.Operation}' is not a pod change" : null;
        return parsed;
    }

    public static MessageEnvelope ToEnvelope(NodeRegister message, MessageHeader header) =>
        Meta(header, Operations.Insert, new EdgeResource(ResourceTypes.NullNamespace, ResourceTypes.Node, message.NodeName), message.Node);

    public static MessageEnvelope ToEnvelope(NodeStatusPatch message, MessageHeader header) =>
        Meta(header, Operations.Patch, new EdgeResource(ResourceTypes.NullNamespace, ResourceTypes.NodePatch, message.NodeName), message.Patch);

    public static MessageEnvelope ToEnvelope(PodStatusPatch message, MessageHeader header) =>
        Meta(header, Operations.Patch, new EdgeResource(message.Namespace, ResourceTypes.PodPatch, message.Name), message.Patch);

    public static MessageEnvelope ToEnvelope(LeaseUpdate message, MessageHeader header) =>
        Meta(header, Operations.Update, new EdgeResource(LeaseNamespace, ResourceTypes.Lease, message.NodeName), message.Lease);

    /// <summary>A pod delete as EdgeD sends it to the cloud (content = DeleteOptions).</summary>
    public static MessageEnvelope ToEnvelope(PodDeleted message, MessageHeader header) =>
        Meta(header, Operations.Delete, new EdgeResource(message.Namespace, ResourceTypes.Pod, message.Name), message.Pod);

    private static MessageEnvelope Meta(MessageHeader header, string operation, EdgeResource resource, MessageContent content) => new(
        header,
        new MessageRoute(ModuleNames.EdgeD, Groups.Meta, operation, resource.ToString()),
        content);
}
