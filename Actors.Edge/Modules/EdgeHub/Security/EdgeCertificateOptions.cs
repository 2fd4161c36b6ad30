namespace Actors.Edge.Modules.EdgeHub.Security;

/// <summary>
/// How the edge obtains and keeps its certificate. KubeEdge's defaults: CA in <c>/etc/kubeedge/ca/rootCA.crt</c>,
/// certificate and key in <c>/etc/kubeedge/certs/server.crt|server.key</c>, cloud service on port 10002, rotation
/// before expiry.
/// </summary>
/// <param name="CloudHttpsServer">Base URL of the cloud certificate service, e.g. <c>https://10.0.0.1:10002</c>.</param>
/// <param name="NodeName">This node's name; the certificate's CN is <c>system:node:&lt;NodeName&gt;</c>.</param>
/// <param name="Token">Join token <c>&lt;hex sha256 of the CA&gt;.&lt;JWT&gt;</c>; only needed when no valid certificate exists.</param>
/// <param name="CaFile">Where the CA certificate is stored (PEM).</param>
/// <param name="CertFile">Where the node certificate is stored (PEM).</param>
/// <param name="KeyFile">Where the node key is stored (PEM "EC PRIVATE KEY", mode 0600).</param>
public sealed record EdgeCertificateOptions(
    Uri CloudHttpsServer,
    string NodeName,
    string Token,
    string CaFile,
    string CertFile,
    string KeyFile)
{
    /// <summary>Fraction of the lifetime after which the certificate is renewed (KubeEdge: 70–90 % jittered).</summary>
    public double RotationFraction { get; init; } = 0.8;

    /// <summary>Timeout of each HTTPS request (KubeEdge: 30 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Options with the three files in one directory (<c>rootCA.crt</c>, <c>server.crt</c>, <c>server.key</c>).</summary>
    public static EdgeCertificateOptions InDirectory(Uri cloudHttpsServer, string nodeName, string token, string directory) => new(
        cloudHttpsServer, nodeName, token,
        Path.Combine(directory, "rootCA.crt"), Path.Combine(directory, "server.crt"), Path.Combine(directory, "server.key"));

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (CloudHttpsServer.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"edgehub.https-server must be an https URL (was {CloudHttpsServer})");
        }

        if (string.IsNullOrWhiteSpace(NodeName))
        {
            errors.Add("edgehub.node-name must be set");
        }

        if (RotationFraction is <= 0.1 or >= 1.0)
        {
            errors.Add($"edgehub.rotation-fraction must be between 0.1 and 1.0 (was {RotationFraction})");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"edgehub.request-timeout must be positive (was {RequestTimeout})");
        }

        return errors;
    }
}
