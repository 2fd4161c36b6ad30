namespace Actors.Edge.Modules.EventBus.Mqtt.Broker.Persistence;

/// <summary>
/// The broker's durable state: persistent sessions, their undelivered QoS 1/2 messages and retained messages. Writes
/// are applied in the order they are given and group-committed; the task of a write completes once it is durable (the
/// broker acknowledges a PUBLISH only then). Thread-safe.
/// </summary>
internal interface IBrokerStore : IAsyncDisposable
{
    /// <summary>Reads the stored state (called once, at start).</summary>
    BrokerState Load();

    /// <summary>A new message id, larger than every stored one.</summary>
    long NextMessageId();

    /// <summary>Queues a write; completes when it is committed, faults when it cannot be.</summary>
    Task Write(BrokerWrite write);
}
