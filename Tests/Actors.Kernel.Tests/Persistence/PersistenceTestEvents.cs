using Actors.Kernel.Persistence.Serialization;

namespace Actors.Kernel.Tests.Persistence;

public sealed record PodQueued(string Pod, int Attempt);

public sealed record NodeAcked(string Node, long Version);

public sealed record CounterState(int Count, string Note);

/// <summary>A type nobody registers: writing it must be rejected.</summary>
public sealed record NotRegistered(int Value);

internal static class PersistenceTestEvents
{
    public static SerializerRegistry CreateRegistry() => new SerializerRegistry()
        .Register<PodQueued>("pod-queued.v1")
        .Register<NodeAcked>("node-acked.v1")
        .Register<CounterState>("counter-state.v1");
}
