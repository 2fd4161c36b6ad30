namespace Actors.Cloud.Kubernetes.Models;

/// <summary>core/v1 Namespace.</summary>
public sealed class Namespace : KubernetesObject
{
    public NamespaceSpec? Spec { get; set; }

    public NamespaceStatus? Status { get; set; }
}

public sealed class NamespaceSpec : KubernetesModel
{
    public List<string>? Finalizers { get; set; }
}

public sealed class NamespaceStatus : KubernetesModel
{
    public string? Phase { get; set; }
}
