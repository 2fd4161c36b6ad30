namespace Actors.Kernel.Actor;

/// <summary>A watched actor terminated and the watcher did not handle <see cref="Terminated"/>.</summary>
public class DeathPactException : AkkaException
{
    public DeathPactException()
    {
    }

    public DeathPactException(string message)
        : base(message)
    {
    }

    public DeathPactException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DeathPactException(IActorRef deadActor)
        : base("Monitored actor [" + deadActor + "] terminated")
    {
        DeadActor = deadActor;
    }

    public IActorRef? DeadActor { get; }
}
