namespace Actors.Kernel.Actor;

/// <summary>Thrown inside an actor that processed <see cref="Kill"/>.</summary>
public class ActorKilledException : AkkaException
{
    public ActorKilledException()
    {
    }

    public ActorKilledException(string message)
        : base(message)
    {
    }

    public ActorKilledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
