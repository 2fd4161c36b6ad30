using Actors.Kernel.Actor;
using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Snapshot;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Persistence.Actors;

/// <summary>
/// Base of event-sourced actors (Akka's <c>Eventsourced</c>). Recovery runs when the actor starts
/// and after every restart: snapshot, replayed events, <see cref="Actors.RecoveryCompleted"/>.
/// Commands arriving during recovery, or while a <c>Persist</c>/<c>PersistAll</c> is in flight, go
/// to an internal stash and are processed afterwards in arrival order. Split by concern into
/// partial files (recovery, persist, snapshots and deletes).
/// </summary>
public abstract partial class Eventsourced : ActorBase
{
    private readonly PersistenceProvider _persistence;
    private InternalStash? _internalStash;
    private object _incarnation = new();
    private RecoveryState _state = RecoveryState.NotStarted;
    private bool _inReceive;

    protected Eventsourced(PersistenceProvider persistence)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        _persistence = persistence;
    }

    private enum RecoveryState
    {
        NotStarted,
        LoadingSnapshot,
        Replaying,
        Processing,
        Stopping,
    }

    /// <summary>The id of this actor's event stream; must be stable across restarts.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>Same as <see cref="PersistenceId"/> (Akka's <c>SnapshotterId</c>).</summary>
    public string SnapshotterId => PersistenceId;

    /// <summary>How to recover (default: latest snapshot, then all later events).</summary>
    public virtual Recovery Recovery => Recovery.Default;

    /// <summary>Sequence number of the last event persisted or replayed (0 = none).</summary>
    public long LastSequenceNr { get; private set; }

    /// <summary>The sequence number a snapshot taken now is saved under (= <see cref="LastSequenceNr"/>).</summary>
    public long SnapshotSequenceNr => LastSequenceNr;

    /// <summary>True until <see cref="Actors.RecoveryCompleted"/> has been handled.</summary>
    public bool IsRecovering => _state is RecoveryState.NotStarted or RecoveryState.LoadingSnapshot or RecoveryState.Replaying;

    /// <summary>True once recovery finished.</summary>
    public bool IsRecoveryFinished => !IsRecovering;

    /// <summary>True after a persist or recovery failure, while the actor is being stopped.</summary>
    protected bool IsStopping => _state == RecoveryState.Stopping;

    /// <summary>The journal this actor writes to.</summary>
    public IAsyncJournal Journal => _persistence.Journal;

    /// <summary>The snapshot store this actor saves to.</summary>
    public ISnapshotStore SnapshotStore => _persistence.SnapshotStore;

    /// <summary>The provider this actor was created with.</summary>
    protected PersistenceProvider Persistence => _persistence;

    private InternalStash InternalStash => _internalStash ??= new InternalStash(Cell);

    /// <summary>Handles a recovered message (SnapshotOffer, an event, RecoveryCompleted); false = not handled.</summary>
    protected abstract bool ReceiveRecover(object message);

    /// <summary>Handles a command; false = unhandled.</summary>
    protected abstract bool ReceiveCommand(object message);

    protected sealed override bool Receive(object message) => ReceiveCommand(message);

    /// <summary>
    /// Journal replies are handled here; other messages are stashed internally while recovering
    /// or while a stashing persist is pending, else passed to the command behaviour.
    /// </summary>
    protected internal override bool AroundReceive(Receive receive, object message)
    {
        if (message is IPersistenceProtocol p)
        {
            if (ReferenceEquals(p.Incarnation, _incarnation) && _state != RecoveryState.Stopping)
            {
                HandleProtocol(p);
            }

            return true;
        }

        // While stopping, keep messages too: they are re-queued on stop and go to dead letters.
        if (_state == RecoveryState.Stopping || IsRecovering || _pendingStashingInvocations > 0)
        {
            InternalStash.StashCurrent();
            return true;
        }

        return RunUserCode(() => base.AroundReceive(receive, message));
    }

    public override void AroundPreStart()
    {
        StartRecovery();
        base.AroundPreStart();
    }

    public override void AroundPostRestart(Exception cause)
    {
        StartRecovery();
        base.AroundPostRestart(cause);
    }

    public override void AroundPreRestart(Exception cause, object? message)
    {
        EndIncarnation();
        base.AroundPreRestart(cause, message);
    }

    public override void AroundPostStop()
    {
        EndIncarnation();
        base.AroundPostStop();
    }

    /// <summary>Called when recovery failed (the actor is then stopped). Default: logs an error.</summary>
    protected virtual void OnRecoveryFailure(Exception reason, object? message = null) =>
        Cell.Log.LogError(
            reason,
            "Persistence failure when replaying events for persistenceId [{PersistenceId}]. Last known sequence number [{LastSequenceNr}]. Message: [{Message}]: {Reason}",
            PersistenceId, LastSequenceNr, message?.ToString() ?? "none", reason.Message);

    /// <summary>Called when the journal failed to write an event (the actor is then stopped). Default: logs an error.</summary>
    protected virtual void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        Cell.Log.LogError(
            cause,
            "Failed to persist event type [{EventType}] with sequence number [{SequenceNr}] for persistenceId [{PersistenceId}]: {Reason}",
            @event.GetType().Name, sequenceNr, PersistenceId, cause.Message);

    /// <summary>Called when the journal rejected an event (e.g. not serializable); the actor continues. Default: logs a warning.</summary>
    protected virtual void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
        Cell.Log.LogWarning(
            cause,
            "Rejected to persist event type [{EventType}] with sequence number [{SequenceNr}] for persistenceId [{PersistenceId}] due to [{Reason}]",
            @event.GetType().Name, sequenceNr, PersistenceId, cause.Message);

    /// <summary>Called after the last replayed event, before <see cref="Actors.RecoveryCompleted"/>.</summary>
    protected virtual void OnReplaySuccess()
    {
    }

    /// <summary>Runs user code that may call Persist, then sends the collected writes as one batch.</summary>
    private bool RunUserCode(Func<bool> action)
    {
        var outer = _inReceive;
        _inReceive = true;
        bool handled;
        try
        {
            handled = action();
        }
        catch
        {
            if (!outer)
            {
                _batch.Clear();
            }

            throw;
        }
        finally
        {
            _inReceive = outer;
        }

        if (!outer)
        {
            FlushBatch();
        }

        return handled;
    }

    private void HandleProtocol(IPersistenceProtocol message)
    {
        switch (message)
        {
            case SnapshotLoaded s: OnSnapshotLoaded(s.Snapshot); break;
            case ReplayedEvent e: OnReplayedEvent(e.Event); break;
            case ReplaySucceeded r: OnReplaySucceeded(r.HighestSequenceNr); break;
            case RecoveryStepFailed f: FailRecovery(f.Cause, null); break;
            case RecoveryTick: OnRecoveryTick(); break;
            default: RunUserCode(() => HandleWriteResponse(message)); break;
        }
    }

    private void EndIncarnation()
    {
        _incarnation = new object();
        _state = RecoveryState.Stopping;
        CancelRecoveryTimeout();
        _internalStash?.UnstashAll();
    }

    private void StopSelf()
    {
        _state = RecoveryState.Stopping;
        Context.Stop(Self);
    }
}
