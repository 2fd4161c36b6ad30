using Actors.Edge.Modules.EventBus.Mqtt.Broker.Persistence;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Modules.EventBus.Mqtt.Broker;

/// <summary>
/// Server-side session state of one client id: subscriptions, QoS 1/2 messages in flight to the client,
/// messages queued while offline (persistent sessions), and QoS 2 ids received but not yet released.
/// All members lock on the session itself. With a store, the QoS 1/2 messages of a persistent session are written
/// durably when they are delivered to it (the write's task goes to the caller, who acknowledges the publisher after it)
/// and deleted when the client acknowledges them.
/// </summary>
internal sealed class MqttSession
{
    private readonly Dictionary<ushort, Outgoing> _inflight = [];
    private readonly Queue<(PublishPacket Packet, long StoreId)> _offline = new();
    private readonly HashSet<ushort> _incomingQos2 = [];
    private readonly int _maxQueued;
    private readonly IBrokerStore? _store;
    private ushort _nextId;

    public MqttSession(string clientId, bool cleanSession, int maxQueued, IBrokerStore? store = null)
    {
        ClientId = clientId;
        CleanSession = cleanSession;
        _maxQueued = maxQueued;
        _store = cleanSession ? null : store;
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
    public bool Deliver(PublishPacket message, MqttQos qos, bool retain, List<Task>? commits = null)
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

            var packet = Downgrade(message, qos, retain, 0);
            var storeId = 0L;
            if (_store is not null)
            {
                storeId = _store.NextMessageId();
                var write = _store.Write(new StoreMessage(storeId, ClientId, packet));
                commits?.Add(write);
            }

            if (connection is null)
            {
                _offline.Enqueue((packet, storeId));
                return true;
            }

            SendNew(connection, packet, storeId);
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

            while (_offline.TryDequeue(out var queued))
            {
                SendNew(connection, queued.Packet, queued.StoreId);
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

    /// <summary>PUBACK (QoS 1) or PUBCOMP (QoS 2) from the client ends the flow (and the stored copy).</summary>
    public void Complete(ushort id)
    {
        lock (this)
        {
            if (_inflight.Remove(id, out var outgoing) && outgoing.StoreId > 0)
            {
                _ = _store?.Write(new DeleteMessage(outgoing.StoreId));
            }
        }
    }

    /// <summary>At broker start: the undelivered messages of a stored persistent session, queued for its next connection.</summary>
    public void Restore(IEnumerable<(long Id, PublishPacket Packet)> messages)
    {
        lock (this)
        {
            foreach (var (id, packet) in messages)
            {
                _offline.Enqueue((packet, id));
            }
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

    private void SendNew(MqttBrokerConnection connection, PublishPacket message, long storeId)
    {
        var id = NextId();
        var packet = message with { PacketId = id };
        _inflight[id] = new Outgoing(packet, false, storeId);
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

    private sealed record Outgoing(PublishPacket Packet, bool Released, long StoreId);
}
