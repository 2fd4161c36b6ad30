namespace Actors.Cloud.Kubernetes.Client;

/// <summary>The metadata fields the client and the informers need from any object.</summary>
public readonly record struct ObjectIdentity(string? Namespace, string? Name, string? ResourceVersion, string? Uid)
{
    /// <summary>The cache key used by client-go: "namespace/name", or "name" for cluster-scoped objects.</summary>
    public string Key => string.IsNullOrEmpty(Namespace) ? Name ?? string.Empty : $"{Namespace}/{Name}";
}
