using System.Security.Cryptography;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>
/// KubeEdge's join token <c>&lt;hex sha256(CA DER)&gt;.&lt;JWT&gt;</c>: the edge checks the CA it downloads against the
/// hash, and presents the JWT as <c>Authorization: Bearer</c> to get its certificate. Pure functions.
/// </summary>
public static class JoinToken
{
    /// <summary>Builds a token for the CA certificate <paramref name="caDer"/>.</summary>
    public static string Create(ReadOnlySpan<byte> caDer, ReadOnlySpan<byte> secret, DateTimeOffset expiresAt) =>
        $"{Convert.ToHexStringLower(SHA256.HashData(caDer))}.{JwtHs256.Create(expiresAt, secret)}";

    /// <summary>Splits a token into its hash and JWT parts; false when it has no hash part.</summary>
    public static bool TrySplit(string token, out string caHash, out string jwt)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        caHash = dot > 0 ? token[..dot] : string.Empty;
        jwt = dot > 0 ? token[(dot + 1)..] : string.Empty;
        return caHash.Length == 64 && caHash.All(char.IsAsciiHexDigit) && jwt.Length > 0;
    }

    /// <summary>Verifies the hash against <paramref name="caDer"/>, then the JWT.</summary>
    public static TokenVerification Verify(string token, ReadOnlySpan<byte> caDer, ReadOnlySpan<byte> secret, DateTimeOffset now)
    {
        if (!TrySplit(token, out var hash, out var jwt))
        {
            return new TokenVerification(TokenStatus.Malformed, "token must be <64 hex digits>.<JWT>");
        }

        var expected = Convert.ToHexStringLower(SHA256.HashData(caDer));
        return !string.Equals(hash, expected, StringComparison.OrdinalIgnoreCase)
            ? new TokenVerification(TokenStatus.WrongCaHash, "token's CA hash does not match this cloud's CA certificate")
            : JwtHs256.Verify(jwt, secret, now);
    }
}
