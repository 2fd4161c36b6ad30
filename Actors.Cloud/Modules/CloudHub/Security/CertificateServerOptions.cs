using System.Net;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>
/// Listener of the certificate service (KubeEdge's port 10002). <see cref="AdvertiseAddresses"/> and
/// <see cref="DnsNames"/> go into the server certificate's SANs; the listen address is added automatically.
/// </summary>
public sealed record CertificateServerOptions(
    IPAddress Address,
    int Port = CertificateServerOptions.DefaultPort)
{
    public const int DefaultPort = 10002;

    /// <summary>Extra IP SANs for the server certificate (cloudcore's <c>advertiseAddress</c>).</summary>
    public IReadOnlyList<IPAddress> AdvertiseAddresses { get; init; } = [];

    /// <summary>DNS SANs for the server certificate.</summary>
    public IReadOnlyList<string> DnsNames { get; init; } = [];

    /// <summary>Largest accepted CSR body.</summary>
    public int MaxCsrBytes { get; init; } = 64 * 1024;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Port is < 0 or > 65535)
        {
            errors.Add($"cloudhub.https.port must be 0..65535 (was {Port})");
        }

        if (MaxCsrBytes is < 256 or > 1024 * 1024)
        {
            errors.Add($"cloudhub.https.max-csr-bytes must be 256..1048576 (was {MaxCsrBytes})");
        }

        return errors;
    }
}
