namespace Actors.Cloud.Kubernetes.Models;

/// <summary>core/v1 ServiceAccount.</summary>
public sealed class ServiceAccount : KubernetesObject
{
    public List<ObjectReference>? Secrets { get; set; }

    public List<LocalObjectReference>? ImagePullSecrets { get; set; }

    public bool? AutomountServiceAccountToken { get; set; }
}

/// <summary>core/v1 ObjectReference.</summary>
public sealed class ObjectReference : KubernetesModel
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public string? Namespace { get; set; }

    public string? Name { get; set; }

    public string? Uid { get; set; }

    public string? ResourceVersion { get; set; }

    public string? FieldPath { get; set; }
}
