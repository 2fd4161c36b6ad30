using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Actors.Cloud.Modules.CloudHub.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Cloud.Tests.CloudHub.Security;

/// <summary>Fresh temp directories, CSRs and security stacks for one test.</summary>
internal sealed class TestCerts : IDisposable
{
    public TestCerts()
    {
        Directory = Path.Combine(Path.GetTempPath(), "edgeactors-sec-" + Guid.NewGuid().ToString("N"));
        Time = ManualTime.Now();
        Security = CloudSecurity.Create(new CertificateAuthorityOptions(Directory), Time, NullLoggerFactory.Instance);
    }

    public string Directory { get; }

    public ManualTime Time { get; }

    public CloudSecurity Security { get; }

    public static (byte[] Csr, ECDsa Key) CreateCsr(string commonName, string organization = "system:nodes")
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName(organization);
        subject.AddCommonName(commonName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        return (request.CreateSigningRequest(), key);
    }

    /// <summary>A node certificate with its private key, issued by this test's CA.</summary>
    public X509Certificate2 NodeCertificate(string node)
    {
        var (csr, key) = CreateCsr("system:node:" + node);
        using (key)
        using (var certificate = Security.Issuer.IssueNodeCertificate(csr, node))
        {
            return certificate.CopyWithPrivateKey(key);
        }
    }

    public void Dispose()
    {
        Security.Dispose();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
