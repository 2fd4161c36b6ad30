using Actors.Kernel.Dispatch;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Actor;

/// <summary>Failure, supervision of children, restart and resume.</summary>
internal sealed partial class ActorCell
{
    /// <summary>The actor failed: suspend and tell the parent (which decides). Never rethrows.</summary>
    internal void HandleInvokeFailure(Exception cause)
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
        Mailbox.Suspend();
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
            HandleInvokeFailure(f.Cause);
        }
    }

    private void FaultResume(Exception? cause)
    {
        if (!IsFailed || IsTerminating)
        {
            return;
        }

        _state &= ~FailedFlag;
        _currentMessage = null;
        Mailbox.Resume();
    }

    private void FaultRecreate(Exception cause)
    {
        if (IsTerminating)
        {
            return;
        }

        if (!IsFailed)
        {
            _state |= FailedFlag;
            Mailbox.Suspend();
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
        }

        var survivors = LiveChildCells();
        Mailbox.Resume();
        try
        {
            _actor = NewActor();
            _actor.AroundPostRestart(cause);
        }
        catch (ActorInitializationException ex)
        {
            HandleInvokeFailure(ex);
            return;
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(new PostRestartException(Self, cause, ex));
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
