using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>
/// The cloud's CA, as KubeEdge's cloudcore keeps it: loaded from given files, else from the data directory, else
/// generated (ECDSA P-256, CN "KubeEdge", self-signed) and saved there as PEM (key file mode 0600).
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    public const string DefaultCommonName = "KubeEdge";

    private readonly AsymmetricAlgorithm _signingKey;

    private CertificateAuthority(X509Certificate2 certificate)
    {
        _signingKey = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey()
            ?? throw new CryptographicException("the CA certificate has no usable private key");
        SignatureGenerator = _signingKey is ECDsa ecdsa
            ? X509SignatureGenerator.CreateForECDsa(ecdsa)
            : X509SignatureGenerator.CreateForRSA((RSA)_signingKey, RSASignaturePadding.Pkcs1);
        Certificate = certificate;
        CertificateHash = Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
    }

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Hex SHA-256 of the CA certificate's DER: the first part of a join token.</summary>
    public string CertificateHash { get; }

    /// <summary>The CA certificate's DER (the body of <c>GET /ca.crt</c>).</summary>
    public ReadOnlyMemory<byte> CertificateDer => Certificate.RawData;

    /// <summary>Loads the configured or persisted CA, or creates and persists a new one.</summary>
    public static CertificateAuthority LoadOrCreate(CertificateAuthorityOptions options, TimeProvider time, ILogger logger)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        if (options.CaCertFile is not null && options.CaKeyFile is not null)
        {
            logger.LogInformation("Loading the CA from {CertFile}", options.CaCertFile);
            return Load(options.CaCertFile, options.CaKeyFile);
        }

        var certPath = Path.Combine(options.DataDirectory, CertificateAuthorityOptions.CaCertFileName);
        var keyPath = Path.Combine(options.DataDirectory, CertificateAuthorityOptions.CaKeyFileName);
        if (File.Exists(certPath) && File.Exists(keyPath))
        {
            logger.LogInformation("Loading the CA from {CertFile}", certPath);
            return Load(certPath, keyPath);
        }

        var created = Create(time.GetUtcNow(), options.CaValidity);
        using var key = created.Certificate.GetECDsaPrivateKey()!;
        PemFiles.WriteAtomic(keyPath, key.ExportECPrivateKeyPem(), secret: true);
        PemFiles.WriteAtomic(certPath, PemFiles.CertificatePem(created.Certificate), secret: false);
        logger.LogInformation("Created a new CA in {Directory}, valid until {NotAfter}", options.DataDirectory, created.Certificate.NotAfter);
        return created;
    }

    /// <summary>A new self-signed ECDSA P-256 CA (not persisted).</summary>
    public static CertificateAuthority Create(DateTimeOffset now, TimeSpan validity)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={DefaultCommonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return new CertificateAuthority(request.CreateSelfSigned(now.AddMinutes(-5), now + validity));
    }

    /// <summary>Loads a CA from a certificate (PEM or DER) and a PEM private key.</summary>
    public static CertificateAuthority Load(string certFile, string keyFile)
    {
        using var certificate = PemFiles.LoadCertificate(certFile);
        var keyPem = File.ReadAllText(keyFile);
        X509Certificate2 withKey;
        if (certificate.GetKeyAlgorithm() == Oids.EcPublicKey)
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(keyPem);
            withKey = certificate.CopyWithPrivateKey(ecdsa);
        }
        else
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(keyPem);
            withKey = certificate.CopyWithPrivateKey(rsa);
        }

        var constraints = withKey.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        return constraints is { CertificateAuthority: true }
            ? new CertificateAuthority(withKey)
            : throw new CryptographicException($"{certFile} is not a CA certificate (basic constraints CA=false or missing)");
    }

    /// <summary>The CA private key as DER (SEC1 "EC PRIVATE KEY" or PKCS#1 RSA): KubeEdge's token HMAC secret.</summary>
    public byte[] ExportPrivateKeyDer() => _signingKey is ECDsa ecdsa
        ? ecdsa.ExportECPrivateKey()
        : ((RSA)_signingKey).ExportRSAPrivateKey();

    /// <summary>Signs certificates issued by this CA.</summary>
    internal X509SignatureGenerator SignatureGenerator { get; }

    public void Dispose()
    {
        _signingKey.Dispose();
        Certificate.Dispose();
    }
}
