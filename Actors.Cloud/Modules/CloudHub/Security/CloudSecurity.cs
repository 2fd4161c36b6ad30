using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>
/// Composition of the cloud's security parts for cloudcore: CA (loaded or created), node certificate issuer, join
/// tokens (secret beside the CA), mutual-TLS validator, and a factory for the HTTPS certificate service.
/// </summary>
public sealed class CloudSecurity : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    private CloudSecurity(CertificateAuthority authority, CertificateAuthorityOptions options, byte[] secret, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory;
        Authority = authority;
        Issuer = new NodeCertificateIssuer(authority, time, options.NodeCertificateValidity);
        Tokens = new JoinTokenService(authority, secret, time, options.TokenRefreshInterval);
        Validator = new NodeCertificateValidator(authority.Certificate, time);
    }

    public CertificateAuthority Authority { get; }

    public NodeCertificateIssuer Issuer { get; }

    public JoinTokenService Tokens { get; }

    public NodeCertificateValidator Validator { get; }

    /// <summary>Loads or creates the CA and the token secret under <see cref="CertificateAuthorityOptions.DataDirectory"/>.</summary>
    public static CloudSecurity Create(CertificateAuthorityOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var authority = CertificateAuthority.LoadOrCreate(options, time, loggerFactory.CreateLogger<CertificateAuthority>());
        try
        {
            var secret = options.TokenSecret == TokenSecretSource.CaPrivateKey
                ? authority.ExportPrivateKeyDer()
                : JoinTokenService.LoadOrCreateSecret(Path.Combine(options.DataDirectory, CertificateAuthorityOptions.TokenSecretFileName));
            return new CloudSecurity(authority, options, secret, time, loggerFactory);
        }
        catch
        {
            authority.Dispose();
            throw;
        }
    }

    /// <summary>A certificate service (not started) using these parts.</summary>
    public CertificateServer CreateServer() =>
        new(Authority, Issuer, Tokens, Validator, _loggerFactory.CreateLogger<CertificateServer>());

    public void Dispose() => Authority.Dispose();
}
