namespace Actors.Edge.Modules.EdgeD.Pods;

// The parts of a Kubernetes Pod that EdgeD acts on (a model family: one file).

/// <summary>A pod as EdgeD runs it, parsed from the Pod JSON by <see cref="PodSpecParser"/>.</summary>
internal sealed record PodModel(
    string Uid,
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    RestartPolicy RestartPolicy,
    bool HostNetwork,
    TimeSpan TerminationGracePeriod,
    IReadOnlyList<ContainerModel> Containers,
    IReadOnlyList<VolumeModel> Volumes)
{
    /// <summary>The pod's key on this node: <c>namespace/name</c>.</summary>
    public string Key => Namespace + "/" + Name;

    /// <summary>
    /// The cloud deleted the pod gracefully (<c>metadata.deletionTimestamp</c>): stop it, then confirm with a delete.
    /// <see cref="TerminationGracePeriod"/> is then the deletion's grace period.
    /// </summary>
    public bool Deleting { get; init; }

    /// <summary><c>spec.initContainers</c>: run one at a time, each to success, before <see cref="Containers"/> start.</summary>
    public IReadOnlyList<ContainerModel> InitContainers { get; init; } = [];
}

/// <summary>Kubernetes restart policy.</summary>
internal enum RestartPolicy
{
    Always,
    OnFailure,
    Never,
}

/// <summary>One container; <paramref name="SpecHash"/> changes when anything in its spec changes.</summary>
internal sealed record ContainerModel(
    string Name,
    string Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<EnvVarModel> Env,
    string WorkingDir,
    IReadOnlyList<VolumeMountModel> Mounts,
    ResourcesModel Resources,
    string SpecHash)
{
    /// <summary>Liveness, readiness and startup probes (at most one of each).</summary>
    public IReadOnlyList<Prober.ProbeModel> Probes { get; init; } = [];

    /// <summary>The container's <c>envFrom</c> sources, in order (its <see cref="Env"/> entries override them).</summary>
    public IReadOnlyList<EnvFromModel> EnvFrom { get; init; } = [];
}

/// <summary>An environment variable: a literal value, a downward-API field (<c>metadata.name</c>, ...) or a key of a configmap/secret.</summary>
internal sealed record EnvVarModel(string Name, string Value, string? FieldPath)
{
    /// <summary><c>valueFrom.configMapKeyRef</c> / <c>secretKeyRef</c>; resolved when the container is created.</summary>
    public EnvKeyRef? KeyRef { get; init; }

    /// <summary>A literal <c>value</c>: its <c>$(VAR)</c> references to earlier variables are expanded.</summary>
    public bool Expand { get; init; }
}

/// <summary>Where a <see cref="EnvKeyRef"/> or <see cref="EnvFromModel"/> reads from.</summary>
internal enum EnvSourceKind
{
    ConfigMap,
    Secret,
}

/// <summary>One key of a configmap or secret in the pod's namespace; an optional one may be missing (the variable is then unset).</summary>
internal sealed record EnvKeyRef(EnvSourceKind Kind, string Name, string Key, bool Optional);

/// <summary><c>envFrom</c>: every key of a configmap or secret, each name prefixed with <paramref name="Prefix"/>.</summary>
internal sealed record EnvFromModel(EnvSourceKind Kind, string Name, string Prefix, bool Optional);

/// <summary>A volume mount of a container.</summary>
internal sealed record VolumeMountModel(string Name, string MountPath, bool ReadOnly, string SubPath);

/// <summary>Requests and limits as given (quantities kept as strings).</summary>
internal sealed record ResourcesModel(IReadOnlyDictionary<string, string> Requests, IReadOnlyDictionary<string, string> Limits);

/// <summary>Volume sources EdgeD supports.</summary>
internal enum VolumeKind
{
    EmptyDir,
    HostPath,
    ConfigMap,
    Secret,
    DownwardApi,
}

/// <summary>
/// A pod volume. <paramref name="Source"/> is the configmap/secret name or the host path; <paramref name="Items"/>
/// maps keys (or downward-API field paths) to file paths; empty means every key.
/// </summary>
internal sealed record VolumeModel(string Name, VolumeKind Kind, string Source, IReadOnlyList<VolumeItem> Items, bool Optional, string HostPathType);

/// <summary>A key (configmap/secret) or field path (downward API) and the relative file it is written to.</summary>
internal sealed record VolumeItem(string Key, string Path);
