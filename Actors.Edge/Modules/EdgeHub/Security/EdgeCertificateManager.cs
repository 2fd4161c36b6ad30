using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EdgeHub.Security;

/// <summary>
/// Gets and keeps the node certificate, as KubeEdge's certmanager does: with a join token, fetch <c>/ca.crt</c>,
/// refuse it unless its SHA-256 equals the token's hash, then send a CSR (new ECDSA P-256 key) to <c>/edge.crt</c>
/// with the JWT; later renew with the current certificate as TLS client certificate (no token).
/// </summary>
public sealed class EdgeCertificateManager(EdgeCertificateOptions options, TimeProvider time, ILogger<EdgeCertificateManager> logger)
{
    private string ExpectedCommonName => "system:node:" + options.NodeName;

    /// <summary>Stored credentials if usable and not due for rotation; otherwise renewed or newly joined ones.</summary>
    public async Task<EdgeCredentials> EnsureAsync(CancellationToken cancellationToken)
    {
        var stored = EdgeCertificateStore.TryLoad(options);
        if (stored is not null && IsUsable(stored))
        {
            if (!CertificateRotation.IsDue(stored.Certificate, time.GetUtcNow(), options.RotationFraction))
            {
                return stored;
            }

            try
            {
                return await RenewAsync(stored, cancellationToken);
            }
            catch (EdgeCertificateException e)
            {
                logger.LogWarning("Certificate renewal failed, joining with the token: {Reason}", e.Message);
            }
            finally
            {
                stored.Dispose();
            }
        }
        else
        {
            stored?.Dispose();
        }

        return await JoinAsync(cancellationToken);
    }

    /// <summary>When the current certificate should be renewed.</summary>
    public DateTimeOffset RenewAt(EdgeCredentials credentials) => CertificateRotation.RenewAt(credentials.Certificate, options.RotationFraction);

    /// <summary>Bootstraps with the join token: verified CA, then a certificate for this node.</summary>
    public async Task<EdgeCredentials> JoinAsync(CancellationToken cancellationToken)
    {
        if (!JoinTokenParts.TryParse(options.Token, out var token))
        {
            throw new EdgeCertificateException("the join token is not <64 hex digits>.<JWT>");
        }

        var ca = await FetchCaAsync(token, cancellationToken);
        try
        {
            var credentials = await RequestCertificateAsync(ca, token.Jwt, null, cancellationToken);
            EdgeCertificateStore.SaveCa(options.CaFile, ca);
            logger.LogInformation("Joined: certificate for {Node} valid until {NotAfter}", options.NodeName, credentials.Certificate.NotAfter);
            return credentials;
        }
        catch
        {
            ca.Dispose();
            throw;
        }
    }

    /// <summary>Renews using <paramref name="current"/> as the TLS client certificate.</summary>
    public async Task<EdgeCredentials> RenewAsync(EdgeCredentials current, CancellationToken cancellationToken)
    {
        var ca = new X509Certificate2(current.Ca);
        try
        {
            var renewed = await RequestCertificateAsync(ca, null, current.Certificate, cancellationToken);
            logger.LogInformation("Renewed the certificate of {Node}, valid until {NotAfter}", options.NodeName, renewed.Certificate.NotAfter);
            return renewed;
        }
        catch
        {
            ca.Dispose();
            throw;
        }
    }

    /// <summary>Downloads the CA (server not yet verifiable) and accepts it only if it matches the token's hash.</summary>
    public async Task<X509Certificate2> FetchCaAsync(JoinTokenParts token, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler();
        // The server cannot be verified before we have the CA; the CA itself is verified against the token's hash
        // below and nothing secret is sent on this request (KubeEdge does the same).
#pragma warning disable CA5359
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        using var client = new HttpClient(handler) { Timeout = options.RequestTimeout };
        byte[] der;
        try
        {
            der = await client.GetByteArrayAsync(new Uri(options.CloudHttpsServer, "/ca.crt"), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new EdgeCertificateException($"cannot fetch the CA from {options.CloudHttpsServer}: {e.Message}", e);
        }

        if (!token.Matches(der))
        {
            throw new EdgeCertificateException("the CA served by the cloud does not match the join token's hash; refusing it");
        }

        try
        {
            return X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException e)
        {
            throw new EdgeCertificateException("the CA served by the cloud is not a certificate", e);
        }
    }

    private async Task<EdgeCredentials> RequestCertificateAsync(
        X509Certificate2 ca, string? jwt, X509Certificate2? clientCertificate, CancellationToken cancellationToken)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName("system:nodes");
        subject.AddCommonName(ExpectedCommonName);
        var csr = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256).CreateSigningRequest();

        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = MutualTlsClient.ServerValidator(ca);
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        using var client = new HttpClient(handler) { Timeout = options.RequestTimeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.CloudHttpsServer, "/edge.crt"))
        {
            Content = new ByteArrayContent(csr),
        };
        request.Headers.Add("NodeName", options.NodeName);
        if (jwt is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
        }

        var der = await SendAsync(client, request, cancellationToken);
        using var issued = LoadIssued(der, key, ca);
        var withKey = issued.CopyWithPrivateKey(key);
        EdgeCertificateStore.SaveCertificate(options, withKey, key);
        return new EdgeCredentials(withKey, ca);
    }

    private static async Task<byte[]> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.IsSuccessStatusCode
                ? body
                : throw new EdgeCertificateException(
                    $"the cloud refused the certificate request ({(int)response.StatusCode}): {System.Text.Encoding.UTF8.GetString(body)}");
        }
        catch (HttpRequestException e)
        {
            throw new EdgeCertificateException($"certificate request failed: {e.Message}", e);
        }
    }

    /// <summary>The issued certificate must carry our key, our node name, and chain to the CA.</summary>
    private X509Certificate2 LoadIssued(byte[] der, ECDsa key, X509Certificate2 ca)
    {
        X509Certificate2 issued;
        try
        {
            issued = X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException e)
        {
            throw new EdgeCertificateException("the cloud returned something that is not a certificate", e);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        var ok = issued.GetNameInfo(X509NameType.SimpleName, false) == ExpectedCommonName
            && issued.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo())
            && chain.Build(issued);
        if (!ok)
        {
            issued.Dispose();
            throw new EdgeCertificateException("the issued certificate does not match this node's key or name, or does not chain to the CA");
        }

        return issued;
    }

    private bool IsUsable(EdgeCredentials credentials)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return credentials.Certificate.GetNameInfo(X509NameType.SimpleName, false) == ExpectedCommonName
            && credentials.Certificate.NotAfter > now && credentials.Certificate.NotBefore <= now;
    }
}
