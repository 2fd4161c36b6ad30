using Actors.Kernel.Persistence.Snapshot;

namespace Actors.Kernel.Persistence.Actors;

/// <summary>Sent to the recover handlers after the last replayed event; commands follow it.</summary>
public sealed class RecoveryCompleted
{
    private RecoveryCompleted()
    {
    }

    public static RecoveryCompleted Instance { get; } = new();

    public override string ToString() => "RecoveryCompleted";
}

/// <summary>Offered to the recover handlers first when recovery found a snapshot.</summary>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);

/// <summary>Sent to self when <c>SaveSnapshot</c> stored the snapshot.</summary>
public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata);

/// <summary>Sent to self when <c>SaveSnapshot</c> failed.</summary>
public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

/// <summary>Sent to self when <c>DeleteMessages</c> deleted the events up to <see cref="ToSequenceNr"/>.</summary>
public sealed record DeleteMessagesSuccess(long ToSequenceNr);

/// <summary>Sent to self when <c>DeleteMessages</c> failed.</summary>
public sealed record DeleteMessagesFailure(Exception Cause, long ToSequenceNr);

/// <summary>Sent to self when <c>DeleteSnapshot</c> succeeded.</summary>
public sealed record DeleteSnapshotSuccess(SnapshotMetadata Metadata);

/// <summary>Sent to self when <c>DeleteSnapshot</c> failed.</summary>
public sealed record DeleteSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

/// <summary>Sent to self when <c>DeleteSnapshots</c> succeeded.</summary>
public sealed record DeleteSnapshotsSuccess(SnapshotSelectionCriteria Criteria);

/// <summary>Sent to self when <c>DeleteSnapshots</c> failed.</summary>
public sealed record DeleteSnapshotsFailure(SnapshotSelectionCriteria Criteria, Exception Cause);
