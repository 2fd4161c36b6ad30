namespace Actors.Kernel.Actor;

/// <summary>The stash is full.</summary>
public class StashOverflowException : AkkaException
{
    public StashOverflowException()
    {
    }

    public StashOverflowException(string message)
        : base(message)
    {
    }

    public StashOverflowException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
