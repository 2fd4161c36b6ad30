namespace Actors.Kernel.Actor;

/// <summary>A message is not acceptable (e.g. null).</summary>
public class InvalidMessageException : AkkaException
{
    public InvalidMessageException()
    {
    }

    public InvalidMessageException(string message)
        : base(message)
    {
    }

    public InvalidMessageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
