using System.Security.Cryptography;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>
/// Issues and checks join tokens with an HMAC secret persisted beside the CA (mode 0600). The current token is
/// renewed every refresh interval and is valid for twice that (KubeEdge: 12 h / 24 h). Thread-safe.
/// </summary>
public sealed class JoinTokenService
{
    private readonly CertificateAuthority _authority;
    private readonly byte[] _secret;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshInterval;
    private readonly Lock _gate = new();
    private string? _current;
    private DateTimeOffset _currentCreatedAt;

    public JoinTokenService(CertificateAuthority authority, ReadOnlySpan<byte> secret, TimeProvider time, TimeSpan refreshInterval)
    {
        if (secret.Length < 32)
        {
            throw new ArgumentException("the token secret must be at least 32 bytes", nameof(secret));
        }

        _authority = authority;
        _secret = secret.ToArray();
        _time = time;
        _refreshInterval = refreshInterval;
    }

    /// <summary>How long a token stays valid: twice the refresh interval.</summary>
    public TimeSpan TokenLifetime => _refreshInterval * 2;

    /// <summary>Reads the secret from <paramref name="path"/>, or creates 32 random bytes there (hex, mode 0600).</summary>
    public static byte[] LoadOrCreateSecret(string path)
    {
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            try
            {
                var secret = Convert.FromHexString(text);
                return secret.Length >= 32 ? secret : throw new CryptographicException($"{path}: secret shorter than 32 bytes");
            }
            catch (FormatException e)
            {
                throw new CryptographicException($"{path}: secret is not hex", e);
            }
        }

        var created = RandomNumberGenerator.GetBytes(32);
        PemFiles.WriteAtomic(path, Convert.ToHexStringLower(created), secret: true);
        return created;
    }

    /// <summary>The current token; a new one is made once the refresh interval has passed.</summary>
    public string CurrentToken()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_current is null || now - _currentCreatedAt >= _refreshInterval)
            {
                _current = CreateToken(now + TokenLifetime);
                _currentCreatedAt = now;
            }

            return _current;
        }
    }

    /// <summary>A token expiring at <paramref name="expiresAt"/>.</summary>
    public string CreateToken(DateTimeOffset expiresAt) => JoinToken.Create(_authority.CertificateDer.Span, _secret, expiresAt);

    /// <summary>Verifies a full token (hash and JWT).</summary>
    public TokenVerification Verify(string token) =>
        JoinToken.Verify(token, _authority.CertificateDer.Span, _secret, _time.GetUtcNow());

    /// <summary>Verifies the JWT part alone (what <c>/edge.crt</c> receives as Bearer).</summary>
    public TokenVerification VerifyJwt(string jwt) => JwtHs256.Verify(jwt, _secret, _time.GetUtcNow());
}
