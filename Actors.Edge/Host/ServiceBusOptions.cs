using System.Net;
using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary><c>edgecore.modules.servicebus</c> (and the <c>devicetwin</c> switch, read here for historical reasons).</summary>
public sealed record ServiceBusOptions(bool Enable, string Server, bool DeviceTwinEnable)
{
    public const string Path = "edgecore.modules.servicebus";
    public const string DefaultServer = "127.0.0.1:9060";

    /// <summary><c>call-timeout</c>: one call to an application on this node (KubeEdge: 10 s).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>upload-timeout</c>: how long an application's request through the local server waits for the cloud (KubeEdge: 60 s).</summary>
    public TimeSpan UploadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>max-body-bytes</c>: the largest application response relayed to the cloud (KubeEdge: 5,000,000).</summary>
    public int MaxBodyBytes { get; init; } = 5_000_000;

    /// <summary><c>max-in-flight</c>: calls to applications at once; more are answered 503.</summary>
    public int MaxInFlight { get; init; } = 64;

    /// <summary>The local server address (a host name other than localhost is refused at start-up).</summary>
    public IPEndPoint ListenEndPoint => ParseListen(Server) ?? new IPEndPoint(IPAddress.Loopback, 9060);

    public static ServiceBusOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var o = new ServiceBusOptions(
            b.Bool(Path + ".enable", false),
            b.Endpoint(Path + ".server", DefaultServer),
            b.Bool("edgecore.modules.devicetwin.enable", true))
        {
            CallTimeout = b.Duration(Path + ".call-timeout", TimeSpan.FromSeconds(10)),
            UploadTimeout = b.Duration(Path + ".upload-timeout", TimeSpan.FromSeconds(60)),
            MaxBodyBytes = b.Int(Path + ".max-body-bytes", 5_000_000, 1, 64 * 1024 * 1024),
            MaxInFlight = b.Int(Path + ".max-in-flight", 64, 1, 10_000),
        };
        if (ParseListen(o.Server) is null)
        {
            b.Error(Path + ".server", "must be an IP address and port (or localhost:port) to listen on, got '" + o.Server + "'");
        }

        return o;
    }

    public static ServiceBusOptions From(Config c) => OptionsBinding.Bind(c, From);

    private static IPEndPoint? ParseListen(string server)
    {
        if (IPEndPoint.TryParse(server, out var endpoint))
        {
            return endpoint;
        }

        var colon = server.LastIndexOf(':');
        return colon > 0 && server[..colon] == "localhost" && int.TryParse(server[(colon + 1)..], out var port) && port is >= 0 and < 65536
            ? new IPEndPoint(IPAddress.Loopback, port)
            : null;
    }
}
