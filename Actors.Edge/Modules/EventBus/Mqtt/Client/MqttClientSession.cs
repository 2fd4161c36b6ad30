using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Modules.EventBus.Mqtt.Client;

/// <summary>
/// Client-side session state that survives reconnects: unacknowledged QoS 1/2 publishes (resent with
/// DUP after a reconnect), pending SUBSCRIBE/UNSUBSCRIBE requests, and QoS 2 ids received but not released.
/// Not thread-safe: <see cref="MqttClient"/> guards it with its lock.
/// </summary>
internal sealed class MqttClientSession
{
    private readonly Dictionary<ushort, Pending> _publishes = [];
    private readonly Dictionary<ushort, TaskCompletionSource<MqttPacket>> _requests = [];
    private ushort _nextId;
    private long _sequence;

    public HashSet<ushort> IncomingQos2 { get; } = [];

    /// <summary>Filters to restore after a reconnect when the broker lost the session.</summary>
    public Dictionary<string, MqttQos> Subscriptions { get; } = new(StringComparer.Ordinal);

    public int PendingCount => _publishes.Count;

    public (ushort Id, Pending Pending) AddPublish(PublishPacket packet)
    {
        var id = NextId();
        var pending = new Pending(packet with { PacketId = id }, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), ++_sequence);
        _publishes[id] = pending;
        return (id, pending);
    }

    public ushort AddRequest(TaskCompletionSource<MqttPacket> completion)
    {
        var id = NextId();
        _requests[id] = completion;
        return id;
    }

    public bool CompleteRequest(ushort id, MqttPacket response)
    {
        if (!_requests.Remove(id, out var completion))
        {
            return false;
        }

        completion.TrySetResult(response);
        return true;
    }

    /// <summary>PUBACK (QoS 1) or PUBCOMP (QoS 2) ended the flow.</summary>
    public bool CompletePublish(ushort id)
    {
        if (!_publishes.Remove(id, out var pending))
        {
            return false;
        }

        pending.Completion.TrySetResult();
        return true;
    }

    /// <summary>PUBREC: the broker owns the message; from now on only PUBREL is resent.</summary>
    public bool MarkReceived(ushort id)
    {
        if (!_publishes.TryGetValue(id, out var pending) || pending.Packet.Qos != MqttQos.ExactlyOnce)
        {
            return false;
        }

        pending.Released = true;
        return true;
    }

    /// <summary>Packets to send after (re)connecting, oldest first.</summary>
    public IEnumerable<MqttPacket> Resend()
    {
        foreach (var pending in _publishes.Values.OrderBy(p => p.Sequence))
        {
            if (pending.Released)
            {
                yield return new PubRelPacket(pending.Packet.PacketId);
            }
            else
            {
                var packet = pending.Sent ? pending.Packet with { Dup = true } : pending.Packet;
                pending.Sent = true;
                yield return packet;
            }
        }
    }

    /// <summary>Requests cannot survive a lost connection: they fail (subscriptions are restored on reconnect).</summary>
    public void FailRequests(string reason)
    {
        foreach (var completion in _requests.Values)
        {
            completion.TrySetException(new MqttClientException(reason));
        }

        _requests.Clear();
    }

    public void FailAll(string reason)
    {
        FailRequests(reason);
        foreach (var pending in _publishes.Values)
        {
            pending.Completion.TrySetException(new MqttClientException(reason));
        }

        _publishes.Clear();
    }

    private ushort NextId()
    {
        do
        {
            _nextId = _nextId == ushort.MaxValue ? (ushort)1 : (ushort)(_nextId + 1);
        }
        while (_publishes.ContainsKey(_nextId) || _requests.ContainsKey(_nextId));
        return _nextId;
    }

    internal sealed class Pending(PublishPacket packet, TaskCompletionSource completion, long sequence)
    {
        public PublishPacket Packet { get; } = packet;

        public TaskCompletionSource Completion { get; } = completion;

        public long Sequence { get; } = sequence;

        public bool Sent { get; set; }

        public bool Released { get; set; }
    }
}
