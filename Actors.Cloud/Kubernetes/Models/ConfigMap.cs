namespace Actors.Cloud.Kubernetes.Models;

/// <summary>core/v1 ConfigMap.</summary>
public sealed class ConfigMap : KubernetesObject
{
    public Dictionary<string, string>? Data { get; set; }

    /// <summary>Binary values; System.Text.Json reads and writes byte[] as base64 like the API.</summary>
    public Dictionary<string, byte[]>? BinaryData { get; set; }

    public bool? Immutable { get; set; }
}
