using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Messages.CloudHub;

/// <summary>
/// Which downstream messages go through the reliable (ACK + retry) queue, following KubeEdge's
/// <c>noAckRequired</c>. Everything not listed there needs an ACK.
/// </summary>
public static class AckPolicy
{
    /// <summary>Resource substrings that mark fire-and-forget messages.</summary>
    private static readonly string[] NoAckResourceParts =
    [
        ResourceTypes.PodList, ResourceTypes.Membership, ResourcePaths.TwinCloudUpdatedSuffix,
        ResourceTypes.ServiceAccountToken, ResourceTypes.K8sCaCert,
    ];

    /// <summary>True when the message must be acknowledged by the edge (and retried until it is).</summary>
    public static bool RequiresAck(MessageEnvelope envelope) => !NoAckRequired(envelope);

    /// <summary>KubeEdge's <c>noAckRequired</c>.</summary>
    public static bool NoAckRequired(MessageEnvelope envelope)
    {
        var route = envelope.Route;
        if (NoAckResourceParts.Any(part => route.Resource.Contains(part, StringComparison.Ordinal)))
        {
            return true;
        }

        if (route.Operation is Operations.CreateVolume or Operations.DeleteVolume or Operations.ControllerPublishVolume
            or Operations.ControllerUnpublishVolume or Operations.ApplicationResponse or Operations.Error)
        {
            return true;
        }

        if (route.Group == Groups.User || route.Source is ModuleNames.TaskManager or ModuleNames.NodeUpgradeJobController)
        {
            return true;
        }

        if (route.Operation == Operations.Response && envelope.Content.AsString() == WellKnownContent.Ok)
        {
            return true;
        }

        return route.Source == ModuleNames.EdgeController && EdgeControllerNoAck(route);
    }

    /// <summary>EdgeController messages that are not objects the edge stores.</summary>
    private static bool EdgeControllerNoAck(MessageRoute route)
    {
        var type = ResourceTypeOf(route.Resource);
        return type switch
        {
            ResourceTypes.Node => route.Operation != Operations.Update,
            ResourceTypes.Lease or ResourceTypes.NodePatch or ResourceTypes.PodPatch or ResourceTypes.PodStatus
                or ResourceTypes.CertificateSigningRequest => true,
            ResourceTypes.Pod => route.Operation == Operations.Response,
            _ => false,
        };
    }

    /// <summary>The type segment of a cloud (<c>node/id/ns/type/…</c>) or edge (<c>ns/type/…</c>) resource.</summary>
    private static string ResourceTypeOf(string resource)
    {
        if (NodeResource.TryParse(resource, out var node))
        {
            return node.ResourceType;
        }

        var parts = resource.Split('/');
        return parts.Length >= 2 ? parts[1] : string.Empty;
    }
}
