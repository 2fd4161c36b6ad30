using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Actors.Cloud.Modules.CloudHub.Security;

namespace Actors.Cloud.Tests.CloudHub.Security;

public sealed class NodeCertificateIssuerTests
{
    [Fact]
    public void Issue_ValidCsr_NodeSubjectValidityAndChain()
    {
        using var certs = new TestCerts();
        var (csr, key) = TestCerts.CreateCsr("system:node:edge-1");
        using var _ = key;

        using var cert = certs.Security.Issuer.IssueNodeCertificate(csr, "edge-1");

        Assert.Equal("system:node:edge-1", CertificateNames.CommonName(cert.SubjectName));
        Assert.Equal("system:nodes", CertificateNames.Organization(cert.SubjectName));
        Assert.Equal(certs.Security.Authority.Certificate.Subject, cert.Issuer);
        Assert.InRange((cert.NotAfter - certs.Time.GetUtcNow().UtcDateTime).TotalDays, 364.9, 365.1);
        Assert.Equal(Convert.ToHexString(key.ExportSubjectPublicKeyInfo()), Convert.ToHexString(cert.PublicKey.ExportSubjectPublicKeyInfo()));
        var usage = cert.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Equal("1.3.6.1.5.5.7.3.2", Assert.Single(usage.EnhancedKeyUsages.Cast<Oid>()).Value);
        Assert.True(certs.Security.Validator.Validate(cert).IsValid);
    }

    [Fact]
    public void Issue_CsrWithoutSubject_GetsNodeSubject()
    {
        using var certs = new TestCerts();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest(new X500DistinguishedName(""), key, HashAlgorithmName.SHA256).CreateSigningRequest();

        using var cert = certs.Security.Issuer.IssueNodeCertificate(csr, "edge-2");

        Assert.Equal("system:node:edge-2", CertificateNames.CommonName(cert.SubjectName));
    }

    [Fact]
    public void Issue_CsrForAnotherNode_Refused()
    {
        using var certs = new TestCerts();
        var (csr, key) = TestCerts.CreateCsr("system:node:other");
        using var _ = key;

        var e = Assert.Throws<CertificateRequestException>(() => certs.Security.Issuer.IssueNodeCertificate(csr, "edge-1"));
        Assert.Contains("does not match", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue_GarbageOrTamperedCsr_Refused()
    {
        using var certs = new TestCerts();
        var (csr, key) = TestCerts.CreateCsr("system:node:edge-1");
        using var _ = key;
        var tampered = (byte[])csr.Clone();
        tampered[^5] ^= 0xFF;

        Assert.Throws<CertificateRequestException>(() => certs.Security.Issuer.IssueNodeCertificate([1, 2, 3], "edge-1"));
        Assert.Throws<CertificateRequestException>(() => certs.Security.Issuer.IssueNodeCertificate(tampered, "edge-1"));
        Assert.Throws<CertificateRequestException>(() => certs.Security.Issuer.IssueNodeCertificate(csr, "Bad_Name"));
    }

    [Fact]
    public void Issue_CustomValidity_Applied()
    {
        using var certs = new TestCerts();
        var issuer = new NodeCertificateIssuer(certs.Security.Authority, certs.Time, TimeSpan.FromDays(2));
        var (csr, key) = TestCerts.CreateCsr("system:node:n");
        using var _ = key;

        using var cert = issuer.IssueNodeCertificate(csr, "n");

        Assert.InRange((cert.NotAfter - certs.Time.GetUtcNow().UtcDateTime).TotalHours, 47.9, 48.1);
    }

    [Theory]
    [InlineData(null, new[] { "1.3.6.1.5.5.7.3.2" })]
    [InlineData("[1,2]", new[] { "1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2" })]
    [InlineData("[]", new[] { "1.3.6.1.5.5.7.3.2" })]
    public void ExtKeyUsages_Header_GoNumbersToOids(string? header, string[] oids)
    {
        Assert.Equal(oids, ExtendedKeyUsages.Parse(header).Cast<Oid>().Select(o => o.Value).ToArray());
    }

    [Theory]
    [InlineData("x")]
    [InlineData("[99]")]
    [InlineData("{\"a\":1}")]
    public void ExtKeyUsages_BadHeader_FormatException(string header)
    {
        Assert.Throws<FormatException>(() => ExtendedKeyUsages.Parse(header));
    }
}
