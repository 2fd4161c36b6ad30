using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

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
            b.Int(Path + ".websocket.port", DefaultWebSocketPort, 1, 65535),
            b.Bool(Path + ".https.enable", true),
            Address(b, Path + ".https.address"),
            b.Int(Path + ".https.port", DefaultHttpsPort, 1, 65535));
        if (o.WebSocketEnable && o.HttpsEnable && o.WebSocketPort == o.HttpsPort && o.WebSocketAddress == o.HttpsAddress)
        {
            b.Error(Path + ".https.port", $"conflicts with websocket.port ({o.WebSocketPort})");
        }

        return o;
    }

    public static CloudHubOptions From(Config c) => OptionsBinding.Bind(c, From);

    /// <summary>An IP address to listen on; errors name the key.</summary>
    internal static string Address(ConfigBinder b, string key)
    {
        var value = b.String(key, DefaultAddress).Trim();
        if (!System.Net.IPAddress.TryParse(value, out _))
        {
            b.Error(key, $"invalid address '{value}', expected an IP address such as 0.0.0.0 or 127.0.0.1");
            return DefaultAddress;
        }

        return value;
    }
}
