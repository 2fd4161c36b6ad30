using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Modules.EventBus.Mqtt.Broker.Persistence;

/// <summary>A change to the broker's durable state, applied in order by <see cref="IBrokerStore"/>.</summary>
internal abstract record BrokerWrite;

/// <summary>A QoS 1/2 message for a persistent session (qos and retain already as delivered).</summary>
internal sealed record StoreMessage(long Id, string ClientId, PublishPacket Packet) : BrokerWrite;

/// <summary>The message was delivered (PUBACK / PUBCOMP from the client).</summary>
internal sealed record DeleteMessage(long Id) : BrokerWrite;

/// <summary>The persistent session exists with exactly these subscriptions.</summary>
internal sealed record StoreSession(string ClientId, IReadOnlyDictionary<string, MqttQos> Subscriptions) : BrokerWrite;

/// <summary>The session ended (a clean session took the client id): its subscriptions and messages go.</summary>
internal sealed record DeleteSession(string ClientId) : BrokerWrite;

/// <summary>The retained message of a topic; a null packet clears it.</summary>
internal sealed record StoreRetained(string Topic, PublishPacket? Packet) : BrokerWrite;

/// <summary>A persistent session as stored: its subscriptions and undelivered messages in arrival order.</summary>
internal sealed record StoredSession(string ClientId, IReadOnlyDictionary<string, MqttQos> Subscriptions, IReadOnlyList<(long Id, PublishPacket Packet)> Messages);

/// <summary>Everything the broker had durably acknowledged when it stopped.</summary>
internal sealed record BrokerState(IReadOnlyList<StoredSession> Sessions, IReadOnlyList<PublishPacket> Retained, long LastMessageId)
{
    public static readonly BrokerState Empty = new([], [], 0);
}
