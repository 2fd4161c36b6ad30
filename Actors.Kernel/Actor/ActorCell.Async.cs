using Actors.Kernel.Dispatch;

namespace Actors.Kernel.Actor;

/// <summary>Receive timeout and async handlers (ReceiveAsync / RunTask).</summary>
internal sealed partial class ActorCell
{
    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is null || timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan)
        {
            CancelReceiveTimeout();
            return;
        }

        Extras.ReceiveTimeout = timeout;
        RearmReceiveTimeout();
    }

    private void RearmReceiveTimeout()
    {
        var e = Extras;
        if (e.ReceiveTimeout is not { } timeout)
        {
            return;
        }

        if (e.ReceiveTimeoutTimer is null)
        {
            e.ReceiveTimeoutTimer = System.TimeProvider.CreateTimer(
                static s => ((LocalActorRef)s!).Tell(global::Actors.Kernel.Actor.ReceiveTimeout.Instance, null), Self, timeout, Timeout.InfiniteTimeSpan);
        }
        else
        {
            e.ReceiveTimeoutTimer.Change(timeout, Timeout.InfiniteTimeSpan);
        }
    }

    private void CancelReceiveTimeout()
    {
        if (_extras is { } e)
        {
            e.ReceiveTimeout = null;
            e.ReceiveTimeoutTimer?.Dispose();
            e.ReceiveTimeoutTimer = null;
        }
    }

    /// <summary>Runs an async handler; if it does not complete synchronously the mailbox is held until it does.</summary>
    internal void RunTask(Func<Task> action)
    {
        var ctx = Extras.SyncContext ??= new ActorSynchronizationContext(this);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(ctx);
        Task task;
        try
        {
            task = action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
            return;
        }

        _state |= AwaitingTaskFlag;
        Extras.PendingTask = task;
        Mailbox.Suspend();
        task.ContinueWith(
            static (t, s) => ((LocalActorRef)s!).SendSystemMessage(new AsyncHandlerCompleted(t)),
            Self, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void RunContinuation(RunContinuation c)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(Extras.SyncContext);
        try
        {
            c.Callback(c.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void AsyncHandlerCompleted(Task task)
    {
        if (!ReferenceEquals(_extras?.PendingTask, task))
        {
            return;
        }

        ClearAwaitingTask();
        if (task.Exception is { } ex)
        {
            HandleInvokeFailure(ex.InnerExceptions.Count == 1 ? ex.InnerExceptions[0] : ex);
        }
        else if (task.IsCanceled)
        {
            HandleInvokeFailure(new TaskCanceledException(task));
        }
    }

    private void ClearAwaitingTask()
    {
        if ((_state & AwaitingTaskFlag) != 0)
        {
            _state &= ~AwaitingTaskFlag;
            Extras.PendingTask = null;
            Mailbox.Resume();
        }
    }
}
