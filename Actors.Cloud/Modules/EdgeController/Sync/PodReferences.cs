using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Modules.EdgeController.Sync;

/// <summary>
/// The configmaps, secrets and service account a pod uses (KubeEdge's <c>manager/location.go</c>): volumes incl.
/// projected sources, envFrom, env valueFrom of every container and init container, and imagePullSecrets.
/// Names only; they live in the pod's namespace.
/// </summary>
public sealed record PodReferences(IReadOnlySet<string> ConfigMaps, IReadOnlySet<string> Secrets, string ServiceAccount)
{
    /// <summary>The service account used when a pod names none.</summary>
    public const string DefaultServiceAccount = "default";

    public static PodReferences Of(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var configMaps = new HashSet<string>(StringComparer.Ordinal);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        var spec = pod.Spec;
        if (spec is null)
        {
            return new PodReferences(configMaps, secrets, DefaultServiceAccount);
        }

        foreach (var volume in spec.Volumes ?? [])
        {
            AddVolume(volume, configMaps, secrets);
        }

        foreach (var container in (spec.InitContainers ?? []).Concat(spec.Containers ?? []))
        {
            AddContainer(container, configMaps, secrets);
        }

        foreach (var pull in spec.ImagePullSecrets ?? [])
        {
            Add(secrets, pull.Name);
        }

        var account = string.IsNullOrEmpty(spec.ServiceAccountName) ? DefaultServiceAccount : spec.ServiceAccountName;
        return new PodReferences(configMaps, secrets, account);
    }

    private static void AddVolume(Volume volume, HashSet<string> configMaps, HashSet<string> secrets)
    {
        Add(configMaps, volume.ConfigMap?.Name);
        Add(secrets, volume.Secret?.SecretName);
        foreach (var source in volume.Projected?.Sources ?? [])
        {
            Add(configMaps, source.ConfigMap?.Name);
            Add(secrets, source.Secret?.Name);
        }
    }

    private static void AddContainer(Container container, HashSet<string> configMaps, HashSet<string> secrets)
    {
        foreach (var from in container.EnvFrom ?? [])
        {
            Add(configMaps, from.ConfigMapRef?.Name);
            Add(secrets, from.SecretRef?.Name);
        }

        foreach (var env in container.Env ?? [])
        {
            Add(configMaps, env.ValueFrom?.ConfigMapKeyRef?.Name);
            Add(secrets, env.ValueFrom?.SecretKeyRef?.Name);
        }
    }

    private static void Add(HashSet<string> set, string? name)
    {
        if (!string.IsNullOrEmpty(name))
        {
            set.Add(name);
        }
    }
}
