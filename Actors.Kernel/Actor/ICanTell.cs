namespace Actors.Kernel.Actor;

/// <summary>Something a message can be sent to: an <see cref="IActorRef"/> or an <see cref="ActorSelection"/>.</summary>
public interface ICanTell
{
    /// <summary>Sends <paramref name="message"/> asynchronously (fire and forget). A null sender means no sender.</summary>
    void Tell(object message, IActorRef? sender);
}
