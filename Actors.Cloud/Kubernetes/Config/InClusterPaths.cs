namespace Actors.Cloud.Kubernetes.Config;

/// <summary>Where a pod finds its service-account credentials (injectable for tests).</summary>
public sealed record InClusterPaths(string TokenPath, string CertificateAuthorityPath, string NamespacePath)
{
    public const string DefaultDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static InClusterPaths Default { get; } = InDirectory(DefaultDirectory);

    public static InClusterPaths InDirectory(string directory)
        => new(Path.Combine(directory, "token"), Path.Combine(directory, "ca.crt"), Path.Combine(directory, "namespace"));
}
