using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>Validation of an incoming envelope's resource before anything touches the store.</summary>
internal static class MetaRequest
{
    /// <summary>Null when acceptable; otherwise the reason (malformed resource or unknown resource type).</summary>
    public static string? Check(MessageEnvelope envelope, bool requireName)
    {
        if (!EdgeResource.TryParse(envelope.Route.Resource, out var resource))
        {
            return $"resource '{envelope.Route.Resource}' is not <namespace>/<type>[/<name>]";
        }

        if (!MetaRowRules.KnownTypes.Contains(resource.ResourceType))
        {
            return $"unknown resource type '{resource.ResourceType}'";
        }

        return requireName && resource.IsList ? $"resource '{envelope.Route.Resource}' names no object" : null;
    }
}
