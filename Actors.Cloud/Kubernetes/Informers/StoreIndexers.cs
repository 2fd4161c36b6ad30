using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Kubernetes.Informers;

/// <summary>Common indexers: by namespace (any object) and pods by node name.</summary>
public static class StoreIndexers
{
    public const string Namespace = "namespace";

    public const string NodeName = "nodeName";

    public static Func<T, IEnumerable<string>> ByNamespace<T>(ObjectCodec<T> codec)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(codec);
        return value => codec.Identify(value).Namespace is { Length: > 0 } ns ? [ns] : [];
    }

    /// <summary>Pods by spec.nodeName (unscheduled pods are not indexed).</summary>
    public static IEnumerable<string> PodNodeName(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Spec?.NodeName is { Length: > 0 } node ? [node] : [];
    }
}
