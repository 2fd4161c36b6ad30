using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Actors.Cloud.ApiServer.Http;

/// <summary>
/// The CA, the serving certificate (SANs 127.0.0.1, ::1, localhost) and the admin bearer token, generated on first
/// start and kept under the data dir (pki/ca.crt, pki/ca.key, pki/apiserver.crt, pki/apiserver.key, pki/token; keys 0600).
/// </summary>
public sealed class ServerCredentials : IDisposable
{
    private ServerCredentials(X509Certificate2 ca, X509Certificate2 serving, string token)
    {
        CaCertificate = ca;
        ServingCertificate = serving;
        Token = token;
    }

    public X509Certificate2 CaCertificate { get; }

    /// <summary>The serving certificate with its private key.</summary>
    public X509Certificate2 ServingCertificate { get; }

    public string Token { get; }

    public string CaPem => CaCertificate.ExportCertificatePem();

    public static ServerCredentials LoadOrCreate(string dataDir, TimeProvider time)
    {
        var pki = Path.Combine(dataDir, "pki");
        Directory.CreateDirectory(pki);
        string P(string f) => Path.Combine(pki, f);
        if (!File.Exists(P("ca.crt")) || !File.Exists(P("ca.key")))
        {
            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var req = new CertificateRequest("CN=edgeactors-apiserver-ca", caKey, HashAlgorithmName.SHA256);
            req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
            var now = time.GetUtcNow();
            using var ca = req.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
            WriteSecret(P("ca.key"), caKey.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(P("ca.crt"), ca.ExportCertificatePem());
            File.Delete(P("apiserver.crt"));
        }

        var caCert = X509Certificate2.CreateFromPemFile(P("ca.crt"), P("ca.key"));
        if (!File.Exists(P("apiserver.crt")) || !File.Exists(P("apiserver.key")))
        {
            IssueServing(caCert, P("apiserver.crt"), P("apiserver.key"), time.GetUtcNow());
        }

        if (!File.Exists(P("token")))
        {
            WriteSecret(P("token"), Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant());
        }

        var serving = X509Certificate2.CreateFromPemFile(P("apiserver.crt"), P("apiserver.key"));
        return new ServerCredentials(caCert, serving, File.ReadAllText(P("token")).Trim());
    }

    /// <summary>Constant-time comparison of a presented bearer token.</summary>
    public bool IsValidToken(string presented) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(Token));

    public void Dispose()
    {
        CaCertificate.Dispose();
        ServingCertificate.Dispose();
    }

    private static void IssueServing(X509Certificate2 ca, string certPath, string keyPath, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest("CN=edgeactors-apiserver", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        san.AddDnsName("localhost");
        san.AddDnsName("kubernetes.default.svc");
        req.CertificateExtensions.Add(san.Build());
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var cert = req.Create(ca, now.AddMinutes(-5), now.AddYears(5), serial);
        WriteSecret(keyPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certPath, cert.ExportCertificatePem());
    }

    private static void WriteSecret(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
