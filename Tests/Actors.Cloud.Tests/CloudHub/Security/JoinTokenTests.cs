using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Actors.Cloud.Modules.CloudHub.Security;

namespace Actors.Cloud.Tests.CloudHub.Security;

public sealed class JoinTokenTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Create_Token_HashOfCaDerDotJwt()
    {
        using var certs = new TestCerts();

        var token = certs.Security.Tokens.CurrentToken();

        var hash = token[..token.IndexOf('.', StringComparison.Ordinal)];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(certs.Security.Authority.Certificate.RawData)), hash);
        Assert.Equal(3, token[(hash.Length + 1)..].Split('.').Length);
        var claims = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[2]));
        Assert.Equal($"{{\"exp\":{(certs.Time.GetUtcNow() + TimeSpan.FromHours(24)).ToUnixTimeSeconds()}}}", claims);
        Assert.True(certs.Security.Tokens.Verify(token).IsValid);
    }

    [Fact]
    public void Verify_AfterLifetime_Expired()
    {
        using var certs = new TestCerts();
        var token = certs.Security.Tokens.CurrentToken();

        certs.Time.Advance(TimeSpan.FromHours(23));
        Assert.True(certs.Security.Tokens.Verify(token).IsValid);
        certs.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(TokenStatus.Expired, certs.Security.Tokens.Verify(token).Status);
    }

    [Fact]
    public void CurrentToken_AfterRefreshInterval_NewToken()
    {
        using var certs = new TestCerts();
        var first = certs.Security.Tokens.CurrentToken();

        certs.Time.Advance(TimeSpan.FromHours(11));
        var same = certs.Security.Tokens.CurrentToken();
        certs.Time.Advance(TimeSpan.FromHours(1));
        var next = certs.Security.Tokens.CurrentToken();

        Assert.Equal(first, same);
        Assert.NotEqual(first, next);
        Assert.True(certs.Security.Tokens.Verify(first).IsValid);
    }

    [Fact]
    public void Verify_OtherSecret_BadSignature()
    {
        var ca = RandomNumberGenerator.GetBytes(100);
        var token = JoinToken.Create(ca, RandomNumberGenerator.GetBytes(32), DateTimeOffset.UtcNow.AddHours(1));

        Assert.Equal(TokenStatus.BadSignature, JoinToken.Verify(token, ca, Secret, DateTimeOffset.UtcNow).Status);
    }

    [Fact]
    public void Verify_OtherCa_WrongCaHash()
    {
        var token = JoinToken.Create(RandomNumberGenerator.GetBytes(100), Secret, DateTimeOffset.UtcNow.AddHours(1));

        Assert.Equal(TokenStatus.WrongCaHash, JoinToken.Verify(token, RandomNumberGenerator.GetBytes(100), Secret, DateTimeOffset.UtcNow).Status);
    }

    [Fact]
    public void Verify_ModifiedClaims_BadSignature()
    {
        var now = DateTimeOffset.UtcNow;
        var jwt = JwtHs256.Create(now.AddHours(1), Secret);
        var parts = jwt.Split('.');
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{{\"exp\":{now.AddYears(10).ToUnixTimeSeconds()}}}"));

        Assert.Equal(TokenStatus.BadSignature, JwtHs256.Verify($"{parts[0]}.{forged}.{parts[2]}", Secret, now).Status);
    }

    [Fact]
    public void Verify_AlgNone_Malformed()
    {
        var header = Base64Url.EncodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8);
        var claims = Base64Url.EncodeToString("{\"exp\":99999999999}"u8);

        var result = JwtHs256.Verify($"{header}.{claims}.", Secret, DateTimeOffset.UtcNow);

        Assert.Equal(TokenStatus.Malformed, result.Status);
        Assert.Contains("HS256", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoExpClaim_Malformed()
    {
        var header = Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
        var claims = Base64Url.EncodeToString("{}"u8);
        var signature = Base64Url.EncodeToString(HMACSHA256.HashData(Secret, Encoding.ASCII.GetBytes($"{header}.{claims}")));

        Assert.Equal(TokenStatus.Malformed, JwtHs256.Verify($"{header}.{claims}.{signature}", Secret, DateTimeOffset.UtcNow).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abc.def.ghi.jkl")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.only.two")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.!!!.@@@.###")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Verify_Garbage_MalformedOrWrongHash(string token)
    {
        var status = JoinToken.Verify(token, RandomNumberGenerator.GetBytes(10), Secret, DateTimeOffset.UtcNow).Status;

        Assert.Contains(status, new[] { TokenStatus.Malformed, TokenStatus.WrongCaHash });
    }

    [Fact]
    public void Verify_WellFormedGarbageAfterRightHash_Malformed()
    {
        var ca = RandomNumberGenerator.GetBytes(10);
        var token = $"{Convert.ToHexStringLower(SHA256.HashData(ca))}.!!!.@@@.###";

        Assert.Equal(TokenStatus.Malformed, JoinToken.Verify(token, ca, Secret, DateTimeOffset.UtcNow).Status);
    }

    [Fact]
    public void CaPrivateKeyMode_TokenSignedWithCaKeyDer_VerifiesAsKubeEdgeWould()
    {
        using var certs = new TestCerts();
        var options = new CertificateAuthorityOptions(certs.Directory) { TokenSecret = TokenSecretSource.CaPrivateKey };
        using var security = CloudSecurity.Create(options, certs.Time, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        using var caKey = security.Authority.Certificate.GetECDsaPrivateKey()!;
        var kubeEdgeStyle = JoinToken.Create(security.Authority.Certificate.RawData, caKey.ExportECPrivateKey(), certs.Time.GetUtcNow().AddHours(1));

        Assert.True(security.Tokens.Verify(kubeEdgeStyle).IsValid);
        Assert.Equal(TokenStatus.BadSignature, certs.Security.Tokens.Verify(kubeEdgeStyle).Status);
    }

    [Fact]
    public void LoadOrCreateSecret_BadFile_ClearError()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not hex");
            var e = Assert.Throws<CryptographicException>(() => JoinTokenService.LoadOrCreateSecret(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
