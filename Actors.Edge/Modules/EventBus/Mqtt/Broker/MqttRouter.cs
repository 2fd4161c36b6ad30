using System.Collections.Concurrent;
using Actors.Edge.Modules.EventBus.Mqtt.Broker.Persistence;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EventBus.Mqtt.Broker;

/// <summary>The broker's routing state: the subscription trie and the retained messages.</summary>
internal sealed class MqttRouter : IDisposable
{
    private readonly SubscriptionTrie _trie = new();
    private readonly ConcurrentDictionary<string, PublishPacket> _retained = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private readonly IBrokerStore? _store;
    private long _droppedQos0;

    public MqttRouter(ILogger logger, IBrokerStore? store = null)
    {
        _logger = logger;
        _store = store;
    }

    public long DroppedQos0Messages => Interlocked.Read(ref _droppedQos0);

    public int RetainedCount => _retained.Count;

    public void Dispose() => _trie.Dispose();

    /// <summary>
    /// Routes one PUBLISH from a client: retained store, then every matching subscription. With a store, the writes
    /// that make the message durable (retained, persistent sessions' copies) are added to <paramref name="commits"/>.
    /// </summary>
    public void Route(PublishPacket publish, List<(MqttSession Session, MqttQos Qos)> scratch, List<Task>? commits = null)
    {
        if (publish.Retain)
        {
            if (publish.Payload.IsEmpty)
            {
                _retained.TryRemove(publish.Topic, out _);
                Persist(new StoreRetained(publish.Topic, null), commits);
            }
            else
            {
                var retained = publish with { Dup = false, PacketId = 0 };
                _retained[publish.Topic] = retained;
                Persist(new StoreRetained(publish.Topic, retained), commits);
            }
        }

        scratch.Clear();
        _trie.Match(publish.Topic, scratch);
        foreach (var (session, subscriptionQos) in scratch)
        {
            var qos = publish.Qos < subscriptionQos ? publish.Qos : subscriptionQos;
            if (!session.Deliver(publish, qos, retain: false, commits) && qos == MqttQos.AtMostOnce && session.Connection is not null)
            {
                Interlocked.Increment(ref _droppedQos0);
            }
        }

        scratch.Clear();
    }

    /// <summary>At broker start: a stored persistent session's subscriptions go back into the trie.</summary>
    public void Restore(MqttSession session, IReadOnlyDictionary<string, MqttQos> subscriptions)
    {
        foreach (var (filter, qos) in subscriptions)
        {
            lock (session)
            {
                session.Subscriptions[filter] = qos;
            }

            _trie.Add(filter, session, qos);
        }
    }

    /// <summary>At broker start: the stored retained messages.</summary>
    public void RestoreRetained(IEnumerable<PublishPacket> retained)
    {
        foreach (var packet in retained)
        {
            _retained[packet.Topic] = packet;
        }
    }

    /// <summary>Writes a persistent session's current subscriptions (or marks a new one); the task completes when durable.</summary>
    public Task PersistSession(MqttSession session)
    {
        if (_store is null || session.CleanSession)
        {
            return Task.CompletedTask;
        }

        Dictionary<string, MqttQos> snapshot;
        lock (session)
        {
            snapshot = new Dictionary<string, MqttQos>(session.Subscriptions, StringComparer.Ordinal);
        }

        return _store.Write(new StoreSession(session.ClientId, snapshot));
    }

    public SubAckPacket Subscribe(MqttSession session, SubscribePacket subscribe, out List<TopicSubscription> accepted)
    {
        accepted = [];
        var codes = new byte[subscribe.Subscriptions.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            var sub = subscribe.Subscriptions[i];
            if (!MqttTopic.IsValidTopicFilter(sub.Filter))
            {
                _logger.LogInformation("mqtt broker: '{ClientId}' subscribed to invalid filter '{Filter}'", session.ClientId, sub.Filter);
                codes[i] = SubAckPacket.Failure;
                continue;
            }

            lock (session)
            {
                session.Subscriptions[sub.Filter] = sub.Qos;
            }

            _trie.Add(sub.Filter, session, sub.Qos);
            accepted.Add(sub);
            codes[i] = (byte)sub.Qos;
        }

        return new SubAckPacket(subscribe.PacketId, codes);
    }

    public void DeliverRetained(MqttSession session, List<TopicSubscription> subscriptions)
    {
        foreach (var sub in subscriptions)
        {
            foreach (var retained in _retained.Values)
            {
                if (MqttTopic.Matches(sub.Filter, retained.Topic))
                {
                    session.Deliver(retained, retained.Qos < sub.Qos ? retained.Qos : sub.Qos, retain: true);
                }
            }
        }
    }

    public void Unsubscribe(MqttSession session, UnsubscribePacket unsubscribe)
    {
        foreach (var filter in unsubscribe.Filters)
        {
            bool removed;
            lock (session)
            {
                removed = session.Subscriptions.Remove(filter);
            }

            if (removed)
            {
                _trie.Remove(filter, session);
            }
        }
    }

    private void Persist(BrokerWrite write, List<Task>? commits)
    {
        if (_store?.Write(write) is { } task)
        {
            commits?.Add(task);
        }
    }

    public void DropSubscriptions(MqttSession session)
    {
        string[] filters;
        lock (session)
        {
            filters = [.. session.Subscriptions.Keys];
            session.Subscriptions.Clear();
        }

        foreach (var filter in filters)
        {
            _trie.Remove(filter, session);
        }
    }

}
