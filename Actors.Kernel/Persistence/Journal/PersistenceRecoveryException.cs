namespace Actors.Kernel.Persistence.Journal;

/// <summary>
/// A stored event or snapshot could not be read back (corrupt payload, unknown manifest or
/// serializer). Names the stream and position so the operator can find the row.
/// </summary>
public sealed class PersistenceRecoveryException : Exception
{
    public PersistenceRecoveryException(string persistenceId, long sequenceNr, string manifest, Exception inner)
        : base(
            $"Cannot recover persistence id '{persistenceId}' at sequence nr {sequenceNr} (manifest '{manifest}'): {inner.Message}",
            inner)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
        Manifest = manifest;
    }

    public PersistenceRecoveryException()
    {
        PersistenceId = string.Empty;
        Manifest = string.Empty;
    }

    public PersistenceRecoveryException(string message)
        : base(message)
    {
        PersistenceId = string.Empty;
        Manifest = string.Empty;
    }

    public PersistenceRecoveryException(string message, Exception inner)
        : base(message, inner)
    {
        PersistenceId = string.Empty;
        Manifest = string.Empty;
    }

    public string PersistenceId { get; }

    public long SequenceNr { get; }

    public string Manifest { get; }
}
