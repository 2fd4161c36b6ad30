using System.Security.Cryptography.X509Certificates;

namespace Actors.Cloud.Tests.Kubernetes.Support;

/// <summary>Server TLS for the scripted server: its certificate and the CA client certificates must chain to.</summary>
internal sealed record ServerTls(X509Certificate2 ServerCertificate, X509Certificate2 ClientCa, bool RequireClientCertificate)
{
    public bool ValidateClient(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(ClientCa);
        return chain.Build(certificate);
    }
}
