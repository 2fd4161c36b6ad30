namespace Actors.Kernel.Actor;

/// <summary>An Ask did not get its reply in time, or the recipient was already terminated.</summary>
public class AskTimeoutException : AkkaException
{
    public AskTimeoutException()
    {
    }

    public AskTimeoutException(string message)
        : base(message)
    {
    }

    public AskTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
