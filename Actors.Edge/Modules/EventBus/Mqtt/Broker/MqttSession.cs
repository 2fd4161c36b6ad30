using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Modules.EventBus.Mqtt.Broker;

/// <summary>
/// Server-side session state of one client id: subscriptions, QoS 1/2 messages in flight to the client,
/// messages queued while offline (persistent sessions), and QoS 2 ids received but not yet released.
/// All members lock on the session itself.
/// </summary>
internal sealed class MqttSession
{
    private readonly Dictionary<ushort, Outgoing> _inflight = [];
    private readonly Queue<PublishPacket> _offline = new();
    private readonly HashSet<ushort> _incomingQos2 = [];
    private readonly int _maxQueued;
    private ushort _nextId;

    public MqttSession(string clientId, bool cleanSession, int maxQueued)
    {
        ClientId = clientId;
        CleanSession = cleanSession;
        _maxQueued = maxQueued;
    }

    public string ClientId { get; }

    public bool CleanSession { get; }

    /// <summary>Filter → granted QoS. Guarded by the session lock.</summary>
    public Dictionary<string, MqttQos> Subscriptions { get; } = new(StringComparer.Ordinal);

    public MqttBrokerConnection? Connection { get; private set; }

    /// <summary>QoS 1/2 messages in flight or queued offline (diagnostics).</summary>
    public int QueuedCount
    {
        get
        {
            lock (this)
            {
                return _inflight.Count + _offline.Count;
            }
        }
    }

    /// <summary>Messages dropped because the session queue was full.</summary>
    public long Dropped { get; private set; }

    /// <summary>
    /// Delivers one message at <paramref name="qos"/> (already downgraded). Returns false when the
    /// message was dropped because a bound was reached.
    /// </summary>
    public bool Deliver(PublishPacket message, MqttQos qos, bool retain)
    {
        lock (this)
        {
            var connection = Connection;
            if (qos == MqttQos.AtMostOnce)
            {
                return connection is not null
                    && connection.Outbox.TryEnqueue(Downgrade(message, qos, retain, 0), droppable: true);
            }

            if (_inflight.Count + _offline.Count >= _maxQueued)
            {
                Dropped++;
                return false;
            }

            if (connection is null)
            {
                _offline.Enqueue(Downgrade(message, qos, retain, 0));
                return true;
            }

            SendNew(connection, Downgrade(message, qos, retain, 0));
            return true;
        }
    }

    /// <summary>Binds a connection: resends in-flight messages (DUP) and PUBRELs, then flushes the offline queue.</summary>
    public void Attach(MqttBrokerConnection connection)
    {
        lock (this)
        {
            Connection = connection;
            foreach (var (id, outgoing) in _inflight.OrderBy(p => p.Key))
            {
                connection.Outbox.TryEnqueue(outgoing.Released ? new PubRelPacket(id) : outgoing.Packet with { Dup = true });
            }

            while (_offline.TryDequeue(out var message))
            {
                SendNew(connection, message);
            }
        }
    }

    public void Detach(MqttBrokerConnection connection)
    {
        lock (this)
        {
            if (ReferenceEquals(Connection, connection))
            {
                Connection = null;
            }
        }
    }

    /// <summary>PUBACK (QoS 1) or PUBCOMP (QoS 2) from the client ends the flow.</summary>
    public void Complete(ushort id)
    {
        lock (this)
        {
            _inflight.Remove(id);
        }
    }

    /// <summary>PUBREC from the client: the message is delivered; answer with PUBREL.</summary>
    public void Received(ushort id)
    {
        lock (this)
        {
            if (_inflight.TryGetValue(id, out var outgoing))
            {
                _inflight[id] = outgoing with { Released = true };
            }
        }
    }

    /// <summary>An incoming QoS 2 PUBLISH: true when it is new (route it), false for a duplicate.</summary>
    public bool BeginIncomingQos2(ushort id)
    {
        lock (this)
        {
            return _incomingQos2.Add(id);
        }
    }

    public void ReleaseIncomingQos2(ushort id)
    {
        lock (this)
        {
            _incomingQos2.Remove(id);
        }
    }

    private static PublishPacket Downgrade(PublishPacket message, MqttQos qos, bool retain, ushort id) =>
        message.Qos == qos && message.Retain == retain && message.PacketId == id && !message.Dup
            ? message
            : message with { Qos = qos, Retain = retain, PacketId = id, Dup = false };

    private void SendNew(MqttBrokerConnection connection, PublishPacket message)
    {
        var id = NextId();
        var packet = message with { PacketId = id };
        _inflight[id] = new Outgoing(packet, false);
        connection.Outbox.TryEnqueue(packet);
    }

    private ushort NextId()
    {
        do
        {
            _nextId = _nextId == ushort.MaxValue ? (ushort)1 : (ushort)(_nextId + 1);
        }
        while (_inflight.ContainsKey(_nextId));
        return _nextId;
    }

    private sealed record Outgoing(PublishPacket Packet, bool Released);
}
