using Actors.Kernel.Dispatch;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Actor;

/// <summary>Failure, supervision of children, restart and resume.</summary>
internal sealed partial class ActorCell
{
    /// <summary>
    /// The actor failed: suspend it and every child (except <paramref name="failedChild"/>, already
    /// suspended by its own failure, and <paramref name="alreadySuspended"/>) and tell the parent,
    /// which decides. Never rethrows.
    /// </summary>
    internal void HandleInvokeFailure(Exception cause, ActorCell? failedChild = null, IReadOnlyCollection<ActorCell>? alreadySuspended = null)
    {
        if (IsTerminating)
        {
            Log.LogError(cause, "Failure while terminating: {Reason}", cause.Message);
            return;
        }

        if (IsFailed)
        {
            Log.LogError(cause, "Further failure while already failed: {Reason}", cause.Message);
            return;
        }

        _state |= FailedFlag;
        SuspendForFault();
        Extras.Perpetrator = failedChild?.Self ?? Self;
        SuspendChildren(failedChild, alreadySuspended);
        _parent.SendSystemMessage(new Failed(Self, cause, Path.Uid));
    }

    private void HandleFailedChild(Failed f)
    {
        if (IsTerminating || f.Child is not LocalActorRef child || !IsChild(child) || child.Path.Uid != f.Uid)
        {
            return;
        }

        if (child.Cell.StopRequestedByParent)
        {
            return;
        }

        var strategy = _actor?.SupervisorStrategyInternal ?? Props.SupervisorStrategy ?? SupervisorStrategy.DefaultStrategy;
        if (!strategy.HandleFailure(this, child.Cell, f.Cause))
        {
            HandleInvokeFailure(f.Cause, child.Cell);
        }
    }

    /// <summary>
    /// Ends one suspension: with a cause the supervisor resumed this actor's own failure (the
    /// failing message is dropped, state kept); without one an ancestor was resumed. Children
    /// suspended along with this actor are resumed the same way (recursively).
    /// </summary>
    private void FaultResume(Exception? cause)
    {
        if (IsTerminating)
        {
            return;
        }

        var perpetrator = _extras?.Perpetrator;
        ResumeForFault();
        if (cause is not null && IsFailed)
        {
            _state &= ~FailedFlag;
            _extras!.Perpetrator = null;
            _currentMessage = null;
        }

        ResumeChildren(cause, perpetrator);
    }

    private void FaultRecreate(Exception cause)
    {
        if (IsTerminating)
        {
            return;
        }

        if (_faultSuspends == 0)
        {
            // A restart always runs suspended (normally the failure or the supervisor's Suspend did it).
            SuspendForFault();
        }

        ClearAwaitingTask();
        var failed = _actor;
        if (failed is not null)
        {
            try
            {
                failed.AroundPreRestart(cause, _currentMessage);
            }
            catch (Exception ex)
            {
                Log.LogError(new PreRestartException(Self, cause, ex), "PreRestart failed: {Reason}", ex.Message);
            }
        }

        _actor = null;
        _currentMessage = null;
        _currentSender = null;
        if (_extras is { } e)
        {
            e.Behaviors = null;
        }

        if (HasStoppingChildren)
        {
            _state |= WaitingToRecreateFlag;
            Extras.PendingRestartCause = cause;
            return;
        }

        FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        _state &= ~(WaitingToRecreateFlag | FailedFlag);
        if (_extras is { } e)
        {
            e.PendingRestartCause = null;
            e.Perpetrator = null;
        }

        // Children that PreRestart did not stop are still suspended; they are restarted below.
        var survivors = LiveChildCells();
        ResumeForFault();
        try
        {
            _actor = NewActor();
            _actor.AroundPostRestart(cause);
        }
        catch (ActorInitializationException ex)
        {
            HandleInvokeFailure(ex, alreadySuspended: survivors);
            return;
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(new PostRestartException(Self, cause, ex), alreadySuspended: survivors);
            return;
        }

        foreach (var s in survivors)
        {
            s.Self.SendSystemMessage(new Recreate(cause));
        }
    }

    /// <summary>Called when a child is gone: continue a pending stop or restart.</summary>
    private void ChildTerminated()
    {
        if ((_state & TerminatingFlag) != 0 && (_state & TerminatedFlag) == 0)
        {
            if (!HasChildren)
            {
                FinishTerminate();
            }
        }
        else if ((_state & WaitingToRecreateFlag) != 0 && !HasStoppingChildren)
        {
            FinishRecreate(_extras?.PendingRestartCause ?? new ActorKilledException("restart"));
        }
    }
}
