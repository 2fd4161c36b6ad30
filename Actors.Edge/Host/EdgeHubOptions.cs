using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary><c>edgecore.modules.edgehub</c>: the link to cloudhub (KubeEdge defaults).</summary>
public sealed record EdgeHubOptions(
    bool Enable, TimeSpan Heartbeat, string ProjectId, string Server, TimeSpan WriteTimeout,
    int MessageQps, int MessageBurst, TimeSpan ReconnectBackoffMin, TimeSpan ReconnectBackoffMax)
{
    public const string Path = "edgecore.modules.edgehub";
    public const int DefaultHeartbeatSeconds = 15;
    public const string DefaultProjectId = "e632aba927ea4ac2b575ec1603d56f10";
    public const string DefaultServer = "wss://127.0.0.1:10000";
    public const int DefaultWriteTimeoutSeconds = 15;
    public const int DefaultMessageQps = 30;
    public const int DefaultMessageBurst = 60;

    public static EdgeHubOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var o = new EdgeHubOptions(
            b.Bool(Path + ".enable", true),
            b.Duration(Path + ".heartbeat", TimeSpan.FromSeconds(DefaultHeartbeatSeconds)),
            b.String(Path + ".project-id", DefaultProjectId, allowEmpty: false),
            b.Uri(Path + ".server", DefaultServer, false, "wss", "ws"),
            b.Duration(Path + ".write-timeout", TimeSpan.FromSeconds(DefaultWriteTimeoutSeconds)),
            b.Int(Path + ".message-qps", DefaultMessageQps, 1, 100_000),
            b.Int(Path + ".message-burst", DefaultMessageBurst, 1, 1_000_000),
            b.Duration(Path + ".reconnect-backoff-min", TimeSpan.FromSeconds(1)),
            b.Duration(Path + ".reconnect-backoff-max", TimeSpan.FromSeconds(30)));
        if (o.MessageBurst < o.MessageQps)
        {
            b.Error(Path + ".message-burst", $"must be at least message-qps ({o.MessageQps}), got {o.MessageBurst}");
        }

        if (o.ReconnectBackoffMax < o.ReconnectBackoffMin)
        {
            b.Error(Path + ".reconnect-backoff-max", "must not be less than reconnect-backoff-min");
        }

        return o;
    }

    public static EdgeHubOptions From(Config c) => OptionsBinding.Bind(c, From);
}
