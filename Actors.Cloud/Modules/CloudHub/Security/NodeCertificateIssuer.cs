using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>
/// Signs node certificates from CSRs (subject <c>O=system:nodes, CN=system:node:&lt;node&gt;</c>) and the server
/// certificate of the cloud's TLS endpoints (CN and O <c>KubeEdge</c>, ServerAuth, SANs).
/// </summary>
public sealed class NodeCertificateIssuer(CertificateAuthority authority, TimeProvider time, TimeSpan nodeValidity)
{
    public const string NodeCommonNamePrefix = "system:node:";
    public const string NodesOrganization = "system:nodes";

    /// <summary>Issues a node certificate from a DER CSR; throws <see cref="CertificateRequestException"/> on a bad request.</summary>
    public X509Certificate2 IssueNodeCertificate(ReadOnlySpan<byte> csrDer, string nodeName, OidCollection? usages = null)
    {
        if (!NodeNames.IsValid(nodeName))
        {
            throw new CertificateRequestException($"invalid node name '{nodeName}'");
        }

        CertificateRequest csr;
        try
        {
            csr = CertificateRequest.LoadSigningRequest(
                csrDer.ToArray(), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException e)
        {
            throw new CertificateRequestException($"malformed or badly signed CSR: {e.Message}", e);
        }

        var expected = NodeCommonNamePrefix + nodeName;
        var requestedCn = CertificateNames.CommonName(csr.SubjectName);
        if (requestedCn is not null && requestedCn != expected)
        {
            throw new CertificateRequestException($"CSR common name '{requestedCn}' does not match '{expected}'");
        }

        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName(NodesOrganization);
        subject.AddCommonName(expected);
        return Sign(subject.Build(), csr.PublicKey, usages ?? ExtendedKeyUsages.Default(), nodeValidity, null);
    }

    /// <summary>A server certificate (own ECDSA P-256 key) for the given IP addresses and DNS names.</summary>
    public X509Certificate2 IssueServerCertificate(IEnumerable<IPAddress> addresses, IEnumerable<string> dnsNames, TimeSpan validity)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var sans = new SubjectAlternativeNameBuilder();
        foreach (var address in addresses)
        {
            sans.AddIpAddress(address);
        }

        foreach (var name in dnsNames)
        {
            sans.AddDnsName(name);
        }

        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName(CertificateAuthority.DefaultCommonName);
        subject.AddCommonName(CertificateAuthority.DefaultCommonName);
        var publicKey = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256).PublicKey;
        using var certificate = Sign(subject.Build(), publicKey, new OidCollection { new Oid(Oids.ServerAuth) }, validity, sans.Build());
        return certificate.CopyWithPrivateKey(key);
    }

    private X509Certificate2 Sign(
        X500DistinguishedName subject, PublicKey publicKey, OidCollection usages, TimeSpan validity, X509Extension? sans)
    {
        var request = new CertificateRequest(subject, publicKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(publicKey, false));
        request.CertificateExtensions.Add(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority.Certificate, true, false));
        if (sans is not null)
        {
            request.CertificateExtensions.Add(sans);
        }

        var now = time.GetUtcNow();
        var notAfter = Min(now + validity, authority.Certificate.NotAfter);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return request.Create(authority.Certificate.SubjectName, authority.SignatureGenerator, now.AddMinutes(-5), notAfter, serial);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTime b)
    {
        var other = new DateTimeOffset(b.ToUniversalTime(), TimeSpan.Zero);
        return a < other ? a : other;
    }
}
