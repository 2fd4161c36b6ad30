using System.Threading.Channels;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Modules.EventBus.Mqtt.Client;

/// <summary>
/// MQTT 3.1.1 client: QoS 0/1/2 both ways, clean and persistent sessions, keepalive, automatic reconnect
/// with jittered backoff, resubscribe and resend (DUP) of unacknowledged messages. Received messages
/// arrive on <see cref="Messages"/>.
/// </summary>
public sealed partial class MqttClient : IAsyncDisposable
{
    private readonly MqttClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly MqttClientSession _session = new();
    private readonly Channel<MqttApplicationMessage> _messages;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly SemaphoreSlim _slots;
    private readonly Random _random = new();
    private MqttClientConnection? _connection;
    private Task? _supervisor;
    private int _connectCount;
    private bool _closing;
    private int _disposed;

    public MqttClient(MqttClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<MqttClient>();
        _time = timeProvider ?? TimeProvider.System;
        _slots = new SemaphoreSlim(options.MaxPendingMessages, options.MaxPendingMessages);
        _messages = Channel.CreateBounded<MqttApplicationMessage>(new BoundedChannelOptions(options.ReceiveQueueCapacity)
        {
            SingleReader = false,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Messages from the broker, in arrival order. Completed when the client is disposed.</summary>
    public ChannelReader<MqttApplicationMessage> Messages => _messages.Reader;

    public bool IsConnected => Volatile.Read(ref _connection) is not null;

    /// <summary>How many times a CONNECT was accepted (1 after the first connect, +1 per reconnect).</summary>
    public int ConnectCount => Volatile.Read(ref _connectCount);

    /// <summary>QoS 1/2 messages published but not yet acknowledged.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _session.PendingCount;
            }
        }
    }

    /// <summary>Connects; returns the broker's session-present flag. Reconnects automatically afterwards.</summary>
    /// <exception cref="MqttClientException">The broker refused the connection or closed it before CONNACK.</exception>
    public async Task<bool> ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_lifetime.IsCancellationRequested, this);
        if (_supervisor is not null)
        {
            throw new InvalidOperationException("ConnectAsync was already called");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        var (connection, present) = await OpenAsync(linked.Token).ConfigureAwait(false);
        _supervisor = Task.Run(() => SuperviseAsync(connection), CancellationToken.None);
        return present;
    }

    /// <summary>
    /// Publishes. QoS 0 completes once queued for the socket (and fails when not connected); QoS 1 and 2
    /// complete when the flow completes (PUBACK / PUBCOMP), across reconnects if needed. Cancelling stops
    /// the wait but not the delivery of a QoS 1/2 message already queued.
    /// </summary>
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQos qos = MqttQos.AtMostOnce, bool retain = false, CancellationToken cancellationToken = default)
    {
        var packet = ValidatePublish(topic, payload, qos, retain);
        if (qos == MqttQos.AtMostOnce)
        {
            var connection = Volatile.Read(ref _connection) ?? throw new MqttClientException("not connected");
            await connection.Outbox.WaitForSpaceAsync(_options.MaxPendingMessages, cancellationToken).ConfigureAwait(false);
            if (!connection.Outbox.TryEnqueue(packet))
            {
                throw new MqttClientException("not connected");
            }

            return;
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        MqttClientSession.Pending pending;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closing, this);
            (_, pending) = _session.AddPublish(packet);
            if (_connection is { } connection)
            {
                pending.Sent = true;
                connection.Outbox.TryEnqueue(pending.Packet);
            }
        }

        await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<byte>> SubscribeAsync(string filter, MqttQos qos, CancellationToken cancellationToken = default) =>
        SubscribeAsync([new TopicSubscription(filter, qos)], cancellationToken);

    /// <summary>Subscribes; returns the SUBACK codes (granted QoS or 0x80). Subscriptions are restored after reconnects.</summary>
    public async Task<IReadOnlyList<byte>> SubscribeAsync(IReadOnlyList<TopicSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        if (subscriptions.Count == 0 || subscriptions.Any(s => !MqttTopic.IsValidTopicFilter(s.Filter) || s.Qos > MqttQos.ExactlyOnce))
        {
            throw new ArgumentException("at least one subscription, each a valid topic filter with QoS 0..2", nameof(subscriptions));
        }

        var completion = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var connection = _connection ?? throw new MqttClientException("not connected");
            var id = _session.AddRequest(completion);
            foreach (var sub in subscriptions)
            {
                _session.Subscriptions[sub.Filter] = sub.Qos;
            }

            connection.Outbox.TryEnqueue(new SubscribePacket(id, subscriptions));
        }

        var ack = (SubAckPacket)await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            for (var i = 0; i < subscriptions.Count && i < ack.ReturnCodes.Count; i++)
            {
                if (ack.ReturnCodes[i] == SubAckPacket.Failure)
                {
                    _session.Subscriptions.Remove(subscriptions[i].Filter);
                }
            }
        }

        return ack.ReturnCodes;
    }

    public async Task UnsubscribeAsync(IReadOnlyList<string> filters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var completion = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var connection = _connection ?? throw new MqttClientException("not connected");
            foreach (var filter in filters)
            {
                _session.Subscriptions.Remove(filter);
            }

            connection.Outbox.TryEnqueue(new UnsubscribePacket(_session.AddRequest(completion), filters));
        }

        await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends DISCONNECT (the broker discards the will) and stops reconnecting.</summary>
    public async Task DisconnectAsync()
    {
        MqttClientConnection? connection;
        lock (_gate)
        {
            _closing = true;
            connection = _connection;
            _connection = null;
        }

        if (connection is not null)
        {
            connection.Outbox.TryEnqueue(DisconnectPacket.Instance);
            connection.Outbox.Complete();
            await connection.Completion.WaitAsync(TimeSpan.FromSeconds(5), _time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (_supervisor is not null)
        {
            await _supervisor.ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await DisconnectAsync().ConfigureAwait(false);

        lock (_gate)
        {
            _session.FailAll("the client was disposed");
        }

        _messages.Writer.TryComplete();
        _lifetime.Dispose();
        _slots.Dispose();
    }

    private PublishPacket ValidatePublish(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool retain)
    {
        ObjectDisposedException.ThrowIf(_closing, this);
        if (!MqttTopic.IsValidTopicName(topic))
        {
            throw new ArgumentException("'" + topic + "' is not a valid topic name (non-empty, no wildcards)", nameof(topic));
        }

        if (qos > MqttQos.ExactlyOnce)
        {
            throw new ArgumentOutOfRangeException(nameof(qos));
        }

        var packet = new PublishPacket(topic, payload, qos, retain, false, qos > 0 ? (ushort)1 : (ushort)0);
        var size = MqttEncoder.PublishSize(packet);
        if (size > _options.MaxPacketSize)
        {
            throw new ArgumentException("PUBLISH of " + size + " bytes exceeds MaxPacketSize " + _options.MaxPacketSize, nameof(payload));
        }

        return packet;
    }
}
