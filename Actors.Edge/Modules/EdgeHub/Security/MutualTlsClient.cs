using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Actors.Edge.Modules.EdgeHub.Security;

/// <summary>
/// Client side of mutual TLS to CloudHub: present the node certificate, and trust the server only when its
/// certificate chains to the cloud CA (and only that CA) and matches the host name.
/// </summary>
public static class MutualTlsClient
{
    /// <summary>Validates a server certificate against <paramref name="ca"/> with a custom root; name mismatch fails.</summary>
    public static RemoteCertificateValidationCallback ServerValidator(X509Certificate2 ca) => (_, certificate, _, errors) =>
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var leaf = new X509Certificate2(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    };

    /// <summary>TLS options for an <see cref="SslStream"/> (or a SocketsHttpHandler) connecting to CloudHub.</summary>
    public static SslClientAuthenticationOptions CreateSslOptions(EdgeCredentials credentials, string? targetHost = null) => new()
    {
        TargetHost = targetHost,
        ClientCertificates = [credentials.Certificate],
        RemoteCertificateValidationCallback = ServerValidator(credentials.Ca),
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
    };

    /// <summary>An invoker for <c>ClientWebSocket.ConnectAsync(uri, invoker, ct)</c> with mutual TLS.</summary>
    public static HttpMessageInvoker CreateWebSocketInvoker(EdgeCredentials credentials) =>
        new(new SocketsHttpHandler { SslOptions = CreateSslOptions(credentials) }, disposeHandler: true);

    /// <summary>Configures a <see cref="ClientWebSocket"/> for mutual TLS when no invoker is used.</summary>
    public static void Apply(ClientWebSocketOptions options, EdgeCredentials credentials)
    {
        options.ClientCertificates = [credentials.Certificate];
        options.RemoteCertificateValidationCallback = ServerValidator(credentials.Ca);
    }
}
