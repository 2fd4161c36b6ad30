using System.Collections.Concurrent;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EventBus.Mqtt.Broker;

/// <summary>The broker's routing state: the subscription trie and the retained messages.</summary>
internal sealed class MqttRouter : IDisposable
{
    private readonly SubscriptionTrie _trie = new();
    private readonly ConcurrentDictionary<string, PublishPacket> _retained = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private long _droppedQos0;

    public MqttRouter(ILogger logger)
    {
        _logger = logger;
    }

    public long DroppedQos0Messages => Interlocked.Read(ref _droppedQos0);

    public int RetainedCount => _retained.Count;

    public void Dispose() => _trie.Dispose();

    /// <summary>Routes one PUBLISH from a client: retained store, then every matching subscription.</summary>
    public void Route(PublishPacket publish, List<(MqttSession Session, MqttQos Qos)> scratch)
    {
        if (publish.Retain)
        {
            if (publish.Payload.IsEmpty)
            {
                _retained.TryRemove(publish.Topic, out _);
            }
            else
            {
                _retained[publish.Topic] = publish with { Dup = false, PacketId = 0 };
            }
        }

        scratch.Clear();
        _trie.Match(publish.Topic, scratch);
        foreach (var (session, subscriptionQos) in scratch)
        {
            var qos = publish.Qos < subscriptionQos ? publish.Qos : subscriptionQos;
            if (!session.Deliver(publish, qos, retain: false) && qos == MqttQos.AtMostOnce && session.Connection is not null)
            {
                Interlocked.Increment(ref _droppedQos0);
            }
        }

        scratch.Clear();
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
