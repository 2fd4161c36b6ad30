using System.Globalization;

namespace Actors.Edge.Host;

/// <summary>The parsed arguments of <c>edgecore join</c>.</summary>
public sealed record JoinArguments(string Cloud, string Token, string NodeName, string DataDir, string ConfigFile, int CertPort, bool NoStart)
{
    /// <summary>Default CloudHub port (KubeEdge: 10000).</summary>
    public const int DefaultHubPort = 10000;

    /// <summary>Default certificate-service port (KubeEdge: 10002).</summary>
    public const int DefaultCertPort = 10002;

    /// <summary>The host part of <see cref="Cloud"/>.</summary>
    public string Host => Split(Cloud).Host;

    /// <summary>CloudHub's WebSocket address.</summary>
    public Uri HubServer => new("wss://" + HostForUri + ":" + Split(Cloud).Port);

    /// <summary>The certificate service's address.</summary>
    public Uri CertificateServer => new("https://" + HostForUri + ":" + CertPort);

    private string HostForUri => Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host;

    public static bool TryParse(IReadOnlyList<string> args, out JoinArguments join, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        join = new JoinArguments(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, DefaultCertPort, false);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var noStart = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--no-start")
            {
                noStart = true;
                continue;
            }

            if (arg is not ("--cloud" or "--token" or "--node-name" or "--data-dir" or "--config" or "--cert-port") || i + 1 >= args.Count)
            {
                error = arg.StartsWith("--", StringComparison.Ordinal) && i + 1 >= args.Count ? arg + " needs a value" : "unknown argument '" + arg + "'";
                return false;
            }

            values[arg] = args[++i];
        }

        var cloud = values.GetValueOrDefault("--cloud", string.Empty);
        var token = values.GetValueOrDefault("--token", string.Empty);
        if (cloud.Length == 0 || token.Length == 0)
        {
            error = "--cloud and --token are required";
            return false;
        }

        var (host, port) = Split(cloud);
        if (host.Length == 0 || port is < 1 or > 65535)
        {
            error = "--cloud must be HOST or HOST:PORT, got '" + cloud + "'";
            return false;
        }

        var certPort = DefaultCertPort;
        if (values.TryGetValue("--cert-port", out var cp) && (!int.TryParse(cp, NumberStyles.None, CultureInfo.InvariantCulture, out certPort) || certPort is < 1 or > 65535))
        {
            error = "--cert-port must be a port number, got '" + cp + "'";
            return false;
        }

        var dataDir = Path.GetFullPath(values.GetValueOrDefault("--data-dir", EdgeCoreOptions.DefaultDataDir));
        var node = values.GetValueOrDefault("--node-name", Environment.MachineName.ToLowerInvariant());
        join = new JoinArguments(cloud, token, node, dataDir, Path.GetFullPath(values.GetValueOrDefault("--config", Path.Combine(dataDir, "edgecore.conf"))), certPort, noStart);
        error = string.Empty;
        return true;
    }

    private static (string Host, int Port) Split(string cloud)
    {
        var trimmed = cloud.Contains("://", StringComparison.Ordinal) ? new Uri(cloud).Authority : cloud;
        if (trimmed.StartsWith('['))
        {
            var end = trimmed.IndexOf(']', StringComparison.Ordinal);
            var host6 = end > 0 ? trimmed[1..end] : string.Empty;
            return (host6, end > 0 && end + 1 < trimmed.Length && trimmed[end + 1] == ':' ? ParsePort(trimmed[(end + 2)..]) : DefaultHubPort);
        }

        var colon = trimmed.LastIndexOf(':');
        return colon < 0 ? (trimmed, DefaultHubPort) : (trimmed[..colon], ParsePort(trimmed[(colon + 1)..]));
    }

    private static int ParsePort(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : -1;
}
