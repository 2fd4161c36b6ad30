using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>
/// Minimal HS256 JWT (RFC 7519 compact form) with only an <c>exp</c> claim, as KubeEdge's join token carries.
/// Pure functions; the verifier accepts nothing but alg HS256 and compares signatures in constant time.
/// </summary>
public static class JwtHs256
{
    private const int MaxJwtLength = 4096;

    /// <summary>Creates <c>base64url(header).base64url(claims).base64url(HMAC-SHA256)</c>.</summary>
    public static string Create(DateTimeOffset expiresAt, ReadOnlySpan<byte> secret)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new JwtHeader("HS256", "JWT"), SecurityJsonContext.Default.JwtHeader);
        var claims = JsonSerializer.SerializeToUtf8Bytes(new JwtClaims(expiresAt.ToUnixTimeSeconds()), SecurityJsonContext.Default.JwtClaims);
        var signingInput = $"{Base64Url.EncodeToString(header)}.{Base64Url.EncodeToString(claims)}";
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>Verifies structure, algorithm, signature and expiry (expired when <c>now ≥ exp</c>).</summary>
    public static TokenVerification Verify(string jwt, ReadOnlySpan<byte> secret, DateTimeOffset now)
    {
        if (jwt.Length is 0 or > MaxJwtLength)
        {
            return Fail(TokenStatus.Malformed, "JWT is empty or too long");
        }

        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return Fail(TokenStatus.Malformed, "JWT must have three dot-separated parts");
        }

        JwtHeader? header;
        JwtClaims? claims;
        byte[] signature;
        try
        {
            header = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[0]), SecurityJsonContext.Default.JwtHeader);
            claims = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), SecurityJsonContext.Default.JwtClaims);
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return Fail(TokenStatus.Malformed, $"JWT part is not base64url JSON: {e.Message}");
        }

        if (header?.Alg != "HS256")
        {
            return Fail(TokenStatus.Malformed, $"JWT algorithm must be HS256 (was '{header?.Alg}')");
        }

        var expected = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return Fail(TokenStatus.BadSignature, "JWT signature does not match");
        }

        if (claims?.Exp is not { } exp)
        {
            return Fail(TokenStatus.Malformed, "JWT has no exp claim");
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp);
        return now >= expiresAt
            ? new TokenVerification(TokenStatus.Expired, $"token expired at {expiresAt:O}", expiresAt)
            : new TokenVerification(TokenStatus.Valid, "valid", expiresAt);
    }

    private static TokenVerification Fail(TokenStatus status, string reason) => new(status, reason);
}
