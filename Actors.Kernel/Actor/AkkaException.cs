namespace Actors.Kernel.Actor;

/// <summary>Base of the kernel's exceptions (named as in Akka.NET).</summary>
public class AkkaException : Exception
{
    public AkkaException()
    {
    }

    public AkkaException(string message)
        : base(message)
    {
    }

    public AkkaException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
