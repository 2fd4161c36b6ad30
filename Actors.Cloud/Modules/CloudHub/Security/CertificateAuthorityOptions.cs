namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>
/// Where the cloud CA lives and how long what it signs stays valid. Defaults follow KubeEdge: CA 100×364 days,
/// node certificates 365 days (<c>edgeCertSigningDuration</c>), join tokens valid 2×12 h.
/// </summary>
/// <param name="DataDirectory">Directory for <c>rootCA.crt</c>, <c>rootCA.key</c> and the token secret.</param>
/// <param name="CaCertFile">Optional existing CA certificate (PEM or DER); used together with <paramref name="CaKeyFile"/>.</param>
/// <param name="CaKeyFile">Optional existing CA private key (PEM: EC PRIVATE KEY, PRIVATE KEY or RSA PRIVATE KEY).</param>
public sealed record CertificateAuthorityOptions(
    string DataDirectory,
    string? CaCertFile = null,
    string? CaKeyFile = null)
{
    public const string CaCertFileName = "rootCA.crt";
    public const string CaKeyFileName = "rootCA.key";
    public const string TokenSecretFileName = "tokensecret.key";

    /// <summary>Lifetime of a generated CA.</summary>
    public TimeSpan CaValidity { get; init; } = TimeSpan.FromDays(100 * 364);

    /// <summary>Lifetime of issued node certificates.</summary>
    public TimeSpan NodeCertificateValidity { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Lifetime of the server certificate of the cloud's TLS endpoints.</summary>
    public TimeSpan ServerCertificateValidity { get; init; } = TimeSpan.FromDays(100 * 364);

    /// <summary>How often a new join token is made (<c>tokenRefreshDuration</c>); tokens live twice as long.</summary>
    public TimeSpan TokenRefreshInterval { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Which key signs join tokens (default: a secret file beside the CA).</summary>
    public TokenSecretSource TokenSecret { get; init; } = TokenSecretSource.SecretFile;

    /// <summary>Errors naming the offending option; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            errors.Add("cloudhub.security.data-directory must be set");
        }

        if ((CaCertFile is null) != (CaKeyFile is null))
        {
            errors.Add("cloudhub.security.ca-cert-file and ca-key-file must be given together");
        }

        foreach (var (name, value) in new[]
        {
            ("ca-validity", CaValidity), ("node-certificate-validity", NodeCertificateValidity),
            ("server-certificate-validity", ServerCertificateValidity), ("token-refresh-interval", TokenRefreshInterval),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"cloudhub.security.{name} must be positive (was {value})");
            }
        }

        return errors;
    }
}
