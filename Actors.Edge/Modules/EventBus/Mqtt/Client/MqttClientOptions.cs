using System.Net.Security;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Modules.EventBus.Mqtt.Client;

/// <summary>Settings of one <see cref="MqttClient"/>. Call <see cref="Validate"/> at start-up (the client does).</summary>
public sealed record MqttClientOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 1883;

    public required string ClientId { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>True: the broker forgets subscriptions and queued messages when the connection ends.</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>Keepalive interval sent in CONNECT; zero disables PINGREQ. A PINGRESP missing for this long closes the connection.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(60);

    public MqttWill? Will { get; init; }

    public bool UseTls { get; init; }

    /// <summary>Name checked against the server certificate (defaults to <see cref="Host"/>).</summary>
    public string? TlsTargetHost { get; init; }

    /// <summary>Optional override of server certificate validation (e.g. to pin a self-signed certificate).</summary>
    public RemoteCertificateValidationCallback? TlsCertificateValidation { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public bool AutoReconnect { get; init; } = true;

    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest packet accepted from the broker and sent to it, fixed header included.</summary>
    public int MaxPacketSize { get; init; } = 1024 * 1024;

    /// <summary>Bound of the outgoing queue: QoS 1/2 messages not yet acknowledged plus packets not yet written. Publishers wait beyond it.</summary>
    public int MaxPendingMessages { get; init; } = 10_000;

    /// <summary>Capacity of <see cref="MqttClient.Messages"/>; when full, reading from the socket pauses.</summary>
    public int ReceiveQueueCapacity { get; init; } = 10_000;

    public MqttClientOptions Validate()
    {
        Check(!string.IsNullOrWhiteSpace(Host), nameof(Host), "is required");
        Check(Port is > 0 and <= 65535, nameof(Port), "must be 1..65535");
        Check(ClientId is not null && System.Text.Encoding.UTF8.GetByteCount(ClientId) <= 65535, nameof(ClientId), "is required (empty lets the broker assign one)");
        Check(CleanSession || ClientId!.Length > 0, nameof(ClientId), "must not be empty for a persistent session");
        Check(Password is null || Username is not null, nameof(Password), "requires a Username (MQTT 3.1.1)");
        Check(KeepAlive >= TimeSpan.Zero && KeepAlive.TotalSeconds <= ushort.MaxValue, nameof(KeepAlive), "must be 0..65535 s");
        Check(KeepAlive == TimeSpan.Zero || KeepAlive >= TimeSpan.FromSeconds(1), nameof(KeepAlive), "must be zero or at least one second");
        Check(Will is null || MqttTopic.IsValidTopicName(Will.Topic), nameof(Will), "topic is not a valid topic name");
        Check(ConnectTimeout > TimeSpan.Zero, nameof(ConnectTimeout), "must be positive");
        Check(ReconnectMinDelay > TimeSpan.Zero && ReconnectMaxDelay >= ReconnectMinDelay, nameof(ReconnectMinDelay), "must be positive and not above ReconnectMaxDelay");
        Check(MaxPacketSize is >= 64 and <= 268_435_460, nameof(MaxPacketSize), "must be 64..268435460");
        Check(MaxPendingMessages is > 0 and <= 65_000, nameof(MaxPendingMessages), "must be 1..65000 (packet ids are 16-bit)");
        Check(ReceiveQueueCapacity > 0, nameof(ReceiveQueueCapacity), "must be positive");
        return this;
    }

    private static void Check(bool ok, string name, string problem)
    {
        if (!ok)
        {
            throw new ArgumentException("mqtt client: " + name + " " + problem, name);
        }
    }
}
