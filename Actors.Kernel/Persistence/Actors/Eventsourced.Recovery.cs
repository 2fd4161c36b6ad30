using Actors.Kernel.Actor;
using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Snapshot;

namespace Actors.Kernel.Persistence.Actors;

/// <summary>Recovery: load snapshot, replay events, RecoveryCompleted.</summary>
public abstract partial class Eventsourced
{
    private Recovery _recovery = Recovery.Default;
    private ICancelable? _recoveryTimeout;
    private bool _recoveryProgressed;

    private void StartRecovery()
    {
        _incarnation = new object();
        _recovery = Recovery;
        _state = RecoveryState.LoadingSnapshot;
        var criteria = _recovery.FromSnapshot.Limit(_recovery.ToSequenceNr);
        var incarnation = _incarnation;
        var self = Self;
        var timeout = Persistence.RecoveryEventTimeout;
        _recoveryTimeout = Context.System.Scheduler.ScheduleTellRepeatedlyCancelable(timeout, timeout, self, new RecoveryTick(incarnation), self);
        if (criteria.MaxSequenceNr <= 0)
        {
            self.Tell(new SnapshotLoaded(incarnation, null), self);
            return;
        }

        Task<SelectedSnapshot?> load;
        try
        {
            load = SnapshotStore.LoadAsync(PersistenceId, criteria);
        }
        catch (Exception ex)
        {
            load = Task.FromException<SelectedSnapshot?>(ex);
        }

        load.ContinueWith(
            t => self.Tell(
                t.IsCompletedSuccessfully
                    ? new SnapshotLoaded(incarnation, t.Result)
                    : new RecoveryStepFailed(incarnation, Unwrap(t)),
                self),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void OnSnapshotLoaded(SelectedSnapshot? snapshot)
    {
        if (_state != RecoveryState.LoadingSnapshot)
        {
            return;
        }

        _recoveryProgressed = true;
        if (snapshot is not null)
        {
            LastSequenceNr = snapshot.Metadata.SequenceNr;
            if (!TryRecover(new SnapshotOffer(snapshot.Metadata, snapshot.Snapshot)))
            {
                return;
            }
        }

        _state = RecoveryState.Replaying;
        var from = LastSequenceNr + 1;
        var self = Self;
        _ = ReplayAsync(Journal, PersistenceId, from, _recovery, self, _incarnation);
    }

    private static async Task ReplayAsync(IAsyncJournal journal, string pid, long from, Recovery recovery, IActorRef self, object incarnation)
    {
        try
        {
            if (recovery.ToSequenceNr >= from && recovery.ReplayMax > 0)
            {
                await journal.ReplayMessagesAsync(
                    pid, from, recovery.ToSequenceNr, recovery.ReplayMax,
                    e => self.Tell(new ReplayedEvent(incarnation, e), self)).ConfigureAwait(false);
            }

            var highest = await journal.ReadHighestSequenceNrAsync(pid, from - 1).ConfigureAwait(false);
            self.Tell(new ReplaySucceeded(incarnation, highest), self);
        }
        catch (Exception ex)
        {
            self.Tell(new RecoveryStepFailed(incarnation, ex), self);
        }
    }

    private void OnReplayedEvent(IPersistentRepresentation e)
    {
        if (_state != RecoveryState.Replaying)
        {
            return;
        }

        _recoveryProgressed = true;
        LastSequenceNr = e.SequenceNr;
        TryRecover(e.Payload);
    }

    private void OnReplaySucceeded(long highest)
    {
        if (_state != RecoveryState.Replaying)
        {
            return;
        }

        CancelRecoveryTimeout();
        _sequenceNr = Math.Max(highest, LastSequenceNr);
        LastSequenceNr = _sequenceNr;
        _state = RecoveryState.Processing;
        try
        {
            OnReplaySuccess();
        }
        catch (Exception ex)
        {
            FailRecovery(ex, null);
            return;
        }

        if (TryRecover(RecoveryCompleted.Instance, afterReplay: true))
        {
            InternalStash.UnstashAll();
        }
    }

    private bool TryRecover(object message, bool afterReplay = false)
    {
        try
        {
            if (afterReplay)
            {
                // Persist is allowed once recovery completed: collect and flush as for a command.
                RunUserCode(() => ReceiveRecover(message));
            }
            else
            {
                ReceiveRecover(message);
            }

            return true;
        }
        catch (Exception ex)
        {
            FailRecovery(ex, message);
            return false;
        }
    }

    private void FailRecovery(Exception cause, object? message)
    {
        if (_state == RecoveryState.Stopping)
        {
            return;
        }

        _state = RecoveryState.Stopping;
        CancelRecoveryTimeout();
        try
        {
            OnRecoveryFailure(cause, message);
        }
        finally
        {
            StopSelf();
        }
    }

    private void OnRecoveryTick()
    {
        if (!IsRecovering)
        {
            CancelRecoveryTimeout();
            return;
        }

        if (_recoveryProgressed)
        {
            _recoveryProgressed = false;
            return;
        }

        var what = _state == RecoveryState.LoadingSnapshot ? "a snapshot" : "a replayed event";
        FailRecovery(
            new RecoveryTimedOutException(
                "Recovery timed out, didn't get " + what + " within " + Persistence.RecoveryEventTimeout + " (persistenceId [" + PersistenceId + "], last sequence number [" + LastSequenceNr + "])"),
            null);
    }

    private void CancelRecoveryTimeout()
    {
        _recoveryTimeout?.Cancel();
        _recoveryTimeout = null;
    }

    private static Exception Unwrap(Task t) =>
        t.Exception is { InnerExceptions.Count: 1 } agg ? agg.InnerExceptions[0] : (Exception?)t.Exception ?? new TaskCanceledException(t);
}
