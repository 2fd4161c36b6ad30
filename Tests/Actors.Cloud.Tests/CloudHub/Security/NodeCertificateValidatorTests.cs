using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Actors.Cloud.Tests.CloudHub.Security;

public sealed class NodeCertificateValidatorTests
{
    [Fact]
    public void Validate_OurNodeCertificate_AcceptedWithNodeName()
    {
        using var certs = new TestCerts();
        using var cert = certs.NodeCertificate("edge-7");

        var result = certs.Security.Validator.ValidateForNode(cert, "edge-7");

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal("edge-7", result.NodeName);
    }

    [Fact]
    public void Validate_SelfSignedWithNodeSubject_Rejected()
    {
        using var certs = new TestCerts();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("O=system:nodes, CN=system:node:edge-7", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.2") }, false));
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));

        var result = certs.Security.Validator.Validate(selfSigned);

        Assert.False(result.IsValid);
        Assert.Contains("does not chain", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CertificateOfAnotherNode_RejectedForThisNode()
    {
        using var certs = new TestCerts();
        using var cert = certs.NodeCertificate("edge-8");

        var result = certs.Security.Validator.ValidateForNode(cert, "edge-7");

        Assert.False(result.IsValid);
        Assert.Contains("edge-8", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CertificateFromAnotherCa_Rejected()
    {
        using var ours = new TestCerts();
        using var theirs = new TestCerts();
        using var cert = theirs.NodeCertificate("edge-7");

        Assert.False(ours.Security.Validator.Validate(cert).IsValid);
    }

    [Fact]
    public void Validate_AfterExpiry_Rejected()
    {
        using var certs = new TestCerts();
        using var cert = certs.NodeCertificate("edge-7");

        certs.Time.Advance(TimeSpan.FromDays(366));

        Assert.False(certs.Security.Validator.Validate(cert).IsValid);
    }

    [Fact]
    public void Validate_ServerCertificate_RejectedForMissingClientAuthAndNodeName()
    {
        using var certs = new TestCerts();
        using var server = certs.Security.Issuer.IssueServerCertificate([System.Net.IPAddress.Loopback], [], TimeSpan.FromDays(1));

        Assert.False(certs.Security.Validator.Validate(server).IsValid);
        Assert.False(certs.Security.Validator.Validate(null).IsValid);
    }
}
