namespace Actors.Cloud.Kubernetes.Models;

/// <summary>core/v1 Volume with the sources edge pods use; other sources survive in extension data.</summary>
public sealed class Volume : KubernetesModel
{
    public string? Name { get; set; }

    public ConfigMapVolumeSource? ConfigMap { get; set; }

    public SecretVolumeSource? Secret { get; set; }

    public EmptyDirVolumeSource? EmptyDir { get; set; }

    public HostPathVolumeSource? HostPath { get; set; }

    public DownwardApiVolumeSource? DownwardAPI { get; set; }

    public ProjectedVolumeSource? Projected { get; set; }
}

public sealed class ConfigMapVolumeSource : KubernetesModel
{
    public string? Name { get; set; }

    public List<KeyToPath>? Items { get; set; }

    public int? DefaultMode { get; set; }

    public bool? Optional { get; set; }
}

public sealed class SecretVolumeSource : KubernetesModel
{
    public string? SecretName { get; set; }

    public List<KeyToPath>? Items { get; set; }

    public int? DefaultMode { get; set; }

    public bool? Optional { get; set; }
}

public sealed class KeyToPath : KubernetesModel
{
    public string? Key { get; set; }

    public string? Path { get; set; }

    public int? Mode { get; set; }
}

public sealed class EmptyDirVolumeSource : KubernetesModel
{
    public string? Medium { get; set; }

    public string? SizeLimit { get; set; }
}

public sealed class HostPathVolumeSource : KubernetesModel
{
    public string? Path { get; set; }

    public string? Type { get; set; }
}

public sealed class DownwardApiVolumeSource : KubernetesModel
{
    public List<DownwardApiVolumeFile>? Items { get; set; }

    public int? DefaultMode { get; set; }
}

public sealed class DownwardApiVolumeFile : KubernetesModel
{
    public string? Path { get; set; }

    public ObjectFieldSelector? FieldRef { get; set; }

    public ResourceFieldSelector? ResourceFieldRef { get; set; }

    public int? Mode { get; set; }
}

public sealed class ProjectedVolumeSource : KubernetesModel
{
    public List<VolumeProjection>? Sources { get; set; }

    public int? DefaultMode { get; set; }
}

public sealed class VolumeProjection : KubernetesModel
{
    public ConfigMapVolumeSource? ConfigMap { get; set; }

    public SecretProjection? Secret { get; set; }

    public DownwardApiVolumeSource? DownwardAPI { get; set; }

    public ServiceAccountTokenProjection? ServiceAccountToken { get; set; }
}

/// <summary>A secret in a projected volume: named by "name" (not "secretName").</summary>
public sealed class SecretProjection : KubernetesModel
{
    public string? Name { get; set; }

    public List<KeyToPath>? Items { get; set; }

    public bool? Optional { get; set; }
}

public sealed class ServiceAccountTokenProjection : KubernetesModel
{
    public string? Audience { get; set; }

    public long? ExpirationSeconds { get; set; }

    public string? Path { get; set; }
}
