using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Actors.Cloud.Modules.CloudHub.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Cloud.Tests.CloudHub.Security;

public sealed class CertificateAuthorityTests
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void LoadOrCreate_EmptyDirectory_CreatesEcdsaP256CaPersistedAsPem()
    {
        using var certs = new TestCerts();
        var ca = certs.Security.Authority.Certificate;

        Assert.Equal("CN=KubeEdge", ca.Subject);
        Assert.Equal(ca.Subject, ca.Issuer);
        using var key = ca.GetECDsaPublicKey()!;
        Assert.Equal(256, key.KeySize);
        Assert.True(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.InRange((ca.NotAfter - ca.NotBefore).TotalDays, 100 * 364 - 1, 100 * 364 + 1);
        var keyFile = Path.Combine(certs.Directory, "rootCA.key");
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----", File.ReadAllText(keyFile), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(Path.Combine(certs.Directory, "rootCA.crt")), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(Path.Combine(certs.Directory, "tokensecret.key")));
    }

    [Fact]
    public void LoadOrCreate_SecondStart_ReloadsSameCaAndSecret()
    {
        using var certs = new TestCerts();
        var token = certs.Security.Tokens.CurrentToken();

        using var again = CloudSecurity.Create(new CertificateAuthorityOptions(certs.Directory), certs.Time, NullLoggerFactory.Instance);

        Assert.Equal(certs.Security.Authority.Certificate.RawData, again.Authority.Certificate.RawData);
        Assert.True(again.Tokens.Verify(token).IsValid);
        Assert.NotNull(again.Authority.Certificate.GetECDsaPrivateKey());
    }

    [Fact]
    public void LoadOrCreate_GivenFiles_UsesThem()
    {
        using var certs = new TestCerts();
        var other = Path.Combine(certs.Directory, "other");
        System.IO.Directory.CreateDirectory(other);
        File.Copy(Path.Combine(certs.Directory, "rootCA.crt"), Path.Combine(other, "given.crt"));
        File.Copy(Path.Combine(certs.Directory, "rootCA.key"), Path.Combine(other, "given.key"));
        var options = new CertificateAuthorityOptions(Path.Combine(certs.Directory, "empty"), Path.Combine(other, "given.crt"), Path.Combine(other, "given.key"));

        using var loaded = CertificateAuthority.LoadOrCreate(options, certs.Time, NullLogger.Instance);

        Assert.Equal(certs.Security.Authority.CertificateHash, loaded.CertificateHash);
        Assert.False(System.IO.Directory.Exists(Path.Combine(certs.Directory, "empty")));
    }

    [Fact]
    public void Load_LeafCertificate_RefusedAsNotACa()
    {
        using var certs = new TestCerts();
        using var leaf = certs.NodeCertificate("n1");
        var certFile = Path.Combine(certs.Directory, "leaf.crt");
        var keyFile = Path.Combine(certs.Directory, "leaf.key");
        File.WriteAllText(certFile, PemFiles.CertificatePem(leaf));
        using (var key = leaf.GetECDsaPrivateKey()!)
        {
            File.WriteAllText(keyFile, key.ExportECPrivateKeyPem());
        }

        var e = Assert.Throws<CryptographicException>(() => CertificateAuthority.Load(certFile, keyFile));
        Assert.Contains("not a CA", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Invalid_ErrorsNameTheKeys()
    {
        var options = new CertificateAuthorityOptions("", CaCertFile: "x.crt") { NodeCertificateValidity = TimeSpan.Zero };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.Contains("data-directory", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ca-key-file", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("node-certificate-validity", StringComparison.Ordinal));
    }
}
