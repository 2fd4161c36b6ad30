using Actors.Kernel.Persistence.Snapshot;

namespace Actors.Kernel.Persistence.Actors;

/// <summary>SaveSnapshot, DeleteSnapshot(s), DeleteMessages; replies are told to self.</summary>
public abstract partial class Eventsourced
{
    /// <summary>
    /// Saves <paramref name="snapshot"/> as the state after <see cref="SnapshotSequenceNr"/>;
    /// replies <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/> to self.
    /// </summary>
    public void SaveSnapshot(object snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = new SnapshotMetadata(PersistenceId, SnapshotSequenceNr, Context.System.TimeProvider.GetUtcNow().UtcDateTime);
        ReplyToSelf(
            () => SnapshotStore.SaveAsync(metadata, snapshot),
            () => new SaveSnapshotSuccess(metadata),
            ex => new SaveSnapshotFailure(metadata, ex));
    }

    /// <summary>Deletes the snapshot at <paramref name="sequenceNr"/>; replies DeleteSnapshotSuccess/Failure to self.</summary>
    public void DeleteSnapshot(long sequenceNr)
    {
        var metadata = new SnapshotMetadata(PersistenceId, sequenceNr);
        ReplyToSelf(
            () => SnapshotStore.DeleteAsync(metadata),
            () => new DeleteSnapshotSuccess(metadata),
            ex => new DeleteSnapshotFailure(metadata, ex));
    }

    /// <summary>Deletes the snapshots matching <paramref name="criteria"/>; replies DeleteSnapshotsSuccess/Failure to self.</summary>
    public void DeleteSnapshots(SnapshotSelectionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ReplyToSelf(
            () => SnapshotStore.DeleteAsync(PersistenceId, criteria),
            () => new DeleteSnapshotsSuccess(criteria),
            ex => new DeleteSnapshotsFailure(criteria, ex));
    }

    /// <summary>
    /// Deletes the events up to <paramref name="toSequenceNr"/> (inclusive; <see cref="long.MaxValue"/> = all).
    /// Numbering continues after <see cref="LastSequenceNr"/>. Replies DeleteMessagesSuccess/Failure to self.
    /// </summary>
    public void DeleteMessages(long toSequenceNr)
    {
        if (toSequenceNr != long.MaxValue && toSequenceNr > LastSequenceNr)
        {
            Self.Tell(
                new DeleteMessagesFailure(
                    new InvalidOperationException(
                        "toSequenceNr [" + toSequenceNr + "] must be less than or equal to lastSequenceNr [" + LastSequenceNr + "]"),
                    toSequenceNr),
                Self);
            return;
        }

        FlushBatch(); // the journal orders the delete after the writes already sent
        ReplyToSelf(
            () => Journal.DeleteMessagesToAsync(PersistenceId, toSequenceNr),
            () => new DeleteMessagesSuccess(toSequenceNr),
            ex => new DeleteMessagesFailure(ex, toSequenceNr));
    }

    private void ReplyToSelf(Func<Task> operation, Func<object> success, Func<Exception, object> failure)
    {
        Task task;
        try
        {
            task = operation();
        }
        catch (Exception ex)
        {
            task = Task.FromException(ex);
        }

        var self = Self;
        task.ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully ? success() : failure(Unwrap(t)), self),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
