using System.Net;

namespace Actors.Cloud.Modules.CloudHub;

/// <summary>
/// Everything the CloudHub bus module needs at start: session/WebSocket options, cloudcore's data directory (CA in
/// <c>ca/</c>, ACK database <c>cloudhub.db</c>), the certificate service listener and an optional existing CA.
/// </summary>
public sealed record CloudHubModuleSettings(bool Enabled, CloudHubOptions Hub, string DataDir)
{
    /// <summary>Sub-directory of the data dir holding the CA and the token secret.</summary>
    public const string CaDirectoryName = "ca";

    /// <summary>File name of the acknowledged-versions database in the data dir.</summary>
    public const string AckDatabaseName = "cloudhub.db";

    public bool WebSocketEnable { get; init; } = true;

    public bool HttpsEnable { get; init; } = true;

    public IPAddress HttpsAddress { get; init; } = IPAddress.Any;

    public int HttpsPort { get; init; } = Security.CertificateServerOptions.DefaultPort;

    public string? CaCertFile { get; init; }

    public string? CaKeyFile { get; init; }

    /// <summary>Where the CA and token secret live for a data directory.</summary>
    public static string CaDirectory(string dataDir) => Path.Combine(dataDir, CaDirectoryName);

    public Security.CertificateAuthorityOptions AuthorityOptions() => new(CaDirectory(DataDir), CaCertFile, CaKeyFile);
}
