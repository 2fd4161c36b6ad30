namespace Actors.Edge.Modules.EdgeD.Pods;

/// <summary>A Pod JSON EdgeD cannot run: malformed, missing a required field, or using an unsupported feature.</summary>
public sealed class PodSpecException : FormatException
{
    public PodSpecException(string message)
        : base(message)
    {
    }

    public PodSpecException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public PodSpecException()
    {
    }
}
