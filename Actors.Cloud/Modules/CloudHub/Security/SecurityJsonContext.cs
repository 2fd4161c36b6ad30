using System.Text.Json.Serialization;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>Source-generated JSON metadata for the security code (JWT parts, header values).</summary>
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(JwtHeader))]
[JsonSerializable(typeof(JwtClaims))]
internal sealed partial class SecurityJsonContext : JsonSerializerContext;

/// <summary>JOSE header of the join token's JWT.</summary>
internal sealed record JwtHeader(
    [property: JsonPropertyName("alg")] string? Alg,
    [property: JsonPropertyName("typ")] string? Typ);

/// <summary>Claims of the join token's JWT: only <c>exp</c> (Unix seconds), as KubeEdge writes it.</summary>
internal sealed record JwtClaims([property: JsonPropertyName("exp")] long? Exp);
