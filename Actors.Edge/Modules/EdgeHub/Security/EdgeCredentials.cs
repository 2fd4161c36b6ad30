using System.Security.Cryptography.X509Certificates;

namespace Actors.Edge.Modules.EdgeHub.Security;

/// <summary>The node certificate (with its private key) and the cloud CA it chains to.</summary>
public sealed class EdgeCredentials(X509Certificate2 certificate, X509Certificate2 ca) : IDisposable
{
    public X509Certificate2 Certificate { get; } = certificate;

    public X509Certificate2 Ca { get; } = ca;

    public void Dispose()
    {
        Certificate.Dispose();
        Ca.Dispose();
    }
}
