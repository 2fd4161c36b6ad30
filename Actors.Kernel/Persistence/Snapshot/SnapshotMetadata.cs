namespace Actors.Kernel.Persistence.Snapshot;

/// <summary>
/// Identifies a snapshot (Akka's <c>SnapshotMetadata</c>): the stream, the sequence number of the
/// last event folded into it, and when it was taken (UTC; stored as ticks in <c>created_at</c>).
/// </summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTime Timestamp)
{
    /// <summary>Metadata with "no timestamp" (<see cref="DateTime.MinValue"/>), as Akka allows.</summary>
    public SnapshotMetadata(string persistenceId, long sequenceNr)
        : this(persistenceId, sequenceNr, DateTime.MinValue)
    {
    }
}
