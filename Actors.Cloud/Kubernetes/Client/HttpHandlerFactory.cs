using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Actors.Cloud.Kubernetes.Config;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>Builds the SocketsHttpHandler (HTTP/1.1 and HTTP/2, TLS settings from the configuration).</summary>
public static class HttpHandlerFactory
{
    public static SocketsHttpHandler Create(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
        };
        if (configuration.ClientCertificate is { } clientCertificate)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }
        if (configuration.TlsServerName is { } serverName)
        {
            handler.SslOptions.TargetHost = serverName;
        }
        var roots = configuration.CertificateAuthorities;
        var skip = configuration.InsecureSkipTlsVerify;
        if (skip || roots.Count > 0)
        {
            handler.SslOptions.RemoteCertificateValidationCallback =
                (_, certificate, _, errors) => skip || IsTrusted(certificate, errors, roots);
        }
        return handler;
    }

    /// <summary>Accepts a server certificate that chains to one of <paramref name="roots"/> and matches the host name.</summary>
    public static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
