namespace Actors.Edge.Modules.EdgeD.Runtime;

/// <summary>Labels and annotations EdgeD puts on sandboxes and containers (kubelet's names where one exists).</summary>
internal static class PodLabels
{
    public const string PodUid = "io.kubernetes.pod.uid";
    public const string PodName = "io.kubernetes.pod.name";
    public const string PodNamespace = "io.kubernetes.pod.namespace";
    public const string ContainerName = "io.kubernetes.container.name";

    /// <summary>Marks objects created by EdgeD (so orphan clean-up never touches anything else).</summary>
    public const string ManagedBy = "edgeactors.io/managed-by";
    public const string ManagedByValue = "edged";

    /// <summary>Annotation: hash of the container's spec, for reconcile after restarts.</summary>
    public const string SpecHash = "edgeactors.io/container-hash";

    /// <summary>Annotation: the container's restart count when it was created.</summary>
    public const string RestartCount = "io.kubernetes.container.restartCount";
}
