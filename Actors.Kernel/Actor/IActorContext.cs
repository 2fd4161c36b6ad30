namespace Actors.Kernel.Actor;

/// <summary>
/// The actor's view of itself and its surroundings. Only valid on the actor's own thread
/// (inside message handlers and lifecycle hooks).
/// </summary>
public interface IActorContext : IActorRefFactory
{
    IActorRef Self { get; }

    /// <summary>Sender of the current message; dead letters when it was sent without one.</summary>
    IActorRef Sender { get; }

    IActorRef Parent { get; }

    Props Props { get; }

    ActorSystem System { get; }

    /// <summary>The current receive timeout, if any.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The named child, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    IEnumerable<IActorRef> GetChildren();

    /// <summary>Stops an actor asynchronously (the current message finishes first).</summary>
    void Stop(IActorRef child);

    /// <summary>Registers for a <see cref="Terminated"/> message when <paramref name="subject"/> stops.</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch"/> but delivers <paramref name="message"/> instead of Terminated.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; an already queued Terminated for it is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> pops it.</summary>
    void BecomeStacked(Receive receive);

    void UnbecomeStacked();

    /// <summary>Sets (or with null clears) the receive timeout.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    ActorSelection ActorSelection(ActorPath actorPath);
}
