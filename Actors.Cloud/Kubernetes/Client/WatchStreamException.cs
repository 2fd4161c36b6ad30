namespace Actors.Cloud.Kubernetes.Client;

/// <summary>A watch stream could not be decoded (malformed line, truncated event, oversized line).</summary>
public sealed class WatchStreamException : Exception
{
    public WatchStreamException()
        : base("the watch stream could not be decoded")
    {
    }

    public WatchStreamException(string message)
        : base(message)
    {
    }

    public WatchStreamException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
