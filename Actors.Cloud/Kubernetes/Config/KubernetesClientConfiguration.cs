using System.Security.Cryptography.X509Certificates;

namespace Actors.Cloud.Kubernetes.Config;

/// <summary>Where the API server is and how to authenticate: the result of loading a kubeconfig or in-cluster config.</summary>
public sealed record KubernetesClientConfiguration
{
    public required Uri Server { get; init; }

    /// <summary>Roots trusted for the server certificate; empty = the system store.</summary>
    public X509Certificate2Collection CertificateAuthorities { get; init; } = [];

    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Client certificate with its private key (mTLS).</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    public ITokenSource? Token { get; init; }

    /// <summary>The default namespace (kubeconfig context namespace, or the service account's).</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Overrides the name checked against the server certificate (kubeconfig tls-server-name).</summary>
    public string? TlsServerName { get; init; }
}
