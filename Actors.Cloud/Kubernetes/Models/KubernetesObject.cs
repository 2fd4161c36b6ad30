namespace Actors.Cloud.Kubernetes.Models;

/// <summary>A top-level API object: apiVersion, kind and metadata.</summary>
public abstract class KubernetesObject : KubernetesModel
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ObjectMeta Metadata { get; set; } = new();
}
