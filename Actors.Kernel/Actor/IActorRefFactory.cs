namespace Actors.Kernel.Actor;

/// <summary>Creates actors and looks them up (implemented by <see cref="ActorSystem"/> and <see cref="IActorContext"/>).</summary>
public interface IActorRefFactory
{
    /// <summary>Creates an actor; a null name gets a unique <c>$</c>-prefixed one.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Selects actors by a path relative to this factory (or absolute).</summary>
    ActorSelection ActorSelection(string actorPath);
}
