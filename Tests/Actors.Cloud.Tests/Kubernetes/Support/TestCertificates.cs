using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Actors.Cloud.Tests.Kubernetes.Support;

/// <summary>A throw-away CA with a server certificate (127.0.0.1) and a client certificate, made with CertificateRequest.</summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 ca, X509Certificate2 server, X509Certificate2 client, string clientKeyPem)
    {
        Ca = ca;
        Server = server;
        Client = client;
        ClientKeyPem = clientKeyPem;
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public string CaPem => Ca.ExportCertificatePem();

    public string ClientCertificatePem => Client.ExportCertificatePem();

    public string ClientKeyPem { get; }

    public static TestCertificates Create(string caName = "edgeactors-test-ca")
    {
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(1);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var caEphemeral = caRequest.CreateSelfSigned(notBefore, notAfter);
        var ca = Reload(caEphemeral);

        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        var server = Issue(ca, "CN=kube-apiserver", "1.3.6.1.5.5.7.3.1", san.Build(), notBefore, notAfter, out _);
        var client = Issue(ca, "CN=system:node:edge-1, O=system:nodes", "1.3.6.1.5.5.7.3.2", null, notBefore, notAfter, out var clientKeyPem);
        return new TestCertificates(ca, server, client, clientKeyPem);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, string usage, X509Extension? san,
        DateTimeOffset notBefore, DateTimeOffset notAfter, out string keyPem)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(ca, notBefore, notAfter, serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        keyPem = key.ExportPkcs8PrivateKeyPem();
        return Reload(withKey);
    }

    private static X509Certificate2 Reload(X509Certificate2 certificate)
        => X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
}
