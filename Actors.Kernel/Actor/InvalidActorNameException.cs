namespace Actors.Kernel.Actor;

/// <summary>An actor name is malformed or not unique among its siblings.</summary>
public class InvalidActorNameException : AkkaException
{
    public InvalidActorNameException()
    {
    }

    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    public InvalidActorNameException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
