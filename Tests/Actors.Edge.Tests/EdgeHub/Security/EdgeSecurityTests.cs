using System.Net.Security;
using System.Security.Cryptography;
using Actors.Edge.Modules.EdgeHub.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Tests.EdgeHub.Security;

public sealed class EdgeSecurityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "edgeactors-edge-sec-" + Guid.NewGuid().ToString("N"));
    private readonly TestPki _pki = new();

    public void Dispose()
    {
        _pki.Dispose();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void JoinTokenParts_KubeEdgeToken_SplitAtFirstDotAndMatchesCa()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(_pki.Ca.RawData));

        Assert.True(JoinTokenParts.TryParse($"{hash}.aaa.bbb.ccc", out var parts));
        Assert.Equal("aaa.bbb.ccc", parts.Jwt);
        Assert.True(parts.Matches(_pki.Ca.RawData));
        Assert.False(parts.Matches([1, 2, 3]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc.def")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg.x.y.z")]
    public void JoinTokenParts_Malformed_NotParsed(string token)
    {
        Assert.False(JoinTokenParts.TryParse(token, out _));
    }

    [Fact]
    public void Rotation_At80Percent_DueExactlyThen()
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var (cert, key) = _pki.Issue("CN=system:node:n", start, start.AddDays(100));
        using var _ = cert;
        using var __ = key;

        Assert.Equal(start.AddDays(80), CertificateRotation.RenewAt(cert, 0.8));
        Assert.False(CertificateRotation.IsDue(cert, start.AddDays(79.9), 0.8));
        Assert.True(CertificateRotation.IsDue(cert, start.AddDays(80), 0.8));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Store_SaveThenLoad_SameCredentialsKeyMode0600()
    {
        var options = Options("n1");
        var (cert, key) = _pki.Issue("O=system:nodes, CN=system:node:n1", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(10));
        using var _ = cert;
        using var __ = key;

        EdgeCertificateStore.SaveCa(options.CaFile, _pki.Ca);
        EdgeCertificateStore.SaveCertificate(options, cert, key);
        using var loaded = EdgeCertificateStore.TryLoad(options);

        Assert.NotNull(loaded);
        Assert.Equal(cert.RawData, loaded.Certificate.RawData);
        Assert.Equal(_pki.Ca.RawData, loaded.Ca.RawData);
        Assert.True(loaded.Certificate.HasPrivateKey);
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----", File.ReadAllText(options.KeyFile), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.KeyFile));
    }

    [Fact]
    public void Store_CorruptFiles_NullNotCrash()
    {
        var options = Options("n1");
        Directory.CreateDirectory(_dir);
        File.WriteAllText(options.CaFile, "junk");
        File.WriteAllText(options.CertFile, "junk");
        File.WriteAllText(options.KeyFile, "junk");

        Assert.Null(EdgeCertificateStore.TryLoad(options));
    }

    [Fact]
    public async Task Ensure_StoredValidCertificate_UsedWithoutContactingCloud()
    {
        var options = Options("n1");
        var (cert, key) = _pki.Issue("O=system:nodes, CN=system:node:n1", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(10));
        using var _ = cert;
        using var __ = key;
        EdgeCertificateStore.SaveCa(options.CaFile, _pki.Ca);
        EdgeCertificateStore.SaveCertificate(options, cert, key);
        var manager = new EdgeCertificateManager(options, TimeProvider.System, NullLogger<EdgeCertificateManager>.Instance);

        using var credentials = await manager.EnsureAsync(CancellationToken.None);

        Assert.Equal(cert.RawData, credentials.Certificate.RawData);
    }

    [Fact]
    public async Task Ensure_NoFilesAndBadToken_ClearError()
    {
        var manager = new EdgeCertificateManager(Options("n1") with { Token = "nope" }, TimeProvider.System, NullLogger<EdgeCertificateManager>.Instance);

        var e = await Assert.ThrowsAsync<EdgeCertificateException>(() => manager.EnsureAsync(CancellationToken.None));

        Assert.Contains("join token", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerValidator_CaSignedServer_AcceptedOthersRejected()
    {
        using var otherPki = new TestPki();
        var (ours, k1) = _pki.Issue("CN=KubeEdge", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        var (theirs, k2) = otherPki.Issue("CN=KubeEdge", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var _ = ours;
        using var __ = theirs;
        using var ___ = k1;
        using var ____ = k2;
        var validate = MutualTlsClient.ServerValidator(_pki.Ca);

        Assert.True(validate(this, ours, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validate(this, theirs, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validate(this, ours, null, SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(validate(this, null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void Options_Invalid_ErrorsNameTheKeys()
    {
        var options = Options("") with { CloudHttpsServer = new Uri("http://x:1"), RotationFraction = 1.5 };

        var errors = options.Validate();

        Assert.Equal(3, errors.Count);
    }

    private EdgeCertificateOptions Options(string node) =>
        EdgeCertificateOptions.InDirectory(new Uri("https://127.0.0.1:1"), node, "token", _dir);
}
