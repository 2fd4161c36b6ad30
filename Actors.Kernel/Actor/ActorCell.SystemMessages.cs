using Actors.Kernel.Dispatch;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Actor;

/// <summary>System-message dispatch, creation and termination.</summary>
internal sealed partial class ActorCell
{
    /// <summary>Processes one system message (mailbox thread).</summary>
    public override void SystemInvoke(SystemMessage message)
    {
        if (ShouldStash(message))
        {
            Stash(message);
            return;
        }

        HandleSystemMessage(message);
        if (_extras?.StashedSystem is { Count: > 0 })
        {
            ReplayStashedSystem();
        }
    }

    private void HandleSystemMessage(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create: CreateActor(); break;
                case Recreate r: FaultRecreate(r.Cause); break;
                case Dispatch.Suspend: FaultSuspend(); break;
                case Dispatch.Resume r: FaultResume(r.Cause); break;
                case Terminate: BeginTerminate(); break;
                case Failed f: HandleFailedChild(f); break;
                case Watch w: AddWatcher(w.Watchee, w.Watcher); break;
                case Unwatch u: RemoveWatcher(u.Watchee, u.Watcher); break;
                case DeathWatchNotification n: HandleDeathWatchNotification(n.Actor, n.ExistenceConfirmed); break;
                case RunContinuation c: RunContinuation(c); break;
                case AsyncHandlerCompleted a: AsyncHandlerCompleted(a.Task); break;
            }
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(ex);
        }
    }

    private void CreateActor()
    {
        try
        {
            _actor = NewActor();
            _actor.AroundPreStart();
        }
        catch (ActorInitializationException ex)
        {
            HandleInvokeFailure(ex);
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(new ActorInitializationException(Self, "Exception during creation of " + Path, ex));
        }
    }

    private ActorBase NewActor()
    {
        var previous = _constructing;
        _constructing = this;
        ActorBase actor;
        try
        {
            actor = Props.NewActor();
        }
        finally
        {
            _constructing = previous;
        }

        if (actor is IWithUnboundedStash s)
        {
            s.Stash = new UnboundedStash(this);
        }

        if (actor is IWithTimers t)
        {
            t.Timers = new TimerScheduler(this);
        }

        return actor;
    }

    private void BeginTerminate()
    {
        if (IsTerminating)
        {
            return;
        }

        _state |= TerminatingFlag;
        Mailbox.Suspend();
        CancelReceiveTimeout();
        UnwatchAll();
        var children = AllChildren();
        foreach (var c in children)
        {
            StopChild(c);
        }

        if (children.Length == 0)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        if (actor is not null)
        {
            try
            {
                actor.AroundPostStop();
            }
            catch (Exception ex)
            {
                Log.LogError(ex, "PostStop failed: {Reason}", ex.Message);
            }
        }

        _state |= TerminatedFlag;
        Mailbox.Close();
        _parent.SendSystemMessage(new DeathWatchNotification(Self, true));
        NotifyWatchers();
        _actor = null;
        _currentMessage = null;
        _currentSender = null;
        if (_extras is { } e)
        {
            e.Behaviors = null;
            e.Watching = null;
            e.PendingTask = null;
            e.StashedSystem = null;
            e.Perpetrator = null;
        }
    }
}
