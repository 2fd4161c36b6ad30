using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Actors.Edge.Modules.EdgeHub.Security;

/// <summary>The two parts of KubeEdge's join token <c>&lt;hex sha256(CA DER)&gt;.&lt;JWT&gt;</c>.</summary>
public sealed record JoinTokenParts(string CaHash, string Jwt)
{
    public static bool TryParse(string token, [NotNullWhen(true)] out JoinTokenParts? parts)
    {
        parts = null;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot != 64 || !token[..dot].All(char.IsAsciiHexDigit) || token.Length == dot + 1)
        {
            return false;
        }

        parts = new JoinTokenParts(token[..dot], token[(dot + 1)..]);
        return true;
    }

    /// <summary>True when <paramref name="caDer"/> hashes to the token's CA hash.</summary>
    public bool Matches(ReadOnlySpan<byte> caDer) =>
        string.Equals(Convert.ToHexStringLower(SHA256.HashData(caDer)), CaHash, StringComparison.OrdinalIgnoreCase);
}
