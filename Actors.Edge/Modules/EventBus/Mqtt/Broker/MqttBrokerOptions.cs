using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Actors.Edge.Modules.EventBus.Mqtt.Broker;

/// <summary>Settings of the embedded MQTT broker ("internal" mode). Call <see cref="Validate"/> at start-up.</summary>
public sealed record MqttBrokerOptions
{
    /// <summary>Where to listen; port 0 picks a free port (see <see cref="MqttBroker.LocalEndPoint"/>).</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 1884);

    public int MaxConnections { get; init; } = 1024;

    /// <summary>Largest accepted packet, fixed header included; larger packets close the connection.</summary>
    public int MaxPacketSize { get; init; } = 1024 * 1024;

    /// <summary>When set, CONNECT must carry exactly this user name and <see cref="Password"/>.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>When set, every connection is TLS with this certificate (which must have a private key).</summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>
    /// Per connection: QoS 0 PUBLISH packets are dropped (and counted in
    /// <see cref="MqttBroker.DroppedQos0Messages"/>) while this many packets already wait to be written.
    /// </summary>
    public int MaxOutgoingQueue { get; init; } = 10_000;

    /// <summary>Per session: QoS 1/2 messages in flight or queued while offline; newer ones are dropped beyond it.</summary>
    public int MaxQueuedMessagesPerSession { get; init; } = 10_000;

    /// <summary>
    /// SQLite file for persistent sessions, their undelivered QoS 1/2 messages and retained messages; null keeps them
    /// in memory only (lost when the process dies).
    /// </summary>
    public string? StorePath { get; init; }

    /// <summary>How long a new connection may take to send CONNECT.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public MqttBrokerOptions Validate()
    {
        if (Listen is null)
        {
            throw new ArgumentException("mqtt broker: Listen is required", nameof(Listen));
        }

        Check(MaxConnections > 0, nameof(MaxConnections), "must be positive");
        Check(MaxPacketSize is >= 64 and <= 268_435_460, nameof(MaxPacketSize), "must be between 64 and 268435460 bytes");
        Check(MaxOutgoingQueue > 0, nameof(MaxOutgoingQueue), "must be positive");
        Check(MaxQueuedMessagesPerSession is > 0 and <= 65_000, nameof(MaxQueuedMessagesPerSession), "must be between 1 and 65000 (packet ids are 16-bit)");
        Check(ConnectTimeout > TimeSpan.Zero, nameof(ConnectTimeout), "must be positive");
        Check((Username is null) == (Password is null), nameof(Username), "Username and Password must be set together");
        Check(Username is null || Username.Length > 0, nameof(Username), "must not be empty");
        Check(ServerCertificate is null || ServerCertificate.HasPrivateKey, nameof(ServerCertificate), "needs a private key");
        return this;
    }

    private static void Check(bool ok, string name, string problem)
    {
        if (!ok)
        {
            throw new ArgumentException("mqtt broker: " + name + " " + problem, name);
        }
    }
}
