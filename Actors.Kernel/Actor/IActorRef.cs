namespace Actors.Kernel.Actor;

/// <summary>
/// An immutable, thread-safe handle to an actor. Sending never blocks and never throws for a
/// dead target: the message goes to dead letters instead.
/// </summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The actor's path, including its unique id (<see cref="ActorPath.Uid"/>).</summary>
    ActorPath Path { get; }
}
