namespace Actors.Kernel.Actor;

/// <summary>An operation is not allowed in the actor's current state (e.g. stashing twice).</summary>
public class IllegalActorStateException : AkkaException
{
    public IllegalActorStateException()
    {
    }

    public IllegalActorStateException(string message)
        : base(message)
    {
    }

    public IllegalActorStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
