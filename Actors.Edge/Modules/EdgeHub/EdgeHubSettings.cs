using Actors.Edge.Modules.EdgeHub.Security;
using Actors.Kernel.Modules;

namespace Actors.Edge.Modules.EdgeHub;

/// <summary>
/// What the EdgeHub module needs at run time (built from <c>EdgeHubOptions</c> and the host settings by
/// <c>EdgeHubOptions.CreateModule</c>, or directly by tests).
/// </summary>
/// <param name="Server">CloudHub base address, <c>wss://host:port</c> (or <c>ws://</c> with <see cref="AllowInsecure"/>).</param>
/// <param name="NodeId">This node's name: the <c>node_id</c> header and the second path segment.</param>
/// <param name="ProjectId">The <c>project_id</c> header and the first path segment.</param>
/// <param name="OutboxPath">SQLite file of the durable outbox (e.g. <c>&lt;data-dir&gt;/edgehub.db</c>).</param>
public sealed record EdgeHubSettings(Uri Server, string NodeId, string ProjectId, string OutboxPath)
{
    /// <summary>Interval between keepalives (KubeEdge: 15 s).</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Bound of one socket write; a write that takes longer ends the connection.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Bound of the WebSocket handshake (KubeEdge: 30 s).</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ReconnectBackoffMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectBackoffMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most messages kept in the outbox; when full the oldest is dropped (logged).</summary>
    public int OutboxMaxMessages { get; init; } = 10_000;

    /// <summary>How many cloud msg_ids are remembered for duplicate detection (least recently seen forgotten first).</summary>
    public int DedupeCapacity { get; init; } = 10_000;

    /// <summary>Largest cloud message accepted; larger ones are read to their end, dropped and logged.</summary>
    public int MaxFrameBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Upstream rate limit: sustained messages per second (KubeEdge <c>messageQPS</c>: 30).</summary>
    public int MessageQps { get; init; } = 30;

    /// <summary>Upstream rate limit: burst (KubeEdge <c>messageBurst</c>: 60).</summary>
    public int MessageBurst { get; init; } = 60;

    /// <summary>Outbox frames handed to the connection before the first is confirmed written.</summary>
    public int WriteWindow { get; init; } = 64;

    /// <summary>Allow a plain <c>ws://</c> server (local development only; a warning is logged).</summary>
    public bool AllowInsecure { get; init; }

    /// <summary>Source of the node certificate for mutual TLS, asked before every connection attempt (so a rotated certificate is picked up on reconnect).</summary>
    public Func<CancellationToken, Task<EdgeCredentials>>? Credentials { get; init; }

    /// <summary>Where <see cref="EdgeCertificateManager"/> keeps (and obtains) the node certificate; used when <see cref="Credentials"/> is null.</summary>
    public EdgeCertificateOptions? Certificates { get; init; }

    /// <summary>Restart policy of the module under the bus.</summary>
    public ModuleRestartPolicy RestartPolicy { get; init; } = ModuleRestartPolicy.Default;

    /// <summary>The WebSocket URL: <c>&lt;server&gt;/&lt;projectId&gt;/&lt;nodeId&gt;/events</c>.</summary>
    public Uri EventsUri => new(Server, "/" + Uri.EscapeDataString(ProjectId) + "/" + Uri.EscapeDataString(NodeId) + "/events");

    /// <summary>True for <c>ws://</c>.</summary>
    public bool IsPlain => Server.Scheme == "ws";

    /// <summary>Errors naming the offending setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Server.Scheme is not ("ws" or "wss"))
        {
            errors.Add($"server must be a ws:// or wss:// URL (was {Server})");
        }

        if (IsPlain && !AllowInsecure)
        {
            errors.Add("server is plain ws:// but allow-insecure is off");
        }

        if (!IsPlain && Credentials is null && Certificates is null)
        {
            errors.Add("a wss:// server needs node credentials");
        }

        if (string.IsNullOrWhiteSpace(NodeId) || string.IsNullOrWhiteSpace(ProjectId))
        {
            errors.Add("node id and project id must be set");
        }

        if (Heartbeat <= TimeSpan.Zero || WriteTimeout <= TimeSpan.Zero || HandshakeTimeout <= TimeSpan.Zero)
        {
            errors.Add("heartbeat, write-timeout and handshake-timeout must be positive");
        }

        if (ReconnectBackoffMin <= TimeSpan.Zero || ReconnectBackoffMax < ReconnectBackoffMin)
        {
            errors.Add("reconnect backoff needs 0 < min <= max");
        }

        if (MessageQps < 1 || MessageBurst < MessageQps)
        {
            errors.Add("message-qps must be >= 1 and message-burst >= message-qps");
        }

        if (OutboxMaxMessages < 1 || DedupeCapacity < 1 || MaxFrameBytes < 1024 || WriteWindow < 1)
        {
            errors.Add("outbox-max-messages, dedupe-capacity and write window must be >= 1, max-frame-bytes >= 1024");
        }

        return errors;
    }
}
