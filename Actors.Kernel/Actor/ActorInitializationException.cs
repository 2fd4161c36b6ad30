namespace Actors.Kernel.Actor;

/// <summary>The actor's constructor, PreStart or PostRestart failed; the default decider stops the actor.</summary>
public class ActorInitializationException : AkkaException
{
    public ActorInitializationException()
    {
    }

    public ActorInitializationException(string message)
        : base(message)
    {
    }

    public ActorInitializationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ActorInitializationException(IActorRef? actor, string message, Exception? innerException)
        : base(message, innerException)
    {
        Actor = actor;
    }

    /// <summary>The actor that failed to initialise, when known.</summary>
    public IActorRef? Actor { get; }
}
