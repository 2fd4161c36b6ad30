using System.Net;
using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;
using Actors.Cloud.Modules.CloudHub;
using HubOptions = Actors.Cloud.Modules.CloudHub.CloudHubOptions;

namespace Actors.Cloud.Host;

/// <summary><c>cloudcore.modules.cloudhub</c>: edge sessions, WebSocket and HTTPS listeners (KubeEdge defaults).</summary>
public sealed record CloudHubOptions(
    bool Enable, int NodeLimit, TimeSpan KeepaliveInterval, int RetryCount, TimeSpan RetryInterval,
    bool WebSocketEnable, string WebSocketAddress, int WebSocketPort, bool HttpsEnable, string HttpsAddress, int HttpsPort)
{
    public const string Path = "cloudcore.modules.cloudhub";
    public const int DefaultNodeLimit = 500;
    public const int DefaultKeepaliveSeconds = 30;
    public const int DefaultRetryCount = 5;
    public const int DefaultRetryIntervalSeconds = 5;
    public const int DefaultWebSocketPort = 10000;
    public const int DefaultHttpsPort = 10002;
    public const string DefaultAddress = "0.0.0.0";

    /// <summary>Frames waiting to be written per node.</summary>
    public int QueueCapacity { get; init; } = 1024;

    /// <summary>Largest accepted incoming message in bytes.</summary>
    public int MaxFrameBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>A write that takes longer ends the node's session.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Messages kept per disconnected node (newest version per object) until it reconnects.</summary>
    public int OfflineQueueCapacity { get; init; } = 1024;

    /// <summary>Plain ws:// without TLS (development only).</summary>
    public bool AllowInsecure { get; init; }

    /// <summary>An existing CA certificate (with <see cref="CaKeyFile"/>); empty = the CA in the data dir.</summary>
    public string CaCertFile { get; init; } = string.Empty;

    /// <summary>The existing CA's private key.</summary>
    public string CaKeyFile { get; init; } = string.Empty;

    public static CloudHubOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var o = new CloudHubOptions(
            b.Bool(Path + ".enable", true),
            b.Int(Path + ".node-limit", DefaultNodeLimit, 1, 1_000_000),
            b.Duration(Path + ".keepalive-interval", TimeSpan.FromSeconds(DefaultKeepaliveSeconds)),
            b.Int(Path + ".retry-count", DefaultRetryCount, 1, 100),
            b.Duration(Path + ".retry-interval", TimeSpan.FromSeconds(DefaultRetryIntervalSeconds)),
            b.Bool(Path + ".websocket.enable", true),
            Address(b, Path + ".websocket.address"),
            b.Int(Path + ".websocket.port", DefaultWebSocketPort, 0, 65535),
            b.Bool(Path + ".https.enable", true),
            Address(b, Path + ".https.address"),
            b.Int(Path + ".https.port", DefaultHttpsPort, 0, 65535))
        {
            QueueCapacity = b.Int(Path + ".queue-capacity", 1024, 1, 1_000_000),
            MaxFrameBytes = b.Int(Path + ".max-frame-size", 4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
            WriteTimeout = b.Duration(Path + ".write-timeout", TimeSpan.FromSeconds(15)),
            OfflineQueueCapacity = b.Int(Path + ".offline-queue-capacity", 1024, 1, 1_000_000),
            AllowInsecure = b.Bool(Path + ".allow-insecure", false),
            CaCertFile = b.String(Path + ".ca-cert-file", string.Empty),
            CaKeyFile = b.String(Path + ".ca-key-file", string.Empty),
        };
        if (o.WebSocketEnable && o.HttpsEnable && o.WebSocketPort == o.HttpsPort && o.WebSocketPort != 0
            && o.WebSocketAddress == o.HttpsAddress)
        {
            b.Error(Path + ".https.port", $"conflicts with websocket.port ({o.WebSocketPort})");
        }

        if ((o.CaCertFile.Length == 0) != (o.CaKeyFile.Length == 0))
        {
            b.Error(Path + ".ca-key-file", "ca-cert-file and ca-key-file must be given together");
        }

        return o;
    }

    public static CloudHubOptions From(Config c) => OptionsBinding.Bind(c, From);

    /// <summary>The session and WebSocket settings of the CloudHub module.</summary>
    public HubOptions ToHubOptions() => new HubOptions
    {
        ListenAddress = IPAddress.Parse(WebSocketAddress),
        Port = WebSocketPort,
        AllowInsecure = AllowInsecure,
        NodeLimit = NodeLimit,
        KeepaliveTimeout = KeepaliveInterval,
        MaxFrameBytes = MaxFrameBytes,
        WriteTimeout = WriteTimeout,
        QueueCapacity = QueueCapacity,
        RetryInterval = RetryInterval,
        MaxSends = RetryCount,
        OfflineQueueCapacity = OfflineQueueCapacity,
    }.Validate();

    /// <summary>The CloudHub module's settings for cloudcore's <paramref name="dataDir"/>.</summary>
    public CloudHubModuleSettings ToModuleSettings(string dataDir) => new(Enable, ToHubOptions(), dataDir)
    {
        WebSocketEnable = WebSocketEnable,
        HttpsEnable = HttpsEnable,
        HttpsAddress = IPAddress.Parse(HttpsAddress),
        HttpsPort = HttpsPort,
        CaCertFile = CaCertFile.Length == 0 ? null : CaCertFile,
        CaKeyFile = CaKeyFile.Length == 0 ? null : CaKeyFile,
    };

    /// <summary>An IP address to listen on; errors name the key.</summary>
    internal static string Address(ConfigBinder b, string key)
    {
        var value = b.String(key, DefaultAddress).Trim();
        if (!IPAddress.TryParse(value, out _))
        {
            b.Error(key, $"invalid address '{value}', expected an IP address such as 0.0.0.0 or 127.0.0.1");
            return DefaultAddress;
        }

        return value;
    }
}
