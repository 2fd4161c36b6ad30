namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>Which key signs join tokens.</summary>
public enum TokenSecretSource
{
    /// <summary>32 random bytes in <c>tokensecret.key</c> beside the CA (mode 0600). The default.</summary>
    SecretFile,

    /// <summary>
    /// KubeEdge's choice: the CA private key's DER (SEC1 for EC) as HMAC secret, so tokens made by a KubeEdge
    /// cloudcore sharing this CA verify here and vice versa.
    /// </summary>
    CaPrivateKey,
}
