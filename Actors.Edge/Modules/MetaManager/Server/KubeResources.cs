using System.Collections.Frozen;
using Actors.Messages.Routing;

namespace Actors.Edge.Modules.MetaManager.Server;

/// <summary>The Kubernetes core/v1 resources MetaServer serves and the <c>meta</c> type each is stored under.</summary>
internal static class KubeResources
{
    public sealed record Resource(string Plural, string Type, string Kind, bool Namespaced);

    public static readonly FrozenDictionary<string, Resource> ByPlural = new Resource[]
    {
        new("pods", ResourceTypes.Pod, "Pod", true),
        new("configmaps", ResourceTypes.ConfigMap, "ConfigMap", true),
        new("secrets", ResourceTypes.Secret, "Secret", true),
        new("services", ResourceTypes.Service, "Service", true),
        new("nodes", ResourceTypes.Node, "Node", false),
    }.ToFrozenDictionary(r => r.Plural, StringComparer.Ordinal);
}
