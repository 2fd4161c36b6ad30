using Actors.Edge.Modules.EdgeHub;
using Actors.Edge.Modules.EdgeHub.Security;
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

    public const int DefaultOutboxMaxMessages = 10_000;
    public const int DefaultDedupeCapacity = 10_000;
    public const int DefaultMaxFrameBytes = 8 * 1024 * 1024;

    /// <summary>Plain ws:// allowed (local development only).</summary>
    public bool AllowInsecure { get; init; }

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int OutboxMaxMessages { get; init; } = DefaultOutboxMaxMessages;

    public int DedupeCapacity { get; init; } = DefaultDedupeCapacity;

    public int MaxFrameBytes { get; init; } = DefaultMaxFrameBytes;

    /// <summary>cloudcore's certificate service (join and rotation).</summary>
    public string HttpsServer { get; init; } = "https://127.0.0.1:10002";

    /// <summary>Join token; only needed while no valid certificate is stored.</summary>
    public string Token { get; init; } = string.Empty;

    public string TlsCaFile { get; init; } = "/etc/kubeedge/ca/rootCA.crt";

    public string TlsCertFile { get; init; } = "/etc/kubeedge/certs/server.crt";

    public string TlsKeyFile { get; init; } = "/etc/kubeedge/certs/server.key";

    public static EdgeHubOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var o = Core(b) with
        {
            AllowInsecure = b.Bool(Path + ".allow-insecure", false),
            HandshakeTimeout = b.Duration(Path + ".handshake-timeout", TimeSpan.FromSeconds(30)),
            OutboxMaxMessages = b.Int(Path + ".outbox-max-messages", DefaultOutboxMaxMessages, 1, 10_000_000),
            DedupeCapacity = b.Int(Path + ".dedupe-capacity", DefaultDedupeCapacity, 1, 10_000_000),
            MaxFrameBytes = b.Int(Path + ".max-frame-bytes", DefaultMaxFrameBytes, 1024, 64 * 1024 * 1024),
            HttpsServer = b.Uri(Path + ".https-server", "https://127.0.0.1:10002", false, "https"),
            Token = b.String(Path + ".token", string.Empty),
            TlsCaFile = b.String(Path + ".tls-ca-file", "/etc/kubeedge/ca/rootCA.crt", allowEmpty: false),
            TlsCertFile = b.String(Path + ".tls-cert-file", "/etc/kubeedge/certs/server.crt", allowEmpty: false),
            TlsKeyFile = b.String(Path + ".tls-key-file", "/etc/kubeedge/certs/server.key", allowEmpty: false),
        };
        if (o.Enable && o.Server.StartsWith("ws:", StringComparison.OrdinalIgnoreCase) && !o.AllowInsecure)
        {
            b.Error(Path + ".server", "is a plain ws:// address; set allow-insecure = on to allow it (local development only)");
        }

        return o;
    }

    public static EdgeHubOptions From(Config c) => OptionsBinding.Bind(c, From);

    /// <summary>The module for this node: outbox at <c>&lt;data-dir&gt;/edgehub.db</c>, certificates from the TLS files (joining with the token when they are missing).</summary>
    public EdgeHubModule CreateModule(EdgeCoreOptions core)
    {
        ArgumentNullException.ThrowIfNull(core);
        var node = core.NodeName.Length > 0 ? core.NodeName : Environment.MachineName;
        var settings = new EdgeHubSettings(new Uri(Server), node, ProjectId, System.IO.Path.Combine(core.DataDir, "edgehub.db"))
        {
            Heartbeat = Heartbeat,
            WriteTimeout = WriteTimeout,
            HandshakeTimeout = HandshakeTimeout,
            ReconnectBackoffMin = ReconnectBackoffMin,
            ReconnectBackoffMax = ReconnectBackoffMax,
            OutboxMaxMessages = OutboxMaxMessages,
            DedupeCapacity = DedupeCapacity,
            MaxFrameBytes = MaxFrameBytes,
            MessageQps = MessageQps,
            MessageBurst = MessageBurst,
            AllowInsecure = AllowInsecure,
            Certificates = new EdgeCertificateOptions(new Uri(HttpsServer), node, Token, TlsCaFile, TlsCertFile, TlsKeyFile),
        };
        return new EdgeHubModule(settings, Enable);
    }

    private static EdgeHubOptions Core(ConfigBinder b)
    {
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
}
