namespace Actors.Kernel.Persistence.Serialization;

/// <summary>
/// A payload could not be turned into bytes or back: its type has no registered manifest, the
/// stored manifest or serializer id is unknown, or the bytes are not valid for the type.
/// </summary>
public sealed class PersistenceSerializationException : Exception
{
    public PersistenceSerializationException()
    {
    }

    public PersistenceSerializationException(string message)
        : base(message)
    {
    }

    public PersistenceSerializationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
