using System.Net;

namespace Actors.Cloud.Modules.CloudHub;

/// <summary>
/// CloudHub's WebSocket server and session settings (KubeEdge defaults: port 10000, node limit 500, keepalive 30 s,
/// ACK retry every 5 s for 5 sends). Call <see cref="Validate"/> at start-up.
/// </summary>
public sealed record CloudHubOptions
{
    public IPAddress ListenAddress { get; init; } = IPAddress.Any;

    /// <summary>TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 10000;

    /// <summary>Plain ws:// without TLS: local development only, logged as a warning.</summary>
    public bool AllowInsecure { get; init; }

    public int NodeLimit { get; init; } = 500;

    /// <summary>A node that sends no keepalive for this long is disconnected.</summary>
    public TimeSpan KeepaliveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest accepted incoming message (all frames of one WebSocket message).</summary>
    public int MaxFrameBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>A write that does not finish in this time ends the session (a stuck edge).</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Frames waiting to be written per node; beyond it no-ACK messages are dropped, ACK ones wait for a retry.</summary>
    public int QueueCapacity { get; init; } = 1024;

    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between two rounds of <see cref="MaxSends"/> sends of an unacknowledged message.</summary>
    public TimeSpan MaxRetryBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>ACK messages kept per node while it has no session (newest version per object; oldest evicted beyond it).</summary>
    public int OfflineQueueCapacity { get; init; } = 1024;

    /// <summary>Total sends of a message that needs an ACK (first send included).</summary>
    public int MaxSends { get; init; } = 5;

    /// <summary>Module groups told when a node connects or disconnects (the controllers; the router when it runs).</summary>
    public IReadOnlyList<string> ConnectEventGroups { get; init; } = [Actors.Messages.Routing.Groups.EdgeController];

    /// <summary>Returns the options or throws <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public CloudHubOptions Validate()
    {
        var errors = new List<string>();
        Check(errors, Port is >= 0 and <= 65535, "port must be 0..65535");
        Check(errors, NodeLimit > 0, "node-limit must be positive");
        Check(errors, KeepaliveTimeout > TimeSpan.Zero, "keepalive-timeout must be positive");
        Check(errors, MaxFrameBytes >= 1024, "max-frame-size must be at least 1024 bytes");
        Check(errors, WriteTimeout > TimeSpan.Zero, "write-timeout must be positive");
        Check(errors, QueueCapacity > 0, "queue-capacity must be positive");
        Check(errors, RetryInterval > TimeSpan.Zero, "retry-interval must be positive");
        Check(errors, MaxSends > 0, "max-sends must be positive");
        Check(errors, MaxRetryBackoff >= RetryInterval, "max-retry-backoff must be at least retry-interval");
        Check(errors, OfflineQueueCapacity > 0, "offline-queue-capacity must be positive");
        return errors.Count == 0
            ? this
            : throw new ArgumentException("invalid CloudHub options: " + string.Join("; ", errors));
    }

    /// <summary>Wait before round <paramref name="round"/> (1, 2, …) of sends: retry-interval × 2^round, capped.</summary>
    public TimeSpan BackoffAfter(int round)
    {
        var factor = Math.Pow(2, Math.Min(round, 20));
        var ticks = Math.Min(RetryInterval.Ticks * factor, MaxRetryBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private static void Check(List<string> errors, bool ok, string message)
    {
        if (!ok)
        {
            errors.Add(message);
        }
    }
}
