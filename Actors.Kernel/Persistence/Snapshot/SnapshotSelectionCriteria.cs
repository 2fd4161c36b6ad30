namespace Actors.Kernel.Persistence.Snapshot;

/// <summary>
/// Which snapshots a load or delete applies to (Akka's <c>SnapshotSelectionCriteria</c>): those
/// with <see cref="MinSequenceNr"/> ≤ seqNr ≤ <see cref="MaxSequenceNr"/> and
/// <see cref="MinTimestamp"/> ≤ timestamp ≤ <see cref="MaxTimestamp"/>, bounds inclusive.
/// A load picks the matching snapshot with the highest sequence number.
/// </summary>
public sealed record SnapshotSelectionCriteria(
    long MaxSequenceNr,
    DateTime MaxTimestamp,
    long MinSequenceNr = 0,
    DateTime MinTimestamp = default)
{
    /// <summary>Selects every snapshot up to <paramref name="maxSequenceNr"/>.</summary>
    public SnapshotSelectionCriteria(long maxSequenceNr)
        : this(maxSequenceNr, DateTime.MaxValue)
    {
    }

    /// <summary>The latest snapshot (everything matches).</summary>
    public static SnapshotSelectionCriteria Latest { get; } = new(long.MaxValue, DateTime.MaxValue);

    /// <summary>No snapshot (nothing matches; recovery replays from the first event).</summary>
    public static SnapshotSelectionCriteria None { get; } = new(0L, DateTime.MinValue);

    /// <summary>True when <paramref name="metadata"/> lies within all four bounds.</summary>
    public bool IsMatch(SnapshotMetadata metadata) =>
        metadata.SequenceNr <= MaxSequenceNr && metadata.SequenceNr >= MinSequenceNr &&
        metadata.Timestamp <= MaxTimestamp && metadata.Timestamp >= MinTimestamp;

    /// <summary>
    /// These criteria capped at <paramref name="toSequenceNr"/> (Akka's <c>Limit</c>, used when a
    /// recovery targets an earlier sequence number).
    /// </summary>
    public SnapshotSelectionCriteria Limit(long toSequenceNr) =>
        toSequenceNr < MaxSequenceNr ? this with { MaxSequenceNr = toSequenceNr } : this;
}
