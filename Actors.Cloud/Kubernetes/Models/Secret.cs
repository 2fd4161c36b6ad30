namespace Actors.Cloud.Kubernetes.Models;

/// <summary>core/v1 Secret. <see cref="Data"/> values are base64 on the wire and bytes here.</summary>
public sealed class Secret : KubernetesObject
{
    public Dictionary<string, byte[]>? Data { get; set; }

    public Dictionary<string, string>? StringData { get; set; }

    public string? Type { get; set; }

    public bool? Immutable { get; set; }
}
