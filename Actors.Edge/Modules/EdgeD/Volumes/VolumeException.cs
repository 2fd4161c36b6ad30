namespace Actors.Edge.Modules.EdgeD.Volumes;

/// <summary>A volume could not be prepared (the pod stays Pending and is retried).</summary>
public sealed class VolumeException : Exception
{
    public VolumeException(string message)
        : base(message)
    {
    }

    public VolumeException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public VolumeException()
    {
    }
}
