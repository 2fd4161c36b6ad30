namespace Actors.Messages.Kubernetes;

/// <summary>A label or field selector that cannot be parsed (an API answers it with 400 Bad Request).</summary>
public sealed class SelectorException : FormatException
{
    public SelectorException()
    {
    }

    public SelectorException(string message)
        : base(message)
    {
    }

    public SelectorException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
