using System.Security.Cryptography.X509Certificates;

namespace Actors.Edge.Modules.EdgeHub.Security;

/// <summary>When to renew: at NotBefore + fraction × lifetime (KubeEdge uses a 70–90 % jittered deadline).</summary>
public static class CertificateRotation
{
    public static DateTimeOffset RenewAt(X509Certificate2 certificate, double fraction)
    {
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        return notBefore + ((notAfter - notBefore) * fraction);
    }

    public static bool IsDue(X509Certificate2 certificate, DateTimeOffset now, double fraction) =>
        now >= RenewAt(certificate, fraction);
}
